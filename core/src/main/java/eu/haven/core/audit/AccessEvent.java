package eu.haven.core.audit;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One access decision, permitted or refused. Held in the private event store; it names the
 * person and the staff member, so it never appears in public as it is. {@code erasure} is present
 * only on the ledger's own erasure records: the signed note listing the indices whose openings
 * the erasure blanks ({@link ErasureRecord}).
 */
public record AccessEvent(UUID id, Instant at, Optional<UUID> actorUser, Optional<String> organisation,
                          Optional<String> role, String action, String purpose, Optional<UUID> personId,
                          Set<String> categories, boolean permitted, Optional<String> reason,
                          Optional<UUID> target, Optional<String> erasure) {

    /** An access event (anything but an erasure record). */
    public AccessEvent(UUID id, Instant at, Optional<UUID> actorUser, Optional<String> organisation,
                       Optional<String> role, String action, String purpose, Optional<UUID> personId,
                       Set<String> categories, boolean permitted, Optional<String> reason, Optional<UUID> target) {
        this(id, at, actorUser, organisation, role, action, purpose, personId, categories, permitted, reason, target, Optional.empty());
    }
}
