package eu.haven.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.haven.core.error.ErrorCode;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Requests Jetty refuses before they reach the API (a malformed header, conflicting lengths, a
 * header or address too long) are answered in the API's shape, {@code {"error","message"}}, not
 * with an HTML page; nothing of the request is echoed.
 */
final class JsonErrorHandler extends ErrorHandler {
    private final ObjectMapper mapper;

    JsonErrorHandler(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(body(code)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        return ByteBuffer.wrap(body(status));
    }

    private byte[] body(int status) {
        ApiError error = switch (status) {
            case 404 -> ApiError.of(ErrorCode.NOT_FOUND, eu.haven.core.error.HavenException.NOT_FOUND_MESSAGE);
            case 405 -> ApiError.of(ErrorCode.METHOD_NOT_ALLOWED, "This method is not allowed here.");
            case 413 -> ApiError.of(ErrorCode.BODY_TOO_LARGE, eu.haven.core.error.HavenException.BODY_TOO_LARGE_MESSAGE);
            case 414, 431 -> ApiError.of(ErrorCode.INVALID_REQUEST, "The request's address or headers are too long.");
            case 415 -> ApiError.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send JSON with Content-Type: application/json.");
            case 503 -> ApiError.of(ErrorCode.BUSY, "The server is busy. Try again in a moment.");
            default -> status >= 500 ? ApiError.of(ErrorCode.INTERNAL, "Something went wrong on our side. Nothing was changed by this request.")
                : ApiError.of(ErrorCode.INVALID_REQUEST, "The request is malformed: check its headers, length and encoding.");
        };
        try {
            return mapper.writeValueAsBytes(error);
        } catch (JsonProcessingException e) {
            return "{\"error\":\"internal-error\",\"message\":\"Something went wrong on our side.\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
