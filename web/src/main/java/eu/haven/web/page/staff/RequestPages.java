package eu.haven.web.page.staff;

import eu.haven.core.code.CodeReplacementService;
import eu.haven.core.correction.Correction;
import eu.haven.core.correction.CorrectionService;
import eu.haven.core.correction.CorrectionView;
import eu.haven.core.erasure.ErasureRequest;
import eu.haven.core.erasure.ErasureService;
import eu.haven.core.error.ErrorCode;
import eu.haven.core.error.HavenException;
import eu.haven.core.framework.RequestedPurpose;
import eu.haven.core.person.IssuedCode;
import eu.haven.core.staff.Actor;
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

/**
 * The requests a member of staff answers besides referrals: people's requests for correction and
 * for erasure, and new access codes (asked for by one member of staff, approved by another, then
 * handed over). Listing a queue decides and records each person in it, as the API's queues do.
 */
final class RequestPages {
    private final Area area;
    private final StaffPageSession session;
    private final StaffFrames frames;
    private final CorrectionService corrections;
    private final ErasureService erasures;
    private final CodeReplacementService codes;

    RequestPages(Area area, StaffPageSession session, StaffFrames frames, CorrectionService corrections, ErasureService erasures,
                 CodeReplacementService codes) {
        this.area = area;
        this.session = session;
        this.frames = frames;
        this.corrections = corrections;
        this.erasures = erasures;
        this.codes = codes;
    }

    void register(RoutesConfig routes) {
        routes.get("/staff/requests", area.page(this::list));
        routes.get("/staff/corrections/{id}", area.page(ctx -> correction(ctx, 200, FormErrors.none(), "", "")));
        routes.post("/staff/corrections/{id}/answer", area.page(this::answerCorrection));
        routes.post("/staff/erasures/{person}/confirm", area.page(ctx -> {
            Actor actor = session.actor(ctx);
            erasures.confirm(actor, session.purpose(ctx), CasePages.uuid(ctx.pathParam("person")));
            PageKit.redirect(ctx, area.text(ctx).href("/staff/requests?done=erasure-confirmed"));
        }));
        routes.post("/staff/erasures/{person}/decline", area.page(ctx -> {
            Actor actor = session.actor(ctx);
            String answer = Optional.ofNullable(ctx.formParam("answer")).orElse("").strip();
            if (answer.isEmpty()) {
                throw HavenException.invalid("answer", "An answer is needed.");
            }
            erasures.decline(actor, session.purpose(ctx), CasePages.uuid(ctx.pathParam("person")), answer);
            PageKit.redirect(ctx, area.text(ctx).href("/staff/requests?done=erasure-declined"));
        }));
        routes.post("/staff/people/{id}/access-code", area.page(ctx -> {
            Actor actor = session.actor(ctx);
            codes.request(actor, session.purpose(ctx), CasePages.uuid(ctx.pathParam("id")));
            PageKit.redirect(ctx, area.text(ctx).href("/staff/requests?done=code-requested"));
        }));
        routes.post("/staff/code-requests/{id}/approve", area.page(ctx -> {
            Actor actor = session.actor(ctx);
            boolean officer = actor.role() == eu.haven.core.staff.Role.DPO;
            // The data protection officer approves for the person's rights; they declare no purpose of case work.
            codes.approve(actor, officer ? session.resolve(eu.haven.core.access.Recorder.RIGHTS) : session.purpose(ctx),
                CasePages.uuid(ctx.pathParam("id")));
            PageKit.redirect(ctx, area.text(ctx).href(officer ? "/staff/ledger?done=code-approved" : "/staff/requests?done=code-approved"));
        }));
        routes.post("/staff/code-requests/{id}/collect", area.page(ctx -> {
            Actor actor = session.actor(ctx);
            RequestedPurpose purpose = session.purpose(ctx);
            IssuedCode issued = codes.collect(actor, purpose, CasePages.uuid(ctx.pathParam("id")));
            PageText t = area.text(ctx);
            Map<String, Object> params = new HashMap<>();
            params.put("f", frames.frame(ctx, t, t.t("staff.created.title"), actor, Optional.of(purpose), ""));
            params.put("t", t);
            params.put("id", "");
            params.put("code", issued.accessCode());
            params.put("language", issued.language());
            params.put("activateBy", t.dateTime(issued.activateBy()));
            area.render(ctx, 200, "page/staff/created.jte", params);
        }));
    }

