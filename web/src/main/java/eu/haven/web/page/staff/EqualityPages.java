package eu.haven.web.page.staff;

import eu.haven.core.equality.EqualityService;
import eu.haven.core.equality.OutcomeGaps;
import eu.haven.core.staff.Actor;
import eu.haven.core.staff.Role;
import eu.haven.core.transparency.Shown;
import eu.haven.web.page.Area;
import eu.haven.web.page.PageKit;
import eu.haven.web.page.PageText;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The equality body's page: outcomes by language and by age group for a period, small groups suppressed. */
final class EqualityPages {
    private final Area area;
    private final StaffPageSession session;
    private final StaffFrames frames;
    private final EqualityService equality;

    EqualityPages(Area area, StaffPageSession session, StaffFrames frames, EqualityService equality) {
        this.area = area;
        this.session = session;
        this.frames = frames;
        this.equality = equality;
    }

    void register(RoutesConfig routes) {
        routes.get("/staff/equality", area.page(this::show));
    }

    private void show(Context ctx) {
        Actor actor = session.actor(ctx, Role.EQUALITY);
        PageText t = area.text(ctx);
        YearMonth now = YearMonth.now(ZoneId.systemDefault());
        YearMonth from = EqualityService.month(Optional.ofNullable(ctx.queryParam("from")), "from").orElse(now.minusMonths(11));
        YearMonth to = EqualityService.month(Optional.ofNullable(ctx.queryParam("to")), "to").orElse(now);
        OutcomeGaps gaps = equality.gaps(actor, from, to);
        Map<String, Object> params = new HashMap<>();
        params.put("f", frames.frame(ctx, t, t.t("staff.equality.title"), actor, Optional.empty(), "/staff/equality"));
        params.put("t", t);
        params.put("from", from.toString());
        params.put("to", to.toString());
        params.put("outcomes", gaps.byLanguage().outcomes().stream().map(o -> t.t("staff.equality.outcome." + o)).toList());
        params.put("byLanguage", lines(t, gaps.byLanguage(), true));
        params.put("byAge", lines(t, gaps.byAgeGroup(), false));
        area.render(ctx, 200, "page/staff/equality.jte", params);
    }


    private static List<EqualityLine> lines(PageText t, OutcomeGaps.Table table, boolean languages) {
        List<EqualityLine> out = new ArrayList<>();
        for (int i = 0; i < table.rows().size(); i++) {
            String row = table.rows().get(i);
            String label = languages ? ("unknown".equals(row) ? t.t("staff.equality.unknown") : PageKit.languageName(row))
                : ("unknown".equals(row) ? t.t("staff.equality.unknown") : row);
            out.add(new EqualityLine(label, table.cells().get(i).stream().map(s -> cell(t, s)).toList(),
                table.acceptance().get(i).map(r -> t.number(Math.round(r * 100)) + " %").orElse("–"),
                table.meanDaysToAnswer().get(i).map(d -> String.format(java.util.Locale.forLanguageTag(t.lang()), "%.1f", d)).orElse("–")));
        }
        return out;
    }

    private static String cell(PageText t, Shown s) {
        return switch (s.kind()) {
            case EXACT -> t.number(s.value().orElseThrow());
            case SMALL -> "<5";
            case WITHHELD -> t.t("staff.equality.withheld");
        };
    }
}
