package eu.haven.core.error;

/**
 * A failure with a code and a message fit to show a client. Messages must never contain
 * personal data: they name fields, codes and identifiers of the framework, never values.
 */
public class HavenException extends RuntimeException {
    /** The one answer for "does not exist" and "exists, but not for you". */
    public static final String NOT_FOUND_MESSAGE = "No such resource, or none you may see.";
    public static final String BODY_TOO_LARGE_MESSAGE = "The body is larger than 1 MiB.";
    private static final long serialVersionUID = 1L;
    private final ErrorCode code;
    private final transient java.util.Optional<String> field;

    public HavenException(ErrorCode code, String message) {
        this(code, message, java.util.Optional.empty());
    }

    /** A refusal about one field of the input, named so that a form can show the message beside it. */
    public HavenException(ErrorCode code, String message, java.util.Optional<String> field) {
        super(message, null, false, false);
        this.code = code;
        this.field = field;
    }

    public HavenException(ErrorCode code, String message, Throwable cause) {
        super(message, cause, false, false);
        this.code = code;
        this.field = java.util.Optional.empty();
    }

    public ErrorCode code() {
        return code;
    }

    /** The input field the refusal is about, when it is about one. */
    public java.util.Optional<String> field() {
        return field;
    }

    /**
     * The values a reader's text of this error names (never personal data: sizes, limits, waits),
     * so that a page can say it in the reader's language with them; none by default.
     */
    public java.util.Map<String, Object> args() {
        return java.util.Map.of();
    }

    public static HavenException notFound() {
        return new HavenException(ErrorCode.NOT_FOUND, NOT_FOUND_MESSAGE);
    }

    public static HavenException invalid(String message) {
        return new HavenException(ErrorCode.INVALID_REQUEST, message);
    }

    /** Invalid input in one named field. */
    public static HavenException invalid(String field, String message) {
        return new HavenException(ErrorCode.INVALID_REQUEST, message, java.util.Optional.of(field));
    }
}
