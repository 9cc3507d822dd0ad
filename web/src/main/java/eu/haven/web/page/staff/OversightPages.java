package eu.haven.web.page.staff;

import eu.haven.core.oversight.EventFilter;
import eu.haven.core.oversight.Inspection;
import eu.haven.core.oversight.OversightService;
import eu.haven.core.staff.Actor;
import eu.haven.core.staff.Organisation;
import eu.haven.core.staff.Role;
import eu.haven.web.i18n.Labels;
import eu.haven.web.page.Area;
import eu.haven.web.page.PageText;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The supervisory authority's inspection page: the ledger's access events of a period, filtered by
 * organisation, purpose and outcome, with staff and people as pseudonyms, page by page, and the
 * signed export of the same. Each view is recorded by the service.
 */
final class OversightPages {
    private static final int PAGE = 50;
    private final Area area;
    private final StaffPageSession session;
    private final StaffFrames frames;
    private final OversightService oversight;
    private final Labels labels;
    private final Supplier<Map<String, Organisation>> organisations;

    OversightPages(Area area, StaffPageSession session, StaffFrames frames, OversightService oversight, Labels labels,
                   Supplier<Map<String, Organisation>> organisations) {
        this.area = area;
        this.session = session;
        this.frames = frames;
        this.oversight = oversight;
        this.labels = labels;
        this.organisations = organisations;
    }

    void register(RoutesConfig routes) {
        routes.get("/staff/oversight", area.page(this::show));
        routes.get("/staff/oversight/export", area.page(ctx -> {
            Actor actor = inspector(ctx);
            EventFilter filter = filter(ctx);
            ctx.header("Content-Disposition", "attachment; filename=\"haven-inspection-" + filter.from() + "-" + filter.to() + ".txt\"");
            ctx.contentType("text/plain; charset=utf-8").result(oversight.export(actor, filter));
        }));
    }

    private Actor inspector(Context ctx) {
        return session.actor(ctx, Role.OVERSIGHT, Role.EQUALITY);
    }

    private static EventFilter filter(Context ctx) {
        return EventFilter.of(Optional.ofNullable(ctx.queryParam("from")), Optional.ofNullable(ctx.queryParam("to")),
            Optional.ofNullable(ctx.queryParam("organisation")), Optional.ofNullable(ctx.queryParam("purpose")),
            Optional.ofNullable(ctx.queryParam("outcome")), LocalDate.now(ZoneId.systemDefault()));
    }

    private void show(Context ctx) {
        Actor actor = inspector(ctx);
        PageText t = area.text(ctx);
        EventFilter filter = filter(ctx);
        long after = Optional.ofNullable(ctx.queryParam("after")).filter(a -> a.matches("-?[0-9]{1,18}")).map(Long::parseLong).orElse(-1L);
        Inspection page = oversight.events(actor, filter, after, PAGE);
        Map<String, Organisation> orgs = organisations.get();
        List<InspectionRow> rows = page.events().stream().map(e -> new InspectionRow(t.dateTime(e.at()),
            e.organisation().map(o -> CasePages.name(orgs, o)).orElse("–"), t.t("role." + e.role()).startsWith("role.") ? e.role() : t.t("role." + e.role()),
            labels.action(t.lang(), e.action()), labels.purpose(t.lang(), e.purpose()),
            e.permitted() ? t.t("staff.oversight.permitted") : labels.reason(t.lang(), e.outcome()), e.permitted(),
            String.join(", ", e.categories().stream().sorted().map(c -> labels.category(t.lang(), c)).toList()),
            e.staff().orElse("–"), e.person().orElse("–"))).toList();
        String query = "from=" + filter.from() + "&to=" + filter.to() + filter.organisation().map(o -> "&organisation=" + enc(o)).orElse("")
            + filter.purpose().map(p -> "&purpose=" + enc(p)).orElse("") + filter.outcome().map(o -> "&outcome=" + enc(o)).orElse("");
        Map<String, String> orgChoices = new LinkedHashMap<>();
        orgChoices.put("", t.t("staff.oversight.any"));
        orgs.values().stream().sorted(Comparator.comparing(Organisation::name)).forEach(o -> orgChoices.put(o.id(), o.name()));
        Map<String, String> purposes = new LinkedHashMap<>();
        purposes.put("", t.t("staff.oversight.any"));
        labels.framework().purposes().forEach(p -> purposes.put(p.code(), labels.purpose(t.lang(), p.code())));
        Map<String, String> outcomes = new LinkedHashMap<>();
        outcomes.put("", t.t("staff.oversight.any"));
        outcomes.put("permitted", t.t("staff.oversight.permitted"));
        for (String reason : List.of("firewall", "purpose-not-allowed", "no-relationship", "no-consent", "consent-withdrawn", "consent-expired",
            "category-not-allowed", "role", "unknown-purpose", "multiple-purposes", "awaiting-decision", "authority-refused")) {
            outcomes.put(reason, labels.reason(t.lang(), reason));
        }
        Map<String, Object> params = new HashMap<>();
        params.put("f", frames.frame(ctx, t, t.t("staff.oversight.title"), actor, Optional.empty(), "/staff/oversight"));
        params.put("t", t);
        params.put("filter", filter);
        params.put("rows", rows);
        params.put("withheld", page.withheld());
        params.put("next", page.next().map(n -> t.href("/staff/oversight?" + query + "&after=" + n)).orElse(""));
        params.put("export", t.href("/staff/oversight/export?" + query));
        params.put("organisations", orgChoices);
        params.put("purposes", purposes);
        params.put("outcomes", outcomes);
        area.render(ctx, 200, "page/staff/oversight.jte", params);
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
