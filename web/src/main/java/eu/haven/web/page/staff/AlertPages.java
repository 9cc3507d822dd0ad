package eu.haven.web.page.staff;

import eu.haven.core.alert.Alert;
import eu.haven.core.alert.AlertService;
import eu.haven.core.error.HavenException;
import eu.haven.core.staff.Actor;
import eu.haven.core.staff.Organisation;
import eu.haven.core.staff.Role;
import eu.haven.web.page.Area;
import eu.haven.web.page.FormErrors;
import eu.haven.web.page.PageKit;
import eu.haven.web.page.PageText;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/** The data protection officer's open alerts, each acknowledged with a note of what was found and done. */
final class AlertPages {
    private final Area area;
    private final StaffPageSession session;
    private final StaffFrames frames;
    private final AlertService alerts;
    private final Supplier<Map<String, Organisation>> organisations;
    private final Function<UUID, Optional<String>> usernames;

    AlertPages(Area area, StaffPageSession session, StaffFrames frames, AlertService alerts, Supplier<Map<String, Organisation>> organisations,
               Function<UUID, Optional<String>> usernames) {
        this.area = area;
        this.session = session;
        this.frames = frames;
        this.alerts = alerts;
        this.organisations = organisations;
        this.usernames = usernames;
    }

    void register(RoutesConfig routes) {
        routes.get("/staff/alerts", area.page(ctx -> show(ctx, 200, Optional.empty(), FormErrors.none())));
        routes.post("/staff/alerts/{id}/acknowledge", area.page(ctx -> {
            Actor actor = officer(ctx);
            PageText t = area.text(ctx);
            UUID id = CasePages.uuid(ctx.pathParam("id"));
            try {
                alerts.acknowledge(actor, id, Optional.ofNullable(ctx.formParam("note-" + id)).orElse(""));
            } catch (HavenException e) {
                if (!e.field().equals(Optional.of("note"))) {
                    throw e;
                }
                show(ctx, 400, Optional.of(id.toString()), FormErrors.none().add("note-" + id, t.t("staff.alerts.note-missing")));
                return;
            }
            String href = t.href("/staff/alerts");
            PageKit.redirect(ctx, href + (href.contains("?") ? "&" : "?") + "done=acknowledged");
        }));
    }

    private Actor officer(Context ctx) {
        return session.actor(ctx, Role.DPO);
    }

    private void show(Context ctx, int status, Optional<String> failed, FormErrors errors) {
        Actor actor = officer(ctx);
        PageText t = area.text(ctx);
        Map<String, Organisation> orgs = organisations.get();
        List<AlertRow> rows = alerts.open(actor).stream().map(a -> new AlertRow(a.id().toString(), t.t("staff.alert." + a.kind().code()),
            t.t("staff.alert.why." + a.kind().code()), t.dateTime(a.createdAt()),
            a.organisation().map(o -> CasePages.name(orgs, o)).orElse("–"), staff(a))).toList();
        Map<String, Object> params = new HashMap<>();
        params.put("f", frames.frame(ctx, t, t.t("staff.alerts.title"), actor, Optional.empty(), "/staff/alerts").withError(errors.any()));
        params.put("t", t);
        params.put("rows", rows);
        params.put("errors", errors);
        params.put("done", Area.done(ctx, t, "staff.alerts.done."));
        area.render(ctx, status, "page/staff/alerts.jte", params);
    }

    /** The member of staff an access-watch alert is about (its target); the other alerts' targets are requests, not people. */
    private String staff(Alert a) {
        return a.kind().aboutStaff() ? a.target().flatMap(usernames).orElse("–") : "–";
    }
}
