package eu.haven.web.page.navigator;

import eu.haven.core.error.HavenException;
import eu.haven.navigator.directory.Directory;
import eu.haven.navigator.directory.NavigatorService;
import eu.haven.navigator.directory.QuestionEntry;
import eu.haven.navigator.directory.TaxonomyTerm;
import eu.haven.navigator.search.SearchRequest;
import eu.haven.navigator.search.SearchResults;
import eu.haven.web.ErrorStatus;
import eu.haven.web.i18n.Messages;
import eu.haven.web.page.Frame;
import eu.haven.web.page.PageKit;
import eu.haven.web.page.PageText;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The public navigator: the home page with categories, search results, a service's page and printable card,
 * and the question box. No sign-in and no cookie (not even a form token: every form is a GET that changes
 * nothing); the language travels in the link. Nothing typed here is kept or logged: the request log names the
 * route, never the path or the query, and these pages log nothing else.
 */
public final class NavigatorPages {
    private static final Logger LOG = LoggerFactory.getLogger("haven.pages");
    private static final int PAGE_SIZE = 10;
    private final PageKit kit;
    private final NavigatorService navigator;
    private final Messages messages = Messages.bundled();

    public NavigatorPages(PageKit kit, NavigatorService navigator) {
        this.kit = kit;
        this.navigator = navigator;
    }

    /** A category as a link. */
    public record Category(String id, String name, String href) {
    }

    /** The search form's values, as the reader gave them (so nothing typed is lost). */
    public record Form(String q, String near, boolean open, String category) {
    }

    /** A page link of the results. */
    public record Pager(Optional<String> previous, Optional<String> next, String label) {
    }

    public void register(RoutesConfig routes) {
        routes.get("/", page(this::home));
        routes.get("/services", page(this::results));
        routes.get("/services/{id}", page(ctx -> service(ctx, false)));
        routes.get("/services/{id}/card", page(ctx -> service(ctx, true)));
        routes.get("/ask", page(this::ask));
    }

    private Handler page(io.javalin.http.Handler handler) {
        return ctx -> {
            try {
                handler.handle(ctx);
            } catch (HavenException e) {
                PageText t = text(ctx);
                message(ctx, t, ErrorStatus.of(e.code()), eu.haven.web.page.Area.explain(t, e));
            } catch (RuntimeException e) {
                // The route's template only: the path and the query may hold what a person typed.
                LOG.error("Unexpected failure on a navigator page ({}): {}", ctx.endpoint().path, e.getClass().getName());
                PageText t = text(ctx);
                message(ctx, t, 500, t.t("error.internal-error"));
            }
        };
    }

    private void message(Context ctx, PageText t, int status, String body) {
        Frame f = kit.publicFrame(ctx, t, messages, t.t("error.title")).withError(status >= 400);
        kit.render(ctx, status, "page/message.jte", Map.of("f", f, "heading", t.t("error.title"), "body", body,
            "linkHref", t.href("/"), "linkText", t.t("page.home")));
    }

    private PageText text(Context ctx) {
        return kit.text(ctx, List.of(messages), Optional.empty());
    }

    /** The categories in each language, for the directory as it stands (made again when it changes). */
    private final java.util.Map<String, List<Category>> categories = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile Directory categoriesOf;

    private List<Category> categories(Directory d, PageText t) {
        if (categoriesOf != d) {
            categories.clear();
            categoriesOf = d;
        }
        return categories.computeIfAbsent(t.lang() + (t.href("/").contains("lang=") ? "+" : ""), k -> sortedCategories(d, t));
    }

    private List<Category> sortedCategories(Directory d, PageText t) {
        return d.categories().stream().map(c -> new Category(c.id(), name(c, t), t.href("/services?category=" + c.id())))
            .sorted(LocaleFormats.order(t.lang(), Category::name)).toList();
    }

    private static String name(TaxonomyTerm c, PageText t) {
        return c.translations().of(t.lang(), "name", c.name());
    }

    private void home(Context ctx) {
        PageText t = text(ctx);
        Directory d = navigator.directory();
        kit.render(ctx, 200, "page/navigator/home.jte", Map.of("f", kit.publicFrame(ctx, t, messages, t.t("nav.title")),
            "categories", categories(d, t), "form", new Form("", "", false, "")));
    }

