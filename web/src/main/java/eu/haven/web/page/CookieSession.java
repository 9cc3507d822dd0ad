package eu.haven.web.page;

import eu.haven.core.error.HavenException;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A sign-in on the pages: the session token in an HttpOnly, SameSite=Strict cookie limited to its
 * area's path, ended by signing out, by the token's own lifetime, or after the idle limit without a
 * request. Any failure sends the browser back to the area's sign-in page, which then says the
 * session ended. {@code T} is who signed in (the person, or a member of staff).
 */
public final class CookieSession<T> {
    private final String cookie;
    private final String path;
    private final IdleSessions idle;
    private final boolean secure;
    private final Function<Optional<String>, T> authenticate;
    private final Consumer<Optional<String>> signOut;
    private final Consumer<Context> alsoOnClose;

    /**
     * {@code authenticate} answers who holds a token or throws a {@link HavenException};
     * {@code signOut} ends it on the server; {@code alsoOnClose} clears what else the area keeps.
     */
    public CookieSession(String cookie, String path, IdleSessions idle, boolean secure, Function<Optional<String>, T> authenticate,
                         Consumer<Optional<String>> signOut, Consumer<Context> alsoOnClose) {
        this.cookie = cookie;
        this.path = path;
        this.idle = idle;
        this.secure = secure;
        this.authenticate = authenticate;
        this.signOut = signOut;
        this.alsoOnClose = alsoOnClose;
    }

    public void open(Context ctx, String token) {
        Cookies.set(ctx, cookie, token, path, secure, OptionalLong.empty());
        idle.touch(token);
    }

    /** Who signed in, or back to the sign-in page (saying the session ended, when there was one). */
    public T who(Context ctx) {
        Optional<String> token = Cookies.get(ctx, cookie);
        if (token.isEmpty()) {
            throw PageFailure.signIn(path + "/sign-in" + lang(ctx).map(l -> "?lang=" + l).orElse(""));
        }
        T who;
        try {
            who = authenticate.apply(token);
        } catch (HavenException e) {
            Cookies.clear(ctx, cookie, path, secure);
            throw PageFailure.signIn(ended(ctx));
        }
        if (!idle.touch(token.get())) {
            close(ctx);
            throw PageFailure.signIn(ended(ctx));
        }
        return who;
    }

    /** The sign-in page that says the session ended (asked only then: reading a form parameter reads the request's body). */
    private String ended(Context ctx) {
        return path + "/sign-in?ended=1" + lang(ctx).map(l -> "&lang=" + l).orElse("");
    }

    public void close(Context ctx) {
        Optional<String> token = Cookies.get(ctx, cookie);
        token.ifPresent(t -> {
            idle.forget(t);
            try {
                signOut.accept(token);
            } catch (HavenException e) {
                // already ended
            }
        });
        Cookies.clear(ctx, cookie, path, secure);
        alsoOnClose.accept(ctx);
    }

    /** The language the page was asked in, to carry on to the sign-in page. */
    private static Optional<String> lang(Context ctx) {
        return Optional.ofNullable(ctx.queryParam("lang")).or(() -> Optional.ofNullable(ctx.formParam("lang")))
            .filter(l -> l.matches("[a-z]{2}"));
    }
}
