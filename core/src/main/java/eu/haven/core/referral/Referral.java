package eu.haven.core.referral;

import eu.haven.core.policy.ReferralFacts;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Organisation {@code from} refers the person to {@code to} for a purpose, backed by a consent. */
public record Referral(UUID id, UUID personId, String from, String to, String purpose, List<String> categories,
                       UUID consentId, ReferralFacts.Status status, Instant createdAt, UUID createdBy,
                       Optional<Instant> decidedAt, Optional<UUID> decidedBy) {

    public ReferralFacts facts() {
        return new ReferralFacts(id, to, consentId, status);
    }
}
