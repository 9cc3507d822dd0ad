package eu.haven.web.page;

import eu.haven.core.error.HavenException;
import eu.haven.web.ErrorStatus;
import eu.haven.web.i18n.Messages;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A group of pages (the person's, the staff's, the public's): their texts, and the one place
 * where whatever goes wrong on one of them becomes a page in the reader's language: a refusal or
 * a mistake explained in plain words, never a stack trace or a bare code. Every post is checked
 * for its form token before its handler runs.
 */
public final class Area {
    private static final Logger LOG = LoggerFactory.getLogger("haven.pages");

    /** A page handler; it may throw a {@link HavenException} or a {@link PageFailure}. */
    public interface PageHandler {
        void handle(Context ctx) throws Exception;
    }

    private final PageKit kit;
    private final Frame.Area kind;
    private final List<Messages> bundles;

    public Area(PageKit kit, Frame.Area kind, List<Messages> bundles) {
        this.kit = kit;
        this.kind = kind;
        this.bundles = bundles;
    }

    public PageKit kit() {
        return kit;
    }

    /** The texts in the request's language ({@code ?lang=}, then {@code preferred}, then the browser's). */
    public PageText text(Context ctx, Optional<String> preferred) {
        return kit.text(ctx, bundles, preferred);
    }

    public PageText text(Context ctx) {
        return text(ctx, Optional.empty());
    }

    /** The frame of a page in this area. */
    public Frame frame(Context ctx, PageText t, String title) {
        Frame f = kit.frame(ctx, t, bundles.get(0), title, kind);
        return kind == Frame.Area.STAFF ? f.signedIn(f.signOut().orElse(""), f.nav(), "/staff").withoutSignOut() : f;
    }

    /** A handler for a page of this area: forms are checked for their token first; failures become pages. */
    public Handler page(PageHandler handler) {
        return ctx -> {
            try {
                if (ctx.method() == io.javalin.http.HandlerType.POST && !kit.csrf().valid(ctx)) {
                    throw PageFailure.forbidden();
                }
                handler.handle(ctx);
            } catch (PageFailure f) {
                if (f.kind() == PageFailure.Kind.SIGN_IN) {
                    PageKit.redirect(ctx, f.location());
                } else {
                    PageText t = text(ctx);
                    message(ctx, t, 403, t.t("error.title"), t.t("error.csrf"));
                }
            } catch (HavenException e) {
                PageText t = text(ctx);
                if (e instanceof eu.haven.core.error.RetryLater later) {
                    ctx.header("Retry-After", Long.toString(later.seconds()));
                }
                message(ctx, t, ErrorStatus.of(e.code()), t.t("error.title"), explain(t, e));
            } catch (RuntimeException e) {
                LOG.error("Unexpected failure on a page ({}):\n{}", ctx.endpoint().path, eu.haven.core.error.Failures.trace(e));
                PageText t = text(ctx);
                message(ctx, t, 500, t.t("error.title"), t.t("error.internal-error"));
            }
        };
    }

    /** A refusal or a mistake in plain words, with the values it names: the code's own text, else the general one. */
    public static String explain(PageText t, HavenException e) {
        String key = "error." + e.code().code();
        if (t.t(key).equals(key)) {
            return t.t("error.invalid-request");
        }
        Object[] args = e.args().entrySet().stream().flatMap(a -> java.util.stream.Stream.of(a.getKey(), a.getValue())).toArray();
        return t.f(key, args);
    }

    /**
     * The notice a page shows after a form sent the browser back to it ({@code ?done=} names what
     * was done): the text of {@code prefix + done} in the page's language, or nothing for a name that
     * has none.
     */
    public static String done(Context ctx, PageText t, String prefix) {
        return Optional.ofNullable(ctx.queryParam("done")).filter(d -> d.matches("[a-z-]{1,30}")).map(d -> prefix + d)
            .filter(t::has).map(t::t).orElse("");
    }

    /** A page that only says something. */
    public void message(Context ctx, PageText t, int status, String heading, String body) {
        Frame f = frame(ctx, t, heading).withError(status >= 400);
        kit.render(ctx, status, "page/message.jte", Map.of("f", f, "heading", heading, "body", body,
            "linkHref", t.href(f.home()), "linkText", t.t("page.home")));
    }

    public void render(Context ctx, int status, String template, Map<String, Object> params) {
        kit.render(ctx, status, template, params);
    }
}
