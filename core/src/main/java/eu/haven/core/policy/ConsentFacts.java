package eu.haven.core.policy;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What the policy engine needs to know of one consent: who holds the data (controller), who may
 * receive it, for which purpose codes and categories (mask), and when it was given, ends or ended.
 */
public record ConsentFacts(UUID id, String controller, String recipient, Set<String> purposes, long categories,
                           Instant givenAt, Optional<Instant> expiresAt, Optional<Instant> withdrawnAt) {

    /** The state of the consent at {@code now}. */
    public ConsentStatus status(Instant now) {
        if (withdrawnAt.isPresent() && !withdrawnAt.get().isAfter(now)) {
            return ConsentStatus.WITHDRAWN;
        }
        if (expiresAt.isPresent() && !expiresAt.get().isAfter(now)) {
            return ConsentStatus.EXPIRED;
        }
        return givenAt.isAfter(now) ? ConsentStatus.NOT_YET : ConsentStatus.LIVE;
    }

    public enum ConsentStatus { LIVE, WITHDRAWN, EXPIRED, NOT_YET }
}
