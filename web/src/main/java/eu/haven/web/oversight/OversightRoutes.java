package eu.haven.web.oversight;

import eu.haven.core.audit.Ledger;
import eu.haven.core.error.ErrorCode;
import eu.haven.core.error.HavenException;
import eu.haven.core.oversight.EventFilter;
import eu.haven.core.oversight.Inspection;
import eu.haven.core.oversight.OversightService;
import eu.haven.core.oversight.PseudonymousEvent;
import eu.haven.core.staff.Actor;
import eu.haven.core.staff.Role;
import eu.haven.web.Caller;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The supervisory authority's view: {@code GET /api/v1/oversight/events} (pseudonymous access
 * events of a period, filtered), {@code .../events/export} (the same as a note signed with the
 * ledger's key) and {@code POST /api/v1/oversight/audit} (the whole ledger audited now).
 */
public final class OversightRoutes {
    record EventJson(long index, Instant at, String organisation, String role, String action, String purpose, String outcome,
                     List<String> categories, String staff, String person) {
        static EventJson of(PseudonymousEvent e) {
            return new EventJson(e.index(), e.at(), e.organisation().orElse(null), e.role(), e.action(), e.purpose(), e.outcome(),
                e.categories().stream().sorted().toList(), e.staff().orElse(null), e.person().orElse(null));
        }
    }

    record EventsJson(LocalDate from, LocalDate to, List<EventJson> events, int withheld, Long next) {}

    record AuditJson(boolean passed, long size, Instant at, long tookMillis, String detail) {}

    private OversightRoutes() {}

    public static void register(RoutesConfig routes, OversightService oversight, Ledger ledger, Caller caller) {
        routes.get("/api/v1/oversight/events", ctx -> {
            Actor actor = caller.actor(ctx);
            EventFilter filter = filter(ctx);
            long after = Optional.ofNullable(ctx.queryParam("after")).map(OversightRoutes::index).orElse(-1L);
            int limit = Optional.ofNullable(ctx.queryParam("limit")).map(OversightRoutes::index).map(Long::intValue).orElse(100);
            Inspection page = oversight.events(actor, filter, after, limit);
            ctx.json(new EventsJson(filter.from(), filter.to(), page.events().stream().map(EventJson::of).toList(), page.withheld(),
                page.next().orElse(null)));
        });
        routes.get("/api/v1/oversight/events/export", ctx -> {
            Actor actor = caller.actor(ctx);
            EventFilter filter = filter(ctx);
            String note = oversight.export(actor, filter);
            ctx.header("Content-Disposition", "attachment; filename=\"haven-inspection-" + filter.from() + "-" + filter.to() + ".txt\"");
            ctx.contentType("text/plain; charset=utf-8").result(note);
        });
        routes.post("/api/v1/oversight/audit", ctx -> {
            Actor actor = caller.actor(ctx);
            if (actor.role() != Role.OVERSIGHT && actor.role() != Role.DPO && actor.role() != Role.EQUALITY) {
                throw new HavenException(ErrorCode.ROLE, "Auditing the ledger from here is for the data protection officer and the oversight bodies.");
            }
            Ledger.AuditOutcome outcome = ledger.auditNow();
            ctx.json(new AuditJson(outcome.passed(), outcome.size(), outcome.at(), outcome.took().toMillis(), outcome.detail()));
        });
    }

    /** The filter as the query gives it: {@code from} and {@code to} (dates; this month so far by default), organisation, purpose, outcome. */
    public static EventFilter filter(Context ctx) {
        return EventFilter.of(Optional.ofNullable(ctx.queryParam("from")), Optional.ofNullable(ctx.queryParam("to")),
            Optional.ofNullable(ctx.queryParam("organisation")), Optional.ofNullable(ctx.queryParam("purpose")),
            Optional.ofNullable(ctx.queryParam("outcome")), LocalDate.now(ZoneId.systemDefault()));
    }

    private static long index(String raw) {
        try {
            long n = Long.parseLong(raw.strip());
            if (n >= -1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw HavenException.invalid("Give a whole number.");
    }
}
