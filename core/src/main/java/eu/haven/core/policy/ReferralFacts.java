package eu.haven.core.policy;

import java.util.UUID;

/** A referral of the person to an organisation, backed by a consent. */
public record ReferralFacts(UUID id, String to, UUID consentId, Status status) {
    public enum Status { PENDING, ACCEPTED, DECLINED }
}
