package eu.haven.core.access;

import eu.haven.core.audit.AccessLog;
import eu.haven.core.crypto.Randomness;
import eu.haven.core.policy.Action;
import eu.haven.event.AccessEvent;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Records in the access ledger what a person does with their own access code, and what the system
 * does on its own (retention, erasure). Staff accesses go through {@link AccessGuard} instead.
 */
public final class Recorder {
    /** DPV purpose of a person's own requests: fulfilling their rights. */
    public static final String RIGHTS = "https://w3id.org/dpv#RightsFulfilment";
    /** DPV purpose of the retention job. */
    public static final String RECORD_MANAGEMENT = "https://w3id.org/dpv#RecordManagement";
    public static final String PERSON = "person";
    public static final String SYSTEM = "system";
    /** Whoever runs {@code haven admin} on the server itself. */
    public static final String OPERATOR = "operator";
    /** DPV purpose of oversight: inspecting the ledger, keeping the public registers. */
    public static final String COMPLIANCE = "https://w3id.org/dpv#LegalCompliance";
    /** DPV purpose of administering organisations and staff accounts. */
    public static final String ACCOUNTS = "https://w3id.org/dpv#AccountManagement";

    private final AccessLog log;
    private final Clock clock;

    public Recorder(AccessLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    /** The person did this themself; returns the ledger index once it is durable. */
    public long byPerson(UUID personId, Action action, Set<String> categories, Optional<UUID> target) {
        return append(PERSON, RIGHTS, personId, action, categories, Optional.empty(), target);
    }

    /** The person tried this and it was refused ({@code reason}); recorded before the answer goes out. */
    public long refusedToPerson(UUID personId, Action action, String reason, Optional<UUID> target) {
        return append(PERSON, RIGHTS, personId, action, Set.of(), Optional.of(reason), target);
    }

    /**
     * An administrative act on an organisation or a staff account ({@code target}: the user's id),
     * by a member of staff or, when {@code by} is empty, by the operator on the command line. It
     * names no person.
     */
    public long administrative(Optional<eu.haven.core.staff.Actor> by, Action action, Optional<UUID> target) {
        return log.append(new AccessEvent(Randomness.uuid(), clock.instant(), by.map(eu.haven.core.staff.Actor::userId),
            by.map(eu.haven.core.staff.Actor::organisation), Optional.of(by.map(a -> a.role().code()).orElse(OPERATOR)),
            action.code(), ACCOUNTS, Optional.empty(), Set.of(), true, Optional.empty(), target));
    }

    /**
     * What a member of staff does outside the policy engine (the data protection officer's register
     * of authority requests): recorded under their name, about the person if there is one.
     */
    public long byStaff(eu.haven.core.staff.Actor by, Action action, String purpose, Optional<UUID> personId, Set<String> categories,
                        Optional<String> reason, Optional<UUID> target) {
        return log.append(new AccessEvent(Randomness.uuid(), clock.instant(), Optional.of(by.userId()), Optional.of(by.organisation()),
            Optional.of(by.role().code()), action.code(), purpose, personId, categories, reason.isEmpty(), reason, target));
    }

    /** Something the system did that concerns no person (an alert from the access watch). */
    public long systemNotice(Action action, Optional<UUID> target) {
        return log.append(new AccessEvent(Randomness.uuid(), clock.instant(), Optional.empty(), Optional.empty(), Optional.of(SYSTEM),
            action.code(), COMPLIANCE, Optional.empty(), Set.of(), true, Optional.empty(), target));
    }

    public long bySystem(UUID personId, Action action, String purpose, Set<String> categories, Optional<UUID> target) {
        return append(SYSTEM, purpose, personId, action, categories, Optional.empty(), target);
    }

    /** Appends the event: permitted unless a refusal {@code reason} is given. */
    private long append(String role, String purpose, UUID personId, Action action, Set<String> categories,
                        Optional<String> reason, Optional<UUID> target) {
        return log.append(new AccessEvent(Randomness.uuid(), clock.instant(), Optional.empty(), Optional.empty(),
            Optional.of(role), action.code(), purpose, Optional.of(personId), categories, reason.isEmpty(), reason, target));
    }

    public Clock clock() {
        return clock;
    }
}
