package eu.haven.web.code;

import eu.haven.core.code.CodeReplacementService;
import eu.haven.core.code.CodeRequest;
import eu.haven.core.person.IssuedCode;
import eu.haven.web.Caller;
import eu.haven.web.Requests;
import eu.haven.web.i18n.Messages;
import io.javalin.config.RoutesConfig;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A new access code in three steps by two people: {@code POST /api/v1/persons/{id}/access-code}
 * asks (202, waiting), {@code POST /api/v1/access-code-requests/{id}/approve} by a second person,
 * {@code POST /api/v1/access-code-requests/{id}/collect} by the one who asked (the code, once).
 * {@code GET /api/v1/access-code-requests} lists what waits for the caller's approval.
 */
public final class AccessCodeRoutes {
    record RequestJson(UUID id, String organisation, Instant requestedAt, String status, Instant approvedAt) {
        static RequestJson of(CodeRequest r) {
            return new RequestJson(r.id(), r.organisation(), r.requestedAt(), r.status().code(), r.approvedAt().orElse(null));
        }
    }

    record RequestsJson(List<RequestJson> requests) {}

    record IssuedCodeJson(String accessCode, Instant activateBy, String language, long ledgerIndex) {}

    private AccessCodeRoutes() {}

    public static void register(RoutesConfig routes, CodeReplacementService codes, Caller caller, Messages messages) {
        routes.post("/api/v1/persons/{id}/access-code", ctx -> {
            var actor = caller.actor(ctx);
            var purpose = caller.purpose(ctx);
            ctx.status(202).json(RequestJson.of(codes.request(actor, purpose, Requests.uuid(ctx, "id"))));
        });
        routes.get("/api/v1/access-code-requests", ctx -> {
            var actor = caller.actor(ctx);
            var waiting = codes.waiting(actor, caller.optionalPurpose(ctx));
            ctx.json(new RequestsJson(waiting.stream().map(RequestJson::of).toList()));
        });
        routes.post("/api/v1/access-code-requests/{id}/approve", ctx -> {
            var actor = caller.actor(ctx);
            var purpose = caller.purpose(ctx);
            ctx.json(RequestJson.of(codes.approve(actor, purpose, Requests.uuid(ctx, "id"))));
        });
        routes.post("/api/v1/access-code-requests/{id}/collect", ctx -> {
            var actor = caller.actor(ctx);
            var purpose = caller.purpose(ctx);
            IssuedCode issued = codes.collect(actor, purpose, Requests.uuid(ctx, "id"));
            String lang = messages.choose(List.of(Optional.of(issued.language())));
            ctx.status(201).json(new IssuedCodeJson(issued.accessCode(), issued.activateBy(), lang, issued.eventIndex()));
        });
    }
}
