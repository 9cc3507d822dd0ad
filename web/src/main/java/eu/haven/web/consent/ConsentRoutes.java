package eu.haven.web.consent;

import eu.haven.core.consent.Consent;
import eu.haven.core.consent.ConsentService;
import eu.haven.core.consent.NewConsent;
import eu.haven.web.Caller;
import eu.haven.web.Requests;
import io.javalin.config.RoutesConfig;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Consents recorded by a caseworker on the person's behalf, and their withdrawal. */
public final class ConsentRoutes {
    record NewConsentJson(String recipient, List<String> purposes, List<String> categories, Instant expiresAt,
                          String method, String language, NewConsent.Guardian guardian) {}

    record ConsentsJson(List<ConsentJson> consents) {}

    private ConsentRoutes() {}

    public static void register(RoutesConfig routes, ConsentService consents, Caller caller, Requests requests) {
        routes.post("/api/v1/persons/{id}/consents", ctx -> {
            var actor = caller.actor(ctx);
            var purpose = caller.purpose(ctx);
            UUID person = Requests.uuid(ctx, "id");
            NewConsentJson b = requests.body(ctx, NewConsentJson.class);
            Consent c = consents.give(actor, purpose, person, new NewConsent(b.recipient(), b.purposes(), b.categories(),
                Optional.ofNullable(b.expiresAt()), b.method(), b.language(), Optional.ofNullable(b.guardian())));
            ctx.status(201).json(ConsentJson.of(c, consents.now()));
        });
        routes.get("/api/v1/persons/{id}/consents", ctx -> {
            var actor = caller.actor(ctx);
            var purpose = caller.purpose(ctx);
            UUID person = Requests.uuid(ctx, "id");
            Instant now = consents.now();
            ctx.json(new ConsentsJson(consents.list(actor, purpose, person).stream().map(c -> ConsentJson.of(c, now)).toList()));
        });
        routes.post("/api/v1/consents/{id}/withdraw", ctx -> {
            var actor = caller.actor(ctx);
            var purpose = caller.purpose(ctx);
            Consent c = consents.withdraw(actor, purpose, Requests.uuid(ctx, "id"));
            ctx.json(ConsentJson.of(c, consents.now()));
        });
    }
}
