package eu.haven.web.page.me;

import eu.haven.core.error.HavenException;
import eu.haven.core.person.Self;
import eu.haven.core.rights.PersonSessions;
import eu.haven.web.page.Cookies;
import eu.haven.web.page.IdleSessions;
import eu.haven.web.page.PageFailure;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The person's sign-in on the pages: their session token in an HttpOnly, SameSite=Strict cookie
 * limited to {@code /me}, ended after 15 minutes without a request (and by signing out, or by the
 * session's own lifetime).
 */
final class PersonPageSession {
    static final String COOKIE = "haven_me";
    private final PersonSessions sessions;
    private final IdleSessions idle;
    private final boolean secure;

    PersonPageSession(PersonSessions sessions, IdleSessions idle, boolean secure) {
        this.sessions = sessions;
        this.idle = idle;
        this.secure = secure;
    }

    void open(Context ctx, String token) {
        Cookies.set(ctx, COOKIE, token, "/me", secure, OptionalLong.empty());
        idle.touch(token);
    }

    /** The signed-in person, or back to the sign-in page saying the session ended. */
    Self self(Context ctx) {
        Optional<String> token = Cookies.get(ctx, COOKIE);
        String back = "/me/sign-in?ended=1&lang=" + Optional.ofNullable(ctx.queryParam("lang")).filter(l -> l.matches("[a-z]{2}"))
            .orElseGet(() -> Optional.ofNullable(ctx.formParam("lang")).filter(l -> l.matches("[a-z]{2}")).orElse(""));
        if (token.isEmpty()) {
            throw PageFailure.signIn(back.replace("ended=1&", ""));
        }
        try {
            Self self = sessions.authenticate(token);
            if (!idle.touch(token.get())) {
                sessions.signOut(token);
                Cookies.clear(ctx, COOKIE, "/me", secure);
                throw PageFailure.signIn(back);
            }
            return self;
        } catch (HavenException e) {
            Cookies.clear(ctx, COOKIE, "/me", secure);
            throw PageFailure.signIn(back);
        }
    }

    void close(Context ctx) {
        Optional<String> token = Cookies.get(ctx, COOKIE);
        token.ifPresent(t -> {
            idle.forget(t);
            try {
                sessions.signOut(token);
            } catch (HavenException e) {
                // already ended
            }
        });
        Cookies.clear(ctx, COOKIE, "/me", secure);
    }
}
