package eu.haven.core.person;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.haven.core.access.AccessGuard;
import eu.haven.core.crypto.KeyedHash;
import eu.haven.core.crypto.PasswordHasher;
import eu.haven.core.crypto.PersonKeys;
import eu.haven.core.crypto.Sealer;
import eu.haven.core.error.HavenException;
import eu.haven.core.error.Validation;
import eu.haven.core.framework.Category;
import eu.haven.core.framework.RequestedPurpose;
import eu.haven.core.policy.Action;
import eu.haven.core.record.CaseRecord;
import eu.haven.core.record.RecordRepository;
import eu.haven.core.record.Records;
import eu.haven.core.staff.Actor;
import eu.haven.core.tx.Transactions;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.SecretKey;

/**
 * Takes people on: the person, their data key, the relationship, the identity record, and an access
 * code that the person activates with a secret of their own (a new code for someone who lost theirs
 * is {@code CodeReplacementService}'s, with a second person's approval).
 */
public final class PersonService {
    public static final String IDENTITY = eu.haven.core.record.CaseloadIndex.IDENTITY;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AccessGuard guard;
    private final PersonRepository persons;
    private final RelationshipRepository relationships;
    private final RecordRepository records;
    private final PersonKeys keys;
    private final PasswordHasher codeHasher;
    private final KeyedHash codeLookup;
    private final Transactions tx;
    private final java.time.Duration activationWindow;
    private final eu.haven.core.record.CaseloadIndex caseload;

    public PersonService(AccessGuard guard, PersonRepository persons, RelationshipRepository relationships,
                         RecordRepository records, PersonKeys keys, PasswordHasher codeHasher, KeyedHash codeLookup,
                         Transactions tx, java.time.Duration activationWindow, eu.haven.core.record.CaseloadIndex caseload) {
        this.activationWindow = activationWindow;
        this.caseload = caseload;
        this.guard = guard;
        this.persons = persons;
        this.relationships = relationships;
        this.records = records;
        this.keys = keys;
        this.codeHasher = codeHasher;
        this.codeLookup = codeLookup;
        this.tx = tx;
    }

    public CreatedPerson create(Actor actor, RequestedPurpose purpose, NewPerson input) {
        String name = Validation.text(input.displayName(), "displayName", 200);
        String language = Validation.language(input.preferredLanguage(), "preferredLanguage");
        input.birthDate().ifPresent(d -> checkBirthDate(d, LocalDate.now(guard.clock())));
        Category identity = guard.framework().category(IDENTITY)
            .orElseThrow(() -> new IllegalStateException("the framework names no identity category"));
        UUID id = UUID.randomUUID();
        AccessGuard.Granted granted = guard.check(actor, Action.CREATE_PERSON, purpose, id, identity.mask(), Optional.empty());
        String code = AccessCodes.generate();
        String canonical = AccessCodes.normalise(code).orElseThrow();
        Instant now = guard.clock().instant();
        String purposeCode = purpose.recorded();
        SecretKey key = keys.create(id);
        ObjectNode profile = JSON.createObjectNode().put("preferredLanguage", language);
        input.birthDate().ifPresent(d -> profile.put("birthDate", d.toString()));
        ObjectNode identityData = JSON.createObjectNode().put("displayName", name).put("preferredLanguage", language);
        input.birthDate().ifPresent(d -> identityData.put("birthDate", d.toString()));
        Person person = new Person(id, now, actor.organisation(),
            Sealer.seal(key, Profiles.aad(id), profile.toString().getBytes(StandardCharsets.UTF_8)),
            codeHasher.hash(canonical), codeLookup.hash(canonical));
        UUID recordId = UUID.randomUUID();
        CaseRecord record = new CaseRecord(recordId, id, actor.organisation(), IDENTITY, purposeCode,
            Records.seal(key, recordId, id, IDENTITY, identityData.toString()), now, actor.userId());
        tx.run(() -> {
            persons.insert(person);
            relationships.insert(new Relationship(id, actor.organisation(), purposeCode, now));
            records.insert(record);
        });
        caseload.reindex(actor.organisation(), id);
        return new CreatedPerson(id, code, granted.eventIndex(), now.plus(activationWindow));
    }

    /** The installation's clock, for what is dated on the person's behalf. */
    public Instant now() {
        return guard.clock().instant();
    }

    private static void checkBirthDate(LocalDate date, LocalDate today) {
        if (date.isAfter(today) || date.isBefore(LocalDate.of(1900, 1, 1))) {
            throw HavenException.invalid("'birthDate' must be a past date after 1900.");
        }
    }
}
