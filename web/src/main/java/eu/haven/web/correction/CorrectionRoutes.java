package eu.haven.web.correction;

import eu.haven.core.correction.Correction;
import eu.haven.core.correction.CorrectionService;
import eu.haven.core.correction.CorrectionView;
import eu.haven.web.Caller;
import eu.haven.web.Requests;
import io.javalin.config.RoutesConfig;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The organisation's queue of correction requests: {@code GET /api/v1/corrections} (ids and dates
 * only), {@code GET /api/v1/corrections/{id}} (the text; a recorded access) and
 * {@code POST /api/v1/corrections/{id}/answer}.
 */
public final class CorrectionRoutes {
    record QueuedJson(UUID id, UUID personId, UUID recordId, Instant createdAt) {}

    record QueueJson(List<QueuedJson> corrections) {}

    record AnswerRequest(String status, String answer) {}

    record CorrectionJson(UUID id, UUID personId, String organisation, UUID recordId, String text, String status,
                          String answer, Instant createdAt, Instant answeredAt) {
        static CorrectionJson of(CorrectionView c) {
            return new CorrectionJson(c.id(), c.personId(), c.organisation(), c.recordId().orElse(null), c.request(),
                c.status().code(), c.answer().orElse(null), c.createdAt(), c.answeredAt().orElse(null));
        }
    }

    private CorrectionRoutes() {}

    public static void register(RoutesConfig routes, CorrectionService corrections, Caller caller, Requests requests) {
        routes.get("/api/v1/corrections", ctx -> {
            var actor = caller.actor(ctx);
            List<Correction> open = corrections.queue(actor, caller.purpose(ctx));
            ctx.json(new QueueJson(open.stream()
                .map(c -> new QueuedJson(c.id(), c.personId(), c.recordId().orElse(null), c.createdAt())).toList()));
        });
        routes.get("/api/v1/corrections/{id}", ctx -> {
            var actor = caller.actor(ctx);
            var purpose = caller.purpose(ctx);
            ctx.json(CorrectionJson.of(corrections.show(actor, purpose, Requests.uuid(ctx, "id"))));
        });
        routes.post("/api/v1/corrections/{id}/answer", ctx -> {
            var actor = caller.actor(ctx);
            var purpose = caller.purpose(ctx);
            AnswerRequest body = requests.body(ctx, AnswerRequest.class);
            String answer = body.answer() == null ? null : body.answer().replace("\r\n", "\n");
            ctx.json(CorrectionJson.of(corrections.answer(actor, purpose, Requests.uuid(ctx, "id"), body.status(), answer)));
        });
    }
}
