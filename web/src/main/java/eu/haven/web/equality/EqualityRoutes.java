package eu.haven.web.equality;

import eu.haven.core.equality.EqualityService;
import eu.haven.core.equality.OutcomeGaps;
import eu.haven.core.transparency.Shown;
import eu.haven.web.Caller;
import io.javalin.config.RoutesConfig;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** The equality body's outcome gaps: {@code GET /api/v1/equality/gaps?from=2026-01&to=2026-06}. */
public final class EqualityRoutes {
    record TableJson(List<String> rows, List<String> outcomes, List<List<Object>> cells, List<Double> acceptance, List<Double> meanDaysToAnswer) {
        static TableJson of(OutcomeGaps.Table t) {
            return new TableJson(t.rows(), t.outcomes(), t.cells().stream().map(r -> r.stream().map(EqualityRoutes::value).toList()).toList(),
                t.acceptance().stream().map(o -> o.orElse(null)).toList(), t.meanDaysToAnswer().stream().map(o -> o.orElse(null)).toList());
        }
    }

    record GapsJson(String from, String to, TableJson byLanguage, TableJson byAgeGroup) {}

    private EqualityRoutes() {}

    public static void register(RoutesConfig routes, EqualityService equality, Caller caller) {
        routes.get("/api/v1/equality/gaps", ctx -> {
            var actor = caller.actor(ctx);
            YearMonth now = YearMonth.now(ZoneId.systemDefault());
            YearMonth from = EqualityService.month(Optional.ofNullable(ctx.queryParam("from")), "from").orElse(now.minusMonths(11));
            YearMonth to = EqualityService.month(Optional.ofNullable(ctx.queryParam("to")), "to").orElse(now);
            OutcomeGaps g = equality.gaps(actor, from, to);
            ctx.json(new GapsJson(g.from(), g.to(), TableJson.of(g.byLanguage()), TableJson.of(g.byAgeGroup())));
        });
    }


    /** A number as published: the number when exact, else {@code "<5"} or {@code "withheld"}. */
    static Object value(Shown s) {
        return s.value().<Object>map(v -> v).orElse(s.text());
    }
}
