package eu.haven.core.audit;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One access decision, permitted or refused. Held in the private event store; it names the
 * person and the staff member, so it never appears in public as it is.
 */
public record AccessEvent(UUID id, Instant at, Optional<UUID> actorUser, Optional<String> organisation,
                          Optional<String> role, String action, String purpose, Optional<UUID> personId,
                          Set<String> categories, boolean permitted, Optional<String> reason,
                          Optional<UUID> target) {}
