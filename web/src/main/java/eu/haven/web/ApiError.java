package eu.haven.web;

import eu.haven.core.error.ErrorCode;

/** The body of every error answer: {@code {"error": "<code>", "message": "<text>"}}. */
public record ApiError(String error, String message) {
    public static ApiError of(ErrorCode code, String message) {
        return new ApiError(code.code(), message);
    }
}
