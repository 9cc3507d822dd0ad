package eu.haven.web.page.staff;

import eu.haven.core.framework.RequestedPurpose;
import eu.haven.core.referral.Referral;
import eu.haven.core.referral.ReferralService;
import eu.haven.core.staff.Actor;
import eu.haven.core.staff.Organisation;
import eu.haven.web.i18n.Labels;
import eu.haven.web.page.Area;
import eu.haven.web.page.PageKit;
import eu.haven.web.page.PageText;
import io.javalin.config.RoutesConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** The referrals waiting for the organisation's answer: listing them is decided and recorded per person, like the API's queue. */
final class InboxPages {

    private final Area area;
    private final StaffPageSession session;
    private final StaffFrames frames;
    private final ReferralService referrals;
    private final Labels labels;
    private final Supplier<Map<String, Organisation>> organisations;

    InboxPages(Area area, StaffPageSession session, StaffFrames frames, ReferralService referrals, Labels labels,
               Supplier<Map<String, Organisation>> organisations) {
        this.area = area;
        this.session = session;
        this.frames = frames;
        this.referrals = referrals;
        this.labels = labels;
        this.organisations = organisations;
    }

    void register(RoutesConfig routes) {
        routes.get("/staff/inbox", area.page(ctx -> {
            Actor actor = session.actor(ctx);
            RequestedPurpose purpose = session.purpose(ctx);
            PageText t = area.text(ctx);
            Map<String, Organisation> orgs = organisations.get();
            List<WaitingReferral> waiting = referrals.pendingFor(actor, purpose).stream().map(r -> waiting(r, orgs, t)).toList();
            Map<String, Object> params = new HashMap<>();
            params.put("f", frames.frame(ctx, t, t.t("staff.inbox.title"), actor, Optional.of(purpose), "/staff/inbox"));
            params.put("t", t);
            params.put("waiting", waiting);
            params.put("accepted", referrals.acceptedFor(actor, purpose).stream().map(r -> new QueueItem(r.personId().toString(),
                CasePages.name(orgs, r.from()), r.decidedAt().map(t::dateTime).orElse(""), labels.purpose(t.lang(), r.purpose()), false))
                .toList());
            params.put("done", Area.done(ctx, t, "staff.done."));
            area.render(ctx, 200, "page/staff/inbox.jte", params);
        }));
        routes.post("/staff/referrals/{id}/accept", area.page(ctx -> {
            Actor actor = session.actor(ctx);
            Referral r = referrals.accept(actor, session.purpose(ctx), CasePages.uuid(ctx.pathParam("id")));
            PageKit.redirect(ctx, area.text(ctx).href("/staff/people/" + r.personId() + "?done=accepted"));
        }));
        routes.post("/staff/referrals/{id}/decline", area.page(ctx -> {
            Actor actor = session.actor(ctx);
            String reason = Optional.ofNullable(ctx.formParam("reason")).map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
            referrals.decline(actor, session.purpose(ctx), CasePages.uuid(ctx.pathParam("id")), Optional.ofNullable(reason));
            PageKit.redirect(ctx, area.text(ctx).href("/staff/inbox?done=declined"));
        }));
    }

    private WaitingReferral waiting(Referral r, Map<String, Organisation> orgs, PageText t) {
        return new WaitingReferral(r.id().toString(), CasePages.name(orgs, r.from()), labels.purpose(t.lang(), r.purpose()),
            String.join(", ", r.categories().stream().map(k -> labels.category(t.lang(), k)).toList()), t.dateTime(r.createdAt()));
    }
}
