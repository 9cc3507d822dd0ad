package eu.haven.event;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One access decision, permitted or refused. Held in the private event store; it names the
 * person and the staff member, so it never appears in public as it is. {@code erasure} is present
 * only on the ledger's own erasure records: the signed note listing the indices whose openings
 * the erasure blanks (the core's ErasureRecord).
 */
public record AccessEvent(UUID id, Instant at, Optional<UUID> actorUser, Optional<String> organisation,
                          Optional<String> role, String action, String purpose, Optional<UUID> personId,
                          Set<String> categories, boolean permitted, Optional<String> reason,
                          Optional<UUID> target, Optional<String> erasure) {

    /**
     * What a caseworker did (or was refused: {@code refusal} names the reason) about a person, as
     * the benchmarks and the storage tests produce them in bulk.
     */
    public static AccessEvent byCaseworker(Instant at, UUID actor, String organisation, String action, String purpose,
                                           UUID person, Set<String> categories, Optional<String> refusal) {
        return new AccessEvent(UUID.randomUUID(), at, Optional.of(actor), Optional.of(organisation), Optional.of("caseworker"), action,
            purpose, Optional.of(person), categories, refusal.isEmpty(), refusal, Optional.empty());
    }

    /** An access event (anything but an erasure record). */
    public AccessEvent(UUID id, Instant at, Optional<UUID> actorUser, Optional<String> organisation,
                       Optional<String> role, String action, String purpose, Optional<UUID> personId,
                       Set<String> categories, boolean permitted, Optional<String> reason, Optional<UUID> target) {
        this(id, at, actorUser, organisation, role, action, purpose, personId, categories, permitted, reason, target, Optional.empty());
    }
}
