package eu.haven.web.page;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Cross-site request forgery tokens for every form: the browser holds a random value in an
 * HttpOnly, SameSite=Strict cookie, and each form carries that value's HMAC under the server's form
 * key. A post whose field does not match its cookie is refused (403) before anything else happens:
 * another site can neither read the cookie nor compute the field.
 */
public final class Csrf {
    public static final String COOKIE = "haven_csrf";
    public static final String FIELD = "csrf";
    private static final String FRESH = "haven.csrf.fresh";
    private static final SecureRandom RANDOM = new SecureRandom();
    private final byte[] key;
    private final boolean secure;

    public Csrf(byte[] key, boolean secure) {
        this.key = key.clone();
        this.secure = secure;
        this.prototype = newMac();
    }

    /** The field value for this browser's forms, setting the cookie first when the browser has none. */
    public String token(Context ctx) {
        String fresh = ctx.attribute(FRESH);
        String value = fresh != null ? fresh : cookie(ctx).orElse(null);
        if (value == null) {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            ctx.attribute(FRESH, value);
            Cookies.set(ctx, COOKIE, value, "/", secure, java.util.OptionalLong.empty());
        }
        return mac(value);
    }

    /** True when the post carries the field that matches its cookie. */
    public boolean valid(Context ctx) {
        Optional<String> cookie = cookie(ctx);
        String field = ctx.formParam(FIELD);
        if (cookie.isEmpty() || field == null) {
            return false;
        }
        return MessageDigest.isEqual(mac(cookie.get()).getBytes(StandardCharsets.US_ASCII), field.getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<String> cookie(Context ctx) {
        return Cookies.get(ctx, COOKIE).filter(v -> v.length() == 43);
    }

    /** Made once and cloned for each use: requests run on virtual threads, so a thread-local would be made anew each time. */
    private final Mac prototype;

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is missing from the JDK", e);
        }
    }

    private String mac(String value) {
        try {
            Mac mac = (Mac) prototype.clone();
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(value.getBytes(StandardCharsets.US_ASCII)));
        } catch (CloneNotSupportedException e) {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(newMac().doFinal(value.getBytes(StandardCharsets.US_ASCII)));
        }
    }
}
