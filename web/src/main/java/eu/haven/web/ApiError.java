package eu.haven.web;

import eu.haven.core.error.ErrorCode;

/**
 * The body of every error answer: {@code {"error": "<code>", "message": "<text>"}}, and
 * {@code "field"} when the refusal is about one field of the input (for a form to show it there).
 */
public record ApiError(String error, String message, String field) {
    public static ApiError of(ErrorCode code, String message) {
        return new ApiError(code.code(), message, null);
    }

    public static ApiError of(ErrorCode code, String message, java.util.Optional<String> field) {
        return new ApiError(code.code(), message, field.orElse(null));
    }

    /**
     * The error code of a refusal that arrives as a bare HTTP status, from Jetty or Javalin rather
     * than from Haven's services ({@link ErrorStatus} then gives the status it is answered with).
     */
    public static ErrorCode codeFor(int status) {
        return switch (status) {
            case 401 -> ErrorCode.UNAUTHORIZED;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 413 -> ErrorCode.BODY_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 503 -> ErrorCode.BUSY;
            default -> status >= 500 ? ErrorCode.INTERNAL : ErrorCode.INVALID_REQUEST;
        };
    }

    /** The body such a refusal is answered with. */
    public static ApiError ofStatus(int status) {
        ErrorCode code = codeFor(status);
        return of(code, switch (status) {
            case 401 -> "Sign in first.";
            case 404 -> eu.haven.core.error.HavenException.NOT_FOUND_MESSAGE;
            case 405 -> "This method is not allowed here.";
            case 413 -> eu.haven.core.error.HavenException.BODY_TOO_LARGE_MESSAGE;
            case 414, 431 -> "The request's address or headers are too long.";
            case 415 -> "Send JSON with Content-Type: application/json.";
            case 503 -> "The server is busy. Try again in a moment.";
            default -> code == ErrorCode.INTERNAL ? "Something went wrong on our side. Nothing was changed by this request."
                : "The request is malformed: check its headers, length and encoding.";
        });
    }
}
