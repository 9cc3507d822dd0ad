package eu.haven.web.referral;

import eu.haven.core.referral.NewReferral;
import eu.haven.core.referral.Referral;
import eu.haven.core.referral.ReferralService;
import eu.haven.web.Caller;
import eu.haven.web.Requests;
import io.javalin.config.RoutesConfig;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.UUID;

/** Referrals between organisations, and the receiving organisation's answer. */
public final class ReferralRoutes {
    record NewReferralJson(UUID personId, String to, String purpose, List<String> categories, UUID consentId) {}

    record ReferralJson(UUID id, UUID personId, String from, String to, String purpose, List<String> categories,
                        UUID consentId, String status, Instant createdAt, Instant decidedAt) {
        static ReferralJson of(Referral r) {
            return new ReferralJson(r.id(), r.personId(), r.from(), r.to(), r.purpose(), r.categories(), r.consentId(),
                r.status().name().toLowerCase(Locale.ROOT), r.createdAt(), r.decidedAt().orElse(null));
        }
    }

    record ReferralsJson(List<ReferralJson> referrals) {}

    record DeclineJson(String reason) {}

    private ReferralRoutes() {}

    public static void register(RoutesConfig routes, ReferralService referrals, Caller caller, Requests requests) {
        routes.post("/api/v1/referrals", ctx -> {
            var actor = caller.actor(ctx);
            var purpose = caller.purpose(ctx);
            NewReferralJson b = requests.body(ctx, NewReferralJson.class);
            Referral r = referrals.refer(actor, purpose,
                new NewReferral(b.personId(), b.to(), b.purpose(), b.categories(), b.consentId()));
            ctx.status(201).json(ReferralJson.of(r));
        });
        routes.get("/api/v1/referrals", ctx -> {
            var actor = caller.actor(ctx);
            ctx.json(new ReferralsJson(referrals.pendingFor(actor, caller.purpose(ctx)).stream().map(ReferralJson::of).toList()));
        });
        routes.post("/api/v1/referrals/{id}/accept", ctx -> {
            var actor = caller.actor(ctx);
            var purpose = caller.purpose(ctx);
            ctx.json(ReferralJson.of(referrals.accept(actor, purpose, Requests.uuid(ctx, "id"))));
        });
        routes.post("/api/v1/referrals/{id}/decline", ctx -> {
            var actor = caller.actor(ctx);
            var purpose = caller.purpose(ctx);
            Optional<String> reason = ctx.contentLength() > 0 || ctx.header("Content-Type") != null
                ? Optional.ofNullable(requests.body(ctx, DeclineJson.class).reason()) : Optional.empty();
            ctx.json(ReferralJson.of(referrals.decline(actor, purpose, Requests.uuid(ctx, "id"), reason)));
        });
    }
}
