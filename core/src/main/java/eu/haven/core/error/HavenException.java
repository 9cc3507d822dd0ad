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

    public HavenException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public HavenException(ErrorCode code, String message, Throwable cause) {
        super(message, cause, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    public static HavenException notFound() {
        return new HavenException(ErrorCode.NOT_FOUND, NOT_FOUND_MESSAGE);
    }

    public static HavenException invalid(String message) {
        return new HavenException(ErrorCode.INVALID_REQUEST, message);
    }
}
