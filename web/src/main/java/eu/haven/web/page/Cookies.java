package eu.haven.web.page;

import io.javalin.http.Context;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The pages' cookies: HttpOnly and SameSite=Strict always, Secure when Haven is served over TLS,
 * session cookies (no expiry) unless a lifetime is given. Only the sign-in token and the form
 * token are ever kept in a cookie.
 */
public final class Cookies {
    private Cookies() {}

    public static void set(Context ctx, String name, String value, String path, boolean secure, OptionalLong maxAgeSeconds) {
        StringBuilder header = new StringBuilder(name).append('=').append(value).append("; Path=").append(path)
            .append("; HttpOnly; SameSite=Strict");
        if (secure) {
            header.append("; Secure");
        }
        maxAgeSeconds.ifPresent(s -> header.append("; Max-Age=").append(s));
        ctx.res().addHeader("Set-Cookie", header.toString());
    }

    public static void clear(Context ctx, String name, String path, boolean secure) {
        set(ctx, name, "", path, secure, OptionalLong.of(0));
    }

    /** The cookie's value when it is there and is made of token characters only. */
    public static Optional<String> get(Context ctx, String name) {
        return Optional.ofNullable(ctx.cookie(name)).filter(v -> !v.isEmpty() && v.length() <= 200
            && v.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_'));
    }
}
