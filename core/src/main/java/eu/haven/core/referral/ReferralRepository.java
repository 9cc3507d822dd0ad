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

    /** Why the person's referrals were declined, by referral, sealed under the person's key, where the organisation said. */
    java.util.Map<UUID, byte[]> sealedDeclineReasons(UUID personId);

    /** Pending referrals addressed to an organisation (ids and purposes only; no personal data). */
    List<Referral> pendingTo(String organisation);

    /** Referrals an organisation accepted, newest first, at most {@code limit} (ids and purposes only). */
    List<Referral> acceptedBy(String organisation, int limit);
}
