package eu.haven.core.consent;

import eu.haven.core.policy.ConsentFacts;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A consent record with the fields of ISO/IEC TS 27560 (as mapped by DPV): the person, the
 * controller holding the data, the recipient, purposes, categories, legal basis, notice, language,
 * jurisdiction, storage, retention, how to withdraw, and the event (time, validity, recorder,
 * method, state). {@code withdrawnBy} names the organisation that registered a withdrawal (empty
 * when the person withdrew it themself); a consent given by a guardian records how they are related
 * to the person and their name, sealed under the person's key.
 */
public record Consent(UUID id, String schemaVersion, UUID personId, String controller, String recipient,
                      List<String> purposes, List<String> categories, List<String> legalBasis,
                      boolean specialCategory, String language, CollectionMethod method, String privacyNotice,
                      String jurisdiction, String retention, String storageLocation, String withdrawalMethod,
                      Instant givenAt, Optional<Instant> expiresAt, Optional<Instant> withdrawnAt,
                      UUID recordedBy, Optional<String> withdrawnBy, Optional<String> guardianRelationship,
                      Optional<byte[]> sealedGuardianName) {

    public static final String SCHEMA_VERSION = "ISO/IEC TS 27560:2023";

    /** The DPV consent state at {@code now}. */
    public String state(Instant now) {
        return switch (status(now)) {
            case WITHDRAWN -> "dpv:ConsentWithdrawn";
            case EXPIRED -> "dpv:ConsentExpired";
            case LIVE, NOT_YET -> "dpv:ConsentGiven";
        };
    }

    public ConsentFacts.ConsentStatus status(Instant now) {
        return facts(0L).status(now);
    }

    public ConsentFacts facts(long categoryMask) {
        return new ConsentFacts(id, controller, recipient, java.util.Set.copyOf(purposes), categoryMask,
            givenAt, expiresAt, withdrawnAt);
    }

    public Consent withdrawn(Instant at, Optional<String> by) {
        return new Consent(id, schemaVersion, personId, controller, recipient, purposes, categories, legalBasis,
            specialCategory, language, method, privacyNotice, jurisdiction, retention, storageLocation,
            withdrawalMethod, givenAt, expiresAt, Optional.of(at), recordedBy, by, guardianRelationship, sealedGuardianName);
    }
}