    private void list(Context ctx) {
        Actor actor = session.actor(ctx);
        RequestedPurpose purpose = session.purpose(ctx);
        PageText t = area.text(ctx);
        List<QueueItem> open = corrections.queue(actor, purpose).stream().filter(c -> c.status() == Correction.Status.OPEN)
            .map(c -> new QueueItem(c.id().toString(), "correction", t.dateTime(c.createdAt()), "", false)).toList();
        List<QueueItem> erase = erasures.queue(actor, purpose).stream().filter(e -> e.status() == ErasureRequest.Status.PENDING)
            .map(e -> new QueueItem(e.personId().toString(), "erasure", t.dateTime(e.requestedAt()), e.reason(), false)).toList();
        List<QueueItem> code = new java.util.ArrayList<>(codes.asked(actor).stream()
            .map(c -> new QueueItem(c.id().toString(), "code-" + c.status().code(), t.dateTime(c.requestedAt()), "", true)).toList());
        codes.waiting(actor, Optional.of(purpose)).stream()
            .map(c -> new QueueItem(c.id().toString(), "code-" + c.status().code(), t.dateTime(c.requestedAt()), "", false))
            .forEach(code::add);
        Map<String, Object> params = new HashMap<>();
        params.put("f", frames.frame(ctx, t, t.t("staff.requests.title"), actor, Optional.of(purpose), "/staff/requests"));
        params.put("t", t);
        params.put("corrections", open);
        params.put("erasures", erase);
        params.put("codes", code);
        params.put("done", Area.done(ctx, t, "staff.done."));
        area.render(ctx, 200, "page/staff/requests.jte", params);
    }

    private void correction(Context ctx, int status, FormErrors errors, String outcome, String answer) {
        Actor actor = session.actor(ctx);
        RequestedPurpose purpose = session.purpose(ctx);
        PageText t = area.text(ctx);
        CorrectionView c = corrections.show(actor, purpose, CasePages.uuid(ctx.pathParam("id")));
        Map<String, Object> params = new HashMap<>();
        params.put("f", frames.frame(ctx, t, t.t("staff.correction.title"), actor, Optional.of(purpose), "").withError(errors.any()));
        params.put("t", t);
        params.put("errors", errors);
        params.put("id", c.id().toString());
        params.put("person", c.personId().toString());
        params.put("request", c.request());
        params.put("received", t.dateTime(c.createdAt()));
        params.put("open", c.status() == Correction.Status.OPEN);
        params.put("outcome", outcome);
        params.put("answer", answer);
        area.render(ctx, status, "page/staff/correction.jte", params);
    }

    private void answerCorrection(Context ctx) {
        Actor actor = session.actor(ctx);
        PageText t = area.text(ctx);
        String outcome = Optional.ofNullable(ctx.formParam("outcome")).orElse("");
        String answer = Optional.ofNullable(ctx.formParam("answer")).orElse("").strip();
        FormErrors errors = FormErrors.none();
        if (!outcome.equals("corrected") && !outcome.equals("answered")) {
            errors.add("outcome", t.t("staff.correction.outcome-missing"));
        }
        if (answer.isEmpty()) {
            errors.add("answer", t.t("staff.correction.answer-missing"));
        }
        if (!errors.any()) {
            try {
                corrections.answer(actor, session.purpose(ctx), CasePages.uuid(ctx.pathParam("id")), outcome, answer);
                PageKit.redirect(ctx, t.href("/staff/requests?done=correction-answered"));
                return;
            } catch (HavenException e) {
                if (e.code() != ErrorCode.INVALID_REQUEST) {
                    throw e;
                }
                errors.add("answer", Area.explain(t, e));
            }
        }
        correction(ctx, 400, errors, outcome, answer);
    }
}
