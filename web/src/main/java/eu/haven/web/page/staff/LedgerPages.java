package eu.haven.web.page.staff;

import eu.haven.core.audit.Ledger;
import eu.haven.core.staff.Actor;
import eu.haven.core.staff.Role;
import eu.haven.web.page.Area;
import eu.haven.web.page.PageText;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The data protection officer's and the supervisory authority's view of the ledger: its size, the
 * latest signed checkpoint, the last audit's result, and a button that audits the whole ledger
 * again now. No person's data is on this page.
 */
final class LedgerPages {
    private final Area area;
    private final StaffPageSession session;
    private final StaffFrames frames;
    private final Ledger ledger;
    private final eu.haven.core.code.CodeReplacementService codes;
    private final java.util.function.Supplier<Map<String, eu.haven.core.staff.Organisation>> organisations;

    LedgerPages(Area area, StaffPageSession session, StaffFrames frames, Ledger ledger, eu.haven.core.code.CodeReplacementService codes,
                java.util.function.Supplier<Map<String, eu.haven.core.staff.Organisation>> organisations) {
        this.codes = codes;
        this.organisations = organisations;
        this.area = area;
        this.session = session;
        this.frames = frames;
        this.ledger = ledger;
    }

    void register(RoutesConfig routes) {
        routes.get("/staff/ledger", area.page(ctx -> show(ctx, officer(ctx), false)));
        routes.post("/staff/ledger/audit", area.page(ctx -> {
            Actor actor = officer(ctx);
            ledger.auditNow();
            show(ctx, actor, true);
        }));
    }

    private Actor officer(Context ctx) {
        return session.actor(ctx, Role.DPO, Role.OVERSIGHT, Role.EQUALITY);
    }

    private static Optional<java.time.LocalDate> date(String raw) {
        try {
            return Optional.ofNullable(raw).filter(r -> !r.isBlank()).map(java.time.LocalDate::parse);
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private void show(Context ctx, Actor actor, boolean justRan) {
        PageText t = area.text(ctx);
        Ledger.AuditOutcome audit = ledger.lastAudit();
        Map<String, Object> params = new HashMap<>();
        params.put("f", frames.frame(ctx, t, t.t("staff.ledger.title"), actor, Optional.empty(), "/staff/ledger"));
        params.put("t", t);
        params.put("size", t.number(ledger.size()));
        params.put("checkpoint", ledger.signedCheckpoint());
        params.put("checkpointSize", t.number(ledger.checkpointHead().size()));
        params.put("origin", ledger.origin());
        params.put("audit", audit);
        params.put("auditAt", t.dateTime(audit.at()));
        params.put("auditSize", t.number(audit.size()));
        params.put("auditMillis", t.number(audit.took().toMillis()));
        params.put("justRan", justRan);
        java.time.ZoneId zone = java.time.ZoneId.systemDefault();
        java.time.LocalDate today = java.time.LocalDate.now(zone);
        java.time.LocalDate from = date(ctx.queryParam("from")).orElse(today.withDayOfMonth(1));
        java.time.LocalDate to = date(ctx.queryParam("to")).filter(d -> !d.isBefore(from)).orElse(today);
        params.put("from", from.toString());
        params.put("to", to.toString());
        java.util.Map<String, String> counts = new java.util.LinkedHashMap<>();
        ledger.decisionCounts(from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant())
            .forEach((reason, n) -> counts.put(reason, t.number(n)));
        params.put("counts", counts);
        // New access codes waiting for a second person: the officer sees which organisation asked and when, never who for.
        params.put("codes", actor.role() == Role.DPO ? codes.waiting(actor, Optional.empty()).stream()
            .map(c -> new QueueItem(c.id().toString(), CasePages.name(organisations.get(), c.organisation()), t.dateTime(c.requestedAt()),
                "", false)).toList() : java.util.List.<QueueItem>of());
        params.put("done", Area.done(ctx, t, "staff.done."));
        area.render(ctx, 200, "page/staff/ledger.jte", params);
    }
}
