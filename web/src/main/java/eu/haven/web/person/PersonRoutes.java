package eu.haven.web.person;

import eu.haven.core.person.CreatedPerson;
import eu.haven.core.person.NewPerson;
import eu.haven.core.person.PersonService;
import eu.haven.web.Caller;
import eu.haven.web.Requests;
import io.javalin.config.RoutesConfig;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** {@code POST /api/v1/persons}: take a person on. */
public final class PersonRoutes {
    record NewPersonJson(String displayName, String preferredLanguage, LocalDate birthDate) {}

    record CreatedPersonJson(UUID id, String accessCode, long ledgerIndex) {}

    private PersonRoutes() {}

    public static void register(RoutesConfig routes, PersonService persons, Caller caller, Requests requests) {
        routes.post("/api/v1/persons", ctx -> {
            var actor = caller.actor(ctx);
            var purpose = caller.purpose(ctx);
            NewPersonJson body = requests.body(ctx, NewPersonJson.class);
            CreatedPerson created = persons.create(actor, purpose,
                new NewPerson(body.displayName(), body.preferredLanguage(), Optional.ofNullable(body.birthDate())));
            ctx.status(201).json(new CreatedPersonJson(created.id(), created.accessCode(), created.eventIndex()));
        });
    }
}
