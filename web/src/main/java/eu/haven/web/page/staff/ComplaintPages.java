package eu.haven.web.page.staff;

import eu.haven.core.complaint.ComplaintService;
import eu.haven.core.complaint.ComplaintView;
import eu.haven.core.error.HavenException;
import eu.haven.core.staff.Actor;
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

/**
 * The data protection officer's complaints: the queue (when and in which language, never who),
 * a complaint read (recorded in the person's history), answered, handed over.
 */
final class ComplaintPages {
    private final Area area;
    private final StaffPageSession session;
    private final StaffFrames frames;
    private final ComplaintService complaints;

    ComplaintPages(Area area, StaffPageSession session, StaffFrames frames, ComplaintService complaints) {
        this.area = area;
        this.session = session;
        this.frames = frames;
        this.complaints = complaints;
    }

    void register(RoutesConfig routes) {
        routes.get("/staff/complaints", area.page(ctx -> {
            Actor actor = officer(ctx);
            PageText t = area.text(ctx);
            List<QueueItem> waiting = complaints.waiting(actor).stream().map(c -> new QueueItem(c.id().toString(),
                eu.haven.web.page.PageKit.languageName(c.language()), t.dateTime(c.createdAt()), "", false)).toList();
            Map<String, Object> params = new HashMap<>();
            params.put("f", frames.frame(ctx, t, t.t("staff.complaints.title"), actor, Optional.empty(), "/staff/complaints"));
            params.put("t", t);
            params.put("waiting", waiting);
            params.put("done", Area.done(ctx, t, "staff.complaints.done."));
            area.render(ctx, 200, "page/staff/complaints.jte", params);
        }));
        routes.get("/staff/complaints/{id}", area.page(ctx -> show(ctx, 200, FormErrors.none(), "")));
        routes.post("/staff/complaints/{id}/answer", area.page(ctx -> {
            Actor actor = officer(ctx);
            PageText t = area.text(ctx);
            String answer = Optional.ofNullable(ctx.formParam("answer")).orElse("");
            try {
                complaints.answer(actor, id(ctx), answer);
            } catch (HavenException e) {
                if (!e.field().equals(Optional.of("answer"))) {
                    throw e;
                }
                show(ctx, 400, FormErrors.none().add("answer", t.t("staff.complaints.answer-missing")), answer);
                return;
            }
            back(ctx, t, "answered");
        }));
        routes.post("/staff/complaints/{id}/hand-over", area.page(ctx -> {
            Actor actor = officer(ctx);
            complaints.handOver(actor, id(ctx), Optional.ofNullable(ctx.formParam("body")).orElse(""));
            back(ctx, area.text(ctx), "handed-over");
        }));
    }

    private void show(Context ctx, int status, FormErrors errors, String answer) {
        Actor actor = officer(ctx);
        PageText t = area.text(ctx);
        ComplaintView c = complaints.read(actor, id(ctx));
        Map<String, Object> params = new HashMap<>();
        params.put("f", frames.frame(ctx, t, t.t("staff.complaints.one"), actor, Optional.empty(), "/staff/complaints").withError(errors.any()));
        params.put("t", t);
        params.put("c", c);
        params.put("received", t.dateTime(c.createdAt()));
        params.put("language", eu.haven.web.page.PageKit.languageName(c.language()));
        params.put("status", t.t("staff.complaints.status." + c.status().code()));
        params.put("errors", errors);
        params.put("answer", answer);
        params.put("href", "/staff/complaints/" + c.id());
        params.put("done", Area.done(ctx, t, "staff.complaints.done."));
        area.render(ctx, status, "page/staff/complaint.jte", params);
    }

    private static UUID id(Context ctx) {
        return CasePages.uuid(ctx.pathParam("id"));
    }

    private static void back(Context ctx, PageText t, String done) {
        String href = t.href("/staff/complaints/" + ctx.pathParam("id"));
        PageKit.redirect(ctx, href + (href.contains("?") ? "&" : "?") + "done=" + done);
    }

    private Actor officer(Context ctx) {
        return session.actor(ctx, Role.DPO);
    }
}
