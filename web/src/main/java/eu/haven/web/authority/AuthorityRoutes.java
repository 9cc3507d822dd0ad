package eu.haven.web.authority;

import eu.haven.core.authority.AuthorityRequest;
import eu.haven.core.authority.AuthorityRequestService;
import eu.haven.core.authority.NewAuthorityRequest;
import eu.haven.core.error.HavenException;
import eu.haven.core.staff.Actor;
import eu.haven.web.Caller;
import eu.haven.web.Requests;
import io.javalin.config.RoutesConfig;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The data protection officer's register of authority requests: {@code /api/v1/authority-requests}
 * (register, list, one), {@code .../{id}/persons} (add one person), {@code .../{id}/decision},
 * {@code .../{id}/postponement} and {@code .../{id}/letter} (the printable refusal letter).
 */
public final class AuthorityRoutes {
    record NewRequestJson(String body, String bodyType, String legalReference, String purpose, List<String> categories,
                          String letterLanguage) {}

    record PersonJson(UUID personId) {}

    record DecisionJson(List<String> grant, String note) {}

    record PostponementJson(String until, String reason) {}

    record RequestsJson(List<AuthorityRequestJson> requests) {}

    private AuthorityRoutes() {}

    public static void register(RoutesConfig routes, AuthorityRequestService authority, Caller caller, Requests requests,
                                RefusalLetters letters) {
        routes.post("/api/v1/authority-requests", ctx -> {
            Actor actor = caller.actor(ctx);
            NewRequestJson b = requests.body(ctx, NewRequestJson.class);
            AuthorityRequest r = authority.register(actor, new NewAuthorityRequest(b.body(), b.bodyType(), b.legalReference(), b.purpose(),
                Set.copyOf(Optional.ofNullable(b.categories()).orElse(List.of())), b.letterLanguage()));
            ctx.status(201).json(AuthorityRequestJson.of(r, 0));
        });
        routes.get("/api/v1/authority-requests", ctx -> {
            Actor actor = caller.actor(ctx);
            ctx.json(new RequestsJson(authority.list(actor).stream()
                .map(r -> AuthorityRequestJson.of(r, authority.personCount(actor, r.id()))).toList()));
        });
        routes.get("/api/v1/authority-requests/{id}", ctx -> {
            Actor actor = caller.actor(ctx);
            UUID id = Requests.uuid(ctx, "id");
            ctx.json(AuthorityRequestJson.of(authority.find(actor, id), authority.personCount(actor, id)));
        });
        routes.post("/api/v1/authority-requests/{id}/persons", ctx -> {
            Actor actor = caller.actor(ctx);
            UUID id = Requests.uuid(ctx, "id");
            PersonJson b = requests.body(ctx, PersonJson.class);
            if (b.personId() == null) {
                throw HavenException.invalid("personId", "Give the person's reference in Haven.");
            }
            ctx.json(AuthorityRequestJson.of(authority.addPerson(actor, id, b.personId()), authority.personCount(actor, id)));
        });
        routes.post("/api/v1/authority-requests/{id}/decision", ctx -> {
            Actor actor = caller.actor(ctx);
            UUID id = Requests.uuid(ctx, "id");
            DecisionJson b = requests.body(ctx, DecisionJson.class);
            ctx.json(AuthorityRequestJson.of(authority.decide(actor, id, Set.copyOf(Optional.ofNullable(b.grant()).orElse(List.of())), b.note()),
                authority.personCount(actor, id)));
        });
        routes.post("/api/v1/authority-requests/{id}/postponement", ctx -> {
            Actor actor = caller.actor(ctx);
            UUID id = Requests.uuid(ctx, "id");
            PostponementJson b = requests.body(ctx, PostponementJson.class);
            ctx.json(AuthorityRequestJson.of(authority.postpone(actor, id, date(b.until()), b.reason()), authority.personCount(actor, id)));
        });
        routes.get("/api/v1/authority-requests/{id}/letter", ctx -> {
            Actor actor = caller.actor(ctx);
            AuthorityRequest r = authority.find(actor, Requests.uuid(ctx, "id"));
            letters.render(ctx, r);
        });
    }

    /** A date as {@code 2027-03-01}; anything else is a clear 400 about the field. */
    public static LocalDate date(String text) {
        try {
            return LocalDate.parse(Optional.ofNullable(text).orElse("").strip());
        } catch (DateTimeParseException e) {
            throw HavenException.invalid("until", "Give the date as YYYY-MM-DD.");
        }
    }
}
