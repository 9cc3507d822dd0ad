package eu.haven.web.complaint;

import eu.haven.core.complaint.Complaint;
import eu.haven.core.complaint.ComplaintService;
import eu.haven.core.complaint.ComplaintView;
import eu.haven.core.person.Self;
import eu.haven.core.rights.RightsService;
import eu.haven.web.Caller;
import eu.haven.web.Requests;
import io.javalin.config.RoutesConfig;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Complaints: the person's ({@code POST} and {@code GET /api/v1/me/complaints}) and the data
 * protection officer's ({@code GET /api/v1/complaints}, {@code GET .../{id}} (a recorded read),
 * {@code POST .../{id}/answer}, {@code POST .../{id}/hand-over}).
 */
public final class ComplaintRoutes {
    record NewComplaintJson(String text) {}

    record AnswerJson(String answer) {}

    record HandOverJson(String body) {}

    record ComplaintJson(UUID id, Instant createdAt, String language, String text, String status, String answer, Instant answeredAt,
                         String handedTo, Instant handedAt) {
        static ComplaintJson of(ComplaintView v) {
            return new ComplaintJson(v.id(), v.createdAt(), v.language(), v.text(), v.status().code(), v.answer().orElse(null),
                v.answeredAt().orElse(null), v.handedTo().map(Complaint.Body::code).orElse(null), v.handedAt().orElse(null));
        }
    }

    record WaitingJson(UUID id, Instant createdAt, String language) {}

    record ListJson<T>(List<T> complaints) {}

    private ComplaintRoutes() {}

    public static void register(RoutesConfig routes, ComplaintService complaints, RightsService rights, Caller caller, Requests requests) {
        routes.post("/api/v1/me/complaints", ctx -> {
            Self self = caller.self(ctx);
            NewComplaintJson body = requests.body(ctx, NewComplaintJson.class);
            String language = rights.language(self).orElse("en");
            ctx.status(201).json(ComplaintJson.of(complaints.complain(self, body.text() == null ? null : body.text().replace("\r\n", "\n"), language)));
        });
        routes.get("/api/v1/me/complaints", ctx -> ctx.json(new ListJson<>(complaints.mine(caller.self(ctx)).stream().map(ComplaintJson::of).toList())));
        routes.get("/api/v1/complaints", ctx -> ctx.json(new ListJson<>(complaints.waiting(caller.actor(ctx)).stream()
            .map(c -> new WaitingJson(c.id(), c.createdAt(), c.language())).toList())));
        routes.get("/api/v1/complaints/{id}", ctx -> {
            var actor = caller.actor(ctx);
            ctx.json(ComplaintJson.of(complaints.read(actor, Requests.uuid(ctx, "id"))));
        });
        routes.post("/api/v1/complaints/{id}/answer", ctx -> {
            var actor = caller.actor(ctx);
            ctx.json(ComplaintJson.of(complaints.answer(actor, Requests.uuid(ctx, "id"), requests.body(ctx, AnswerJson.class).answer())));
        });
        routes.post("/api/v1/complaints/{id}/hand-over", ctx -> {
            var actor = caller.actor(ctx);
            ctx.json(ComplaintJson.of(complaints.handOver(actor, Requests.uuid(ctx, "id"), requests.body(ctx, HandOverJson.class).body())));
        });
    }
}
