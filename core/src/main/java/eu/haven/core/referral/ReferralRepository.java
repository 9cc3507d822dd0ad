package eu.haven.core.referral;

import eu.haven.core.policy.ReferralFacts;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface ReferralRepository {
    void insert(Referral referral);

    Optional<Referral> find(UUID id);

    List<Referral> forPerson(UUID personId);

    /** Moves a pending referral to {@code status}; false when it was no longer pending. */
    boolean decide(UUID id, ReferralFacts.Status status, Instant at, UUID by, java.util.Optional<byte[]> sealedReason);

    /** Why the referral was declined, sealed under the person's key, if the organisation said. */
    java.util.Optional<byte[]> sealedDeclineReason(UUID id);

    /** Pending referrals addressed to an organisation (ids and purposes only; no personal data). */
    List<Referral> pendingTo(String organisation);
}
