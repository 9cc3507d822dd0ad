package eu.haven.web.hsds;

import eu.haven.core.error.HavenException;
import eu.haven.navigator.directory.Directory;
import eu.haven.navigator.directory.Languages;
import eu.haven.navigator.directory.NavigatorService;
import eu.haven.navigator.directory.Service;
import eu.haven.navigator.hsds.HsdsJson;
import eu.haven.navigator.hsds.HsdsViews;
import eu.haven.navigator.search.SearchHit;
import eu.haven.navigator.search.SearchRequest;
import eu.haven.navigator.search.SearchResults;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Open Referral HSDS 3.0 API over the navigator's directory, under {@code /hsds/}: public, no sign-in, nothing
 * about the asker kept. Lists are paged as HSDS says; {@code ?lang=} gives the texts in one of the nine languages.
 */
public final class HsdsRoutes {
    private static final int MAX_PER_PAGE = 100;
    private final NavigatorService navigator;
    private final String base;
    private final byte[] openapi;

    private HsdsRoutes(NavigatorService navigator, String base) {
        this.navigator = navigator;
        this.base = base;
        try (var in = HsdsRoutes.class.getResourceAsStream("/hsds/schema/openapi.json")) {
            this.openapi = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code base}: the address the API is published at (its root's {@code openapi_url} is absolute). */
    public static void register(RoutesConfig routes, NavigatorService navigator, String base) {
        HsdsRoutes r = new HsdsRoutes(navigator, base);
        routes.get("/hsds/", ctx -> r.json(ctx, Map.of("version", "3.0", "profile", "https://docs.openreferral.org/en/3.0/",
            "openapi_url", r.base + "/hsds/openapi.json")));
        routes.get("/hsds/openapi.json", ctx -> ctx.contentType("application/json").result(r.openapi));
        routes.get("/hsds/services", r::services);
        routes.get("/hsds/services/{id}", ctx -> r.one(ctx, d -> d.service(id(ctx)).map(s -> HsdsViews.full(s, d, lang(ctx)))));
        routes.get("/hsds/organizations", ctx -> r.list(ctx, d -> d.organizations().stream().map(o -> HsdsViews.in(o, lang(ctx))).toList()));
        routes.get("/hsds/organizations/{id}", ctx -> r.one(ctx, d -> d.organization(id(ctx)).map(o -> HsdsViews.full(o, d, lang(ctx)))));
        routes.get("/hsds/service_at_locations", ctx -> r.list(ctx, d -> d.serviceAtLocations().stream()
            .map(l -> HsdsViews.full(l, d, lang(ctx))).toList()));
        routes.get("/hsds/service_at_locations/{id}", ctx -> r.one(ctx, d -> d.serviceAtLocations().stream()
            .filter(l -> l.id().equals(id(ctx))).findFirst().map(l -> HsdsViews.full(l, d, lang(ctx)))));
        routes.get("/hsds/taxonomies", ctx -> r.list(ctx, Directory::taxonomies));
        routes.get("/hsds/taxonomies/{id}", ctx -> r.one(ctx, d -> d.taxonomy(id(ctx))));
        routes.get("/hsds/taxonomy_terms", ctx -> r.list(ctx, d -> d.terms().stream()
            .filter(t -> param(ctx, "taxonomy_id").map(x -> x.equals(t.taxonomyId())).orElse(true))
            .map(t -> HsdsViews.in(t, lang(ctx))).toList()));
        routes.get("/hsds/taxonomy_terms/{id}", ctx -> r.one(ctx, d -> d.term(id(ctx)).map(t -> HsdsViews.in(t, lang(ctx)))));
    }

    private void services(Context ctx) {
        int page = page(ctx);
        int perPage = perPage(ctx);
        Optional<String> search = param(ctx, "search");
        Optional<String> term = param(ctx, "taxonomy_term_id");
        Optional<String> organization = param(ctx, "organization_id");
        Optional<String> lang = lang(ctx);
        Directory d = navigator.directory();
        if (search.isPresent() && organization.isEmpty()) {
            // Ranked by the search, one page of it.
            SearchResults found = navigator.search(new SearchRequest(search.get(), lang.orElse(Languages.SOURCE), term, false,
                Optional.empty(), page, perPage));
            List<Service> contents = found.hits().stream().map(h -> HsdsViews.in(h.service(), d, lang)).toList();
            json(ctx, HsdsViews.Page.of(found.total(), page, perPage, contents));
            return;
        }
        List<Service> all;
        if (search.isPresent()) {
            SearchResults found = navigator.search(new SearchRequest(search.get(), lang.orElse(Languages.SOURCE), term, false,
                Optional.empty(), 1, SearchRequest.MOST));
            all = found.hits().stream().map(SearchHit::service).toList();
        } else {
            all = d.services().stream().filter(s -> term.map(t -> s.taxonomyTermIds().contains(t)).orElse(true)).toList();
        }
        List<Service> filtered = all.stream().filter(s -> organization.map(o -> o.equals(s.organizationId())).orElse(true)).toList();
        int from = Math.min((page - 1) * perPage, filtered.size());
        List<Service> contents = filtered.subList(from, Math.min(from + perPage, filtered.size())).stream()
            .map(s -> HsdsViews.in(s, d, lang)).toList();
        json(ctx, HsdsViews.Page.of(filtered.size(), page, perPage, contents));
    }

    private <T> void list(Context ctx, Function<Directory, List<T>> items) {
        int page = page(ctx);
        int perPage = perPage(ctx);
        json(ctx, HsdsViews.Page.of(items.apply(navigator.directory()), page, perPage));
    }

    private <T> void one(Context ctx, Function<Directory, Optional<T>> item) {
        json(ctx, item.apply(navigator.directory()).orElseThrow(HavenException::notFound));
    }

    private void json(Context ctx, Object body) {
        try {
            ctx.contentType("application/json").result(HsdsJson.MAPPER.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String id(Context ctx) {
        return ctx.pathParam("id");
    }

    private static Optional<String> param(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name)).map(String::strip).filter(s -> !s.isEmpty());
    }

    /** The language asked for, when it is one of the nine; another is refused, so nobody mistakes the source for it. */
    private static Optional<String> lang(Context ctx) {
        Optional<String> lang = param(ctx, "lang");
        if (lang.isPresent() && !Languages.ALL.contains(lang.get())) {
            throw HavenException.invalid("lang", "lang must be one of " + String.join(", ", Languages.ALL) + ".");
        }
        return lang;
    }

    private static int page(Context ctx) {
        return number(ctx, "page", 1, Integer.MAX_VALUE / MAX_PER_PAGE, 1);
    }

    private static int perPage(Context ctx) {
        return number(ctx, "per_page", 1, MAX_PER_PAGE, 20);
    }

    private static int number(Context ctx, String name, int min, int max, int otherwise) {
        Optional<String> raw = param(ctx, name);
        if (raw.isEmpty()) {
            return otherwise;
        }
        try {
            int n = Integer.parseInt(raw.get());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw HavenException.invalid(name, name + " must be a whole number from " + min + " to " + max + ".");
    }
}
