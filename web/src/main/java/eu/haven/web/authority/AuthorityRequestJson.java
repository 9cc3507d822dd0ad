package eu.haven.web.authority;

import eu.haven.core.authority.AuthorityRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An authority request as the API gives it to the data protection officer. */
record AuthorityRequestJson(UUID id, Instant receivedAt, String body, String bodyType, String legalReference, String purpose,
                            String firewallRoot, List<String> categories, String letterLanguage, String status, Instant decidedAt,
                            String decisionNote, List<String> granted, LocalDate postponedUntil, String postponeReason, int persons,
                            String letter) {
    static AuthorityRequestJson of(AuthorityRequest r, int persons) {
        boolean refused = r.status() == AuthorityRequest.Status.REFUSED_AUTOMATICALLY || r.status() == AuthorityRequest.Status.REFUSED;
        return new AuthorityRequestJson(r.id(), r.receivedAt(), r.body(), r.bodyType().code(), r.legalReference(), r.purpose(),
            r.firewallRoot().orElse(null), r.categories().stream().sorted().toList(), r.letterLanguage(), r.status().code(),
            r.decidedAt().orElse(null), r.decisionNote().orElse(null), r.granted().stream().sorted().toList(),
            r.postponedUntil().orElse(null), r.postponeReason().orElse(null), persons,
            refused ? "/api/v1/authority-requests/" + r.id() + "/letter" : null);
    }
}
