package eu.haven.web.consent;

import eu.haven.core.consent.Consent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A consent record as the API shows it, with the ISO/IEC TS 27560 fields and its DPV state. */
record ConsentJson(UUID id, String schemaVersion, UUID dataSubject, String controller, String recipient,
                   List<String> purposes, List<String> categories, List<String> legalBasis, boolean specialCategory,
                   String language, String method, String privacyNotice, String jurisdiction, String retention,
                   String storageLocation, String howToWithdraw, Instant givenAt, Instant expiresAt,
                   Instant withdrawnAt, String withdrawnBy, UUID recordedBy, String guardianRelationship, String state) {

    static ConsentJson of(Consent c, Instant now) {
        return new ConsentJson(c.id(), c.schemaVersion(), c.personId(), c.controller(), c.recipient(), c.purposes(),
            c.categories(), c.legalBasis(), c.specialCategory(), c.language(), c.method().code(), c.privacyNotice(),
            c.jurisdiction(), c.retention(), c.storageLocation(), c.withdrawalMethod(), c.givenAt(),
            c.expiresAt().orElse(null), c.withdrawnAt().orElse(null),
            c.withdrawnAt().map(w -> c.withdrawnBy().orElse("person")).orElse(null), c.recordedBy(),
            c.guardianRelationship().orElse(null), c.state(now));
    }
}
