package eu.haven.web.erasure;

import eu.haven.core.erasure.ErasureOutcome;
import eu.haven.core.erasure.ErasureRequest;
import eu.haven.core.erasure.ErasureService;
import eu.haven.core.erasure.ErasureView;
import eu.haven.web.Caller;
import eu.haven.web.Requests;
import io.javalin.config.RoutesConfig;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Erasure on the staff side: end the organisation's own records about a person
 * ({@code POST /api/v1/persons/{id}/erasure}; erasing the person is the person's own request), the
 * organisation's queue of the person's requests ({@code GET /api/v1/erasures}), confirm or decline.
 */
public final class ErasureRoutes {
    record QueuedJson(UUID personId, String reason, Instant requestedAt) {}

    record QueueJson(List<QueuedJson> erasures) {}

    record WaitingJson(String organisation, String reason, String status, String answer, Instant requestedAt,
                       Instant answeredAt) {
        static WaitingJson of(ErasureView e) {
            return new WaitingJson(e.organisation(), e.reason(), e.status().code(), e.answer().orElse(null),
                e.requestedAt(), e.answeredAt().orElse(null));
        }
    }

    record OutcomeJson(boolean erased, List<WaitingJson> waiting) {
        static OutcomeJson of(ErasureOutcome o) {
            return new OutcomeJson(o.erased(), o.waiting().stream().map(WaitingJson::of).toList());
        }
    }

    record DeclineRequest(String answer) {}

    record EndedJson(int ended) {}

    private ErasureRoutes() {}

    public static void register(RoutesConfig routes, ErasureService erasure, Caller caller, Requests requests) {
        routes.post("/api/v1/persons/{id}/erasure", ctx -> {
            var actor = caller.actor(ctx);
            var purpose = caller.purpose(ctx);
            int ended = erasure.endOwnRecords(actor, purpose, Requests.uuid(ctx, "id"));
            ctx.json(new EndedJson(ended));
        });
        routes.get("/api/v1/erasures", ctx -> {
            var actor = caller.actor(ctx);
            List<ErasureRequest> pending = erasure.queue(actor, caller.purpose(ctx));
            ctx.json(new QueueJson(pending.stream().map(e -> new QueuedJson(e.personId(), e.reason(), e.requestedAt())).toList()));
        });
        routes.post("/api/v1/persons/{id}/erasure/confirm", ctx -> {
            var actor = caller.actor(ctx);
            var purpose = caller.purpose(ctx);
            ctx.json(OutcomeJson.of(erasure.confirm(actor, purpose, Requests.uuid(ctx, "id"))));
        });
        routes.post("/api/v1/persons/{id}/erasure/decline", ctx -> {
            var actor = caller.actor(ctx);
            var purpose = caller.purpose(ctx);
            DeclineRequest body = requests.body(ctx, DeclineRequest.class);
            ctx.json(WaitingJson.of(erasure.decline(actor, purpose, Requests.uuid(ctx, "id"), body.answer())));
        });
    }
}
