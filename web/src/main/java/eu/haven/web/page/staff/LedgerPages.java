package eu.haven.web.page.staff;

import eu.haven.core.audit.Ledger;
import eu.haven.core.error.HavenException;
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

    LedgerPages(Area area, StaffPageSession session, StaffFrames frames, Ledger ledger) {
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
        Actor actor = session.actor(ctx);
        if (actor.role() != Role.DPO && actor.role() != Role.OVERSIGHT) {
            throw HavenException.notFound();
        }
        return actor;
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
        area.render(ctx, 200, "page/staff/ledger.jte", params);
    }
}