    private void results(Context ctx) {
        PageText t = text(ctx);
        Form form = form(ctx);
        int page = Optional.ofNullable(ctx.queryParam("page")).map(p -> {
            try {
                return Math.max(1, Math.min(Integer.parseInt(p), SearchRequest.MOST / PAGE_SIZE));
            } catch (NumberFormatException e) {
                return 1;
            }
        }).orElse(1);
        Directory d = navigator.directory();
        Optional<String> category = Optional.of(form.category()).filter(c -> d.term(c).isPresent());
        SearchResults r = navigator.search(new SearchRequest(form.q(), t.lang(), category, form.open(),
            Optional.of(form.near()).filter(n -> !n.isBlank()), page, PAGE_SIZE));
        ZonedDateTime now = navigator.now();
        List<ServiceView> hits = r.hits().stream().map(h -> ServiceViews.of(h, d, t, now)).toList();
        String categoryName = category.flatMap(d::term).map(c -> name(c, t)).orElse("");
        kit.render(ctx, 200, "page/navigator/results.jte", Map.of("f", kit.publicFrame(ctx, t, messages, t.t("nav.results.title")),
            "form", form, "hits", hits, "count", t.f("nav.results.count", "count", r.total()), "placeUnknown", r.placeUnknown(),
            "pager", pager(ctx, t, r), "categories", categories(d, t), "categoryName", categoryName));
    }

    private Form form(Context ctx) {
        return new Form(limit(ctx.queryParam("q"), 200), limit(ctx.queryParam("near"), 100), "1".equals(ctx.queryParam("open")),
            limit(ctx.queryParam("category"), 36));
    }

    private static String limit(String s, int n) {
        String v = s == null ? "" : s.strip();
        return v.length() > n ? v.substring(0, n) : v;
    }

    private Pager pager(Context ctx, PageText t, SearchResults r) {
        String base = "/services?" + query(ctx);
        Optional<String> previous = r.page() > 1 ? Optional.of(t.href(base + "page=" + (r.page() - 1))) : Optional.empty();
        Optional<String> next = r.page() < r.totalPages() ? Optional.of(t.href(base + "page=" + (r.page() + 1))) : Optional.empty();
        return new Pager(previous, next, r.totalPages() > 1 ? t.f("nav.page", "page", r.page(), "pages", r.totalPages()) : "");
    }

    /** The search's own parameters, to carry to the next page. */
    private static String query(Context ctx) {
        StringBuilder sb = new StringBuilder();
        for (String name : List.of("q", "near", "open", "category")) {
            Optional.ofNullable(ctx.queryParam(name)).filter(v -> !v.isBlank()).ifPresent(v -> sb.append(name).append('=')
                .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)).append('&'));
        }
        return sb.toString();
    }

    private void service(Context ctx, boolean card) {
        PageText t = text(ctx);
        Directory d = navigator.directory();
        var service = d.service(ctx.pathParam("id")).orElseThrow(HavenException::notFound);
        ServiceView view = ServiceViews.of(service, d, t, navigator.now());
        kit.render(ctx, 200, card ? "page/navigator/card.jte" : "page/navigator/service.jte",
            Map.of("f", kit.publicFrame(ctx, t, messages, view.name()), "s", view,
                "cardHref", t.href("/services/" + view.id() + "/card"), "backHref", t.href("/services")));
    }

    private void ask(Context ctx) {
        PageText t = text(ctx);
        String q = limit(ctx.queryParam("q"), 300);
        Directory d = navigator.directory();
        Optional<QuestionEntry> answer = q.isEmpty() ? Optional.empty() : navigator.answer(q, t.lang());
        ZonedDateTime now = navigator.now();
        List<ServiceView> services = answer.map(a -> a.serviceIds().stream().map(d::service).flatMap(Optional::stream)
            .map(s -> ServiceViews.of(s, d, t, now)).toList()).orElse(List.of());
        // With no answer: the advice services, where a person can help.
        List<ServiceView> help = answer.isPresent() || q.isEmpty() ? List.of() : d.categories().stream()
            .filter(c -> "social".equals(c.code()) || "legal".equals(c.code())).flatMap(c -> d.services().stream()
                .filter(s -> s.taxonomyTermIds().contains(c.id()))).limit(4).map(s -> ServiceViews.of(s, d, t, now)).toList();
        kit.render(ctx, 200, "page/navigator/ask.jte", Map.of("f", kit.publicFrame(ctx, t, messages, t.t("nav.ask.title")),
            "q", q, "asked", !q.isEmpty(), "question", answer.map(a -> a.translations().of(t.lang(), "question", a.question())).orElse(""),
            "answer", answer.map(a -> a.translations().of(t.lang(), "answer", a.answer())).orElse(""),
            "review", answer.map(a -> !t.lang().equals("en") && a.translations().needsReview(t.lang())).orElse(false),
            "services", services, "help", help));
    }
}
