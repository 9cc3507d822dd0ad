package eu.haven.web.page.staff;

import eu.haven.core.framework.PurposeResolver;
import eu.haven.core.framework.RequestedPurpose;
import eu.haven.core.staff.Actor;
import eu.haven.core.staff.AuthService;
import eu.haven.web.page.CookieSession;
import eu.haven.web.page.Cookies;
import eu.haven.web.page.IdleSessions;
import eu.haven.web.page.PageFailure;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;

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
    private final PurposeResolver purposes;
    private final boolean secure;
    private final CookieSession<Actor> session;

    StaffPageSession(AuthService auth, PurposeResolver purposes, IdleSessions idle, boolean secure) {
        this.purposes = purposes;
        this.secure = secure;
        this.session = new CookieSession<>(COOKIE, "/staff", idle, secure, auth::authenticate, auth::signOut,
            ctx -> Cookies.clear(ctx, PURPOSE, "/staff", secure));
    }

    void open(Context ctx, String token) {
        session.open(ctx, token);
    }

    Actor actor(Context ctx) {
        return session.who(ctx);
    }

    /** The signed-in member of staff if their role is one of these; to anyone else the page is not there (404). */
    Actor actor(Context ctx, eu.haven.core.staff.Role... roles) {
        Actor actor = actor(ctx);
        if (java.util.Arrays.stream(roles).noneMatch(r -> r == actor.role())) {
            throw eu.haven.core.error.HavenException.notFound();
        }
        return actor;
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
        return resolve(declared(ctx).orElseThrow(() -> PageFailure.signIn("/staff/purpose" + Optional.ofNullable(ctx.queryParam("lang"))
            .filter(l -> l.matches("[a-z]{2}")).map(l -> "?lang=" + l).orElse(""))));
    }

    /** A purpose the page itself declares (the data protection officer's, for a person's rights), resolved like any other. */
    RequestedPurpose resolve(String purpose) {
        return purposes.resolve(List.of(purpose));
    }

    void declare(Context ctx, String purpose) {
        Cookies.set(ctx, PURPOSE, java.net.URLEncoder.encode(purpose, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"),
            "/staff", secure, java.util.OptionalLong.empty());
    }

    void close(Context ctx) {
        session.close(ctx);
    }

}
