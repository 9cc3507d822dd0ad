package eu.haven.web.page.staff;

import eu.haven.core.error.HavenException;
import eu.haven.core.framework.PurposeResolver;
import eu.haven.core.framework.RequestedPurpose;
import eu.haven.core.staff.Actor;
import eu.haven.core.staff.AuthService;
import eu.haven.web.page.Cookies;
import eu.haven.web.page.IdleSessions;
import eu.haven.web.page.PageFailure;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A member of staff's sign-in on the pages: the token in an HttpOnly, SameSite=Strict cookie for
 * {@code /staff} only, ended after 30 minutes without a request; and the purpose they declared,
 * remembered for the session in a cookie of its own and resolved on every request exactly as the
 * API's Purpose header is (a made-up or forbidden purpose reaches the access guard and is refused
 * and recorded there).
 */
final class StaffPageSession {
    static final String COOKIE = "haven_staff";
    static final String PURPOSE = "haven_purpose";
    private final AuthService auth;
    private final PurposeResolver purposes;
    private final IdleSessions idle;
    private final boolean secure;

    StaffPageSession(AuthService auth, PurposeResolver purposes, IdleSessions idle, boolean secure) {
        this.auth = auth;
        this.purposes = purposes;
        this.idle = idle;
        this.secure = secure;
    }

    void open(Context ctx, String token) {
        Cookies.set(ctx, COOKIE, token, "/staff", secure, OptionalLong.empty());
        idle.touch(token);
    }

    Actor actor(Context ctx) {
        Optional<String> token = Cookies.get(ctx, COOKIE);
        String back = "/staff/sign-in?ended=1" + lang(ctx);
        if (token.isEmpty()) {
            throw PageFailure.signIn("/staff/sign-in?" + lang(ctx).replaceFirst("^&", ""));
        }
        try {
            Actor actor = auth.authenticate(token);
            if (!idle.touch(token.get())) {
                close(ctx);
                throw PageFailure.signIn(back);
            }
            return actor;
        } catch (HavenException e) {
            Cookies.clear(ctx, COOKIE, "/staff", secure);
            throw PageFailure.signIn(back);
        }
    }

    /** The purpose declared for this session, if one was chosen. */
    Optional<String> declared(Context ctx) {
        try {
            return Optional.ofNullable(ctx.cookie(PURPOSE)).filter(p -> !p.isEmpty() && p.length() <= 360)
                .map(p -> java.net.URLDecoder.decode(p, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.of("?");
        }
    }

    RequestedPurpose purpose(Context ctx) {
        String declared = declared(ctx).orElseThrow(() -> PageFailure.signIn("/staff/purpose?" + lang(ctx).replaceFirst("^&", "")));
        return purposes.resolve(List.of(declared));
    }

    /** A purpose the page itself declares (the data protection officer's, for a person's rights), resolved like any other. */
    RequestedPurpose resolve(String purpose) {
        return purposes.resolve(List.of(purpose));
    }

    void declare(Context ctx, String purpose) {
        ctx.res().addHeader("Set-Cookie", PURPOSE + "=" + java.net.URLEncoder.encode(purpose, java.nio.charset.StandardCharsets.UTF_8)
            .replace("+", "%20") + "; Path=/staff; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : ""));
    }

    void close(Context ctx) {
        Optional<String> token = Cookies.get(ctx, COOKIE);
        token.ifPresent(t -> {
            idle.forget(t);
            try {
                auth.signOut(token);
            } catch (HavenException e) {
                // already ended
            }
        });
        Cookies.clear(ctx, COOKIE, "/staff", secure);
        Cookies.clear(ctx, PURPOSE, "/staff", secure);
    }

    private static String lang(Context ctx) {
        return Optional.ofNullable(ctx.queryParam("lang")).filter(l -> l.matches("[a-z]{2}")).map(l -> "&lang=" + l).orElse("");
    }
}
