package eu.haven.web;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import eu.haven.core.error.ErrorCode;
import eu.haven.core.error.HavenException;
import io.javalin.http.Context;
import java.io.InputStream;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Reading requests: JSON bodies into records with errors that name the field, path ids, headers. */
public final class Requests {
    public static final int MAX_BODY = 1024 * 1024;
    /** Up to this size an oversized body is read and discarded so that the 413 reaches the client. */
    static final int DRAIN_LIMIT = 16 * 1024 * 1024;
    private final ObjectMapper mapper;

    public Requests(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public <T> T body(Context ctx, Class<T> type) {
        if (!isJson(Optional.ofNullable(ctx.contentType()).orElse(""))) {
            throw new HavenException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send JSON with Content-Type: application/json.");
        }
        byte[] bytes = readCapped(ctx);
        if (bytes.length == 0) {
            throw new HavenException(ErrorCode.INVALID_JSON, "The request needs a JSON body.");
        }
        try {
            T value = mapper.readValue(bytes, type);
            if (value == null) {
                throw new HavenException(ErrorCode.INVALID_JSON, "The body must be a JSON object.");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw HavenException.invalid(clip(e.getPropertyName()), "Unknown field '" + clip(e.getPropertyName()) + "'.");
        } catch (MismatchedInputException e) {
            String field = path(e);
            throw field.isEmpty() ? HavenException.invalid("The body must be a JSON object of the documented shape.")
                : HavenException.invalid(field, "Field '" + field + "' has the wrong type or format.");
        } catch (JsonParseException e) {
            if (String.valueOf(e.getOriginalMessage()).startsWith("Duplicate field")) {
                throw new HavenException(ErrorCode.INVALID_JSON, "A field appears more than once in the body: send each field once.");
            }
            throw new HavenException(ErrorCode.INVALID_JSON, "The body is not valid JSON.");
        } catch (JsonMappingException e) {
            String field = path(e);
            throw field.isEmpty() ? HavenException.invalid("The body does not have the documented shape.")
                : HavenException.invalid(field, "Field '" + field + "' is not valid.");
        } catch (JacksonException e) {
            throw new HavenException(ErrorCode.INVALID_JSON, "The body is not valid JSON.");
        } catch (java.io.IOException e) {
            throw new HavenException(ErrorCode.INVALID_JSON, "The body could not be read.");
        }
    }

    /**
     * The body, at most {@link #MAX_BODY} bytes. A larger body is read on and discarded up to
     * {@link #DRAIN_LIMIT} before the 413 goes out: a server that answers while the client is still
     * sending closes the connection, and the client may then never see the answer.
     */
    private static byte[] readCapped(Context ctx) {
        if (ctx.contentLength() > DRAIN_LIMIT) {
            throw tooLarge();
        }
        try (InputStream in = ctx.bodyInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                long drained = 0;
                byte[] sink = new byte[64 * 1024];
                for (int n; drained < DRAIN_LIMIT && (n = in.read(sink)) > 0; ) {
                    drained += n;
                }
                throw tooLarge();
            }
            return bytes;
        } catch (java.io.IOException e) {
            throw new HavenException(ErrorCode.INVALID_JSON, "The body could not be read.");
        }
    }

    /** {@code application/json}, optionally with {@code charset=utf-8}: nothing else is read as JSON. */
    static boolean isJson(String contentType) {
        String[] parts = contentType.split(";");
        if (!parts[0].trim().equalsIgnoreCase("application/json")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim().toLowerCase(java.util.Locale.ROOT).replace("\"", "");
            if (!p.isEmpty() && !p.equals("charset=utf-8")) {
                return false;
            }
        }
        return true;
    }

    public static UUID uuid(Context ctx, String param) {
        try {
            return UUID.fromString(ctx.pathParam(param));
        } catch (IllegalArgumentException e) {
            throw HavenException.notFound();
        }
    }

    /** The token of an {@code Authorization: Bearer <token>} header; empty when there is none. */
    public static Optional<String> bearer(Context ctx) {
        String header = Optional.ofNullable(ctx.header("Authorization")).orElse("").trim();
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() > 200) {
            return Optional.empty();
        }
        return Optional.of(header.substring(7).trim());
    }

    public static Optional<String> header(Context ctx, String name) {
        return Optional.ofNullable(ctx.header(name));
    }

    private static HavenException tooLarge() {
        return new HavenException(ErrorCode.BODY_TOO_LARGE, HavenException.BODY_TOO_LARGE_MESSAGE);
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
            .map(r -> r.getFieldName() != null ? clip(r.getFieldName()) : "[" + r.getIndex() + "]")
            .collect(Collectors.joining(".")).replace(".[", "[");
    }

    /** Field names come from the client: keep only safe characters, and not too many. */
    private static String clip(String s) {
        if (s == null) {
            return "";
        }
        String safe = s.replaceAll("[^A-Za-z0-9_.-]", "?");
        return safe.length() > 40 ? safe.substring(0, 40) + "..." : safe;
    }
}
