package eu.haven.web.person;

import eu.haven.core.error.HavenException;
import eu.haven.core.person.AccessCodes;
import eu.haven.core.person.CreatedPerson;
import eu.haven.core.person.NewPerson;
import eu.haven.core.person.PersonService;
import eu.haven.web.Caller;
import eu.haven.web.Requests;
import eu.haven.web.i18n.Messages;
import io.javalin.config.RoutesConfig;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code POST /api/v1/persons}: take a person on (with an access code the person activates);
 * {@code POST /api/v1/access-code-receipts}: the printable receipt for a code just shown, in the
 * person's language. A new code for an existing person is {@code AccessCodeRoutes}'.
 */
public final class PersonRoutes {
    record NewPersonJson(String displayName, String preferredLanguage, LocalDate birthDate) {}

    record CreatedPersonJson(UUID id, String accessCode, java.time.Instant activateBy, String language, long ledgerIndex) {}

    record ReceiptRequest(String accessCode, String language) {}

    private PersonRoutes() {}

    /**
     * {@code publicUrl} is the address printed on receipts; without one, this machine's own address
     * and port (never the request's {@code Host} header, which any client can set).
     */
    public static void register(RoutesConfig routes, PersonService persons, Caller caller, Requests requests, Messages messages,
                                Optional<String> publicUrl) {
        routes.post("/api/v1/persons", ctx -> {
            var actor = caller.actor(ctx);
            var purpose = caller.purpose(ctx);
            NewPersonJson body = requests.body(ctx, NewPersonJson.class);
            CreatedPerson created = persons.create(actor, purpose,
                new NewPerson(body.displayName(), body.preferredLanguage(), Optional.ofNullable(body.birthDate())));
            String lang = messages.choose(List.of(Optional.ofNullable(body.preferredLanguage())));
            ctx.status(201).json(new CreatedPersonJson(created.id(), created.accessCode(), created.activateBy(), lang,
                created.eventIndex()));
        });
        routes.post("/api/v1/access-code-receipts", ctx -> {
            caller.actor(ctx);
            ReceiptRequest body = requests.body(ctx, ReceiptRequest.class);
            String code = Optional.ofNullable(body.accessCode()).flatMap(AccessCodes::normalise)
                .map(AccessCodes::grouped)
                .orElseThrow(() -> HavenException.invalid("'accessCode' is not an access code."));
            String lang = messages.choose(List.of(Optional.ofNullable(body.language())));
            String signIn = eu.haven.web.person.AccessCodeReceipt.signInAddress(publicUrl, ctx.req().getLocalPort());
            ctx.header("Content-Security-Policy", AccessCodeReceipt.CSP);
            ctx.header("X-Frame-Options", "DENY");
            ctx.contentType("text/html; charset=utf-8")
                .result(AccessCodeReceipt.html(messages, lang, code, signIn, Date.from(persons.now())));
        });
    }
}
