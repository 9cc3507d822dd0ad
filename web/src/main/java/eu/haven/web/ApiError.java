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
}
