package eu.haven.core.authority;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A request for data from a police force, an immigration office, a court, a foreign state or
 * another public body, as the data protection officer registered it. It names no person: the people
 * it concerns are matched one by one and kept apart ({@link AuthorityRequestRepository#persons}).
 * {@code purpose} is as recorded in the ledger (the framework's code, else the DPV IRI, else the
 * text given); {@code firewallRoot} is the firewall root the purpose falls under, if any.
 */
public record AuthorityRequest(UUID id, Instant receivedAt, UUID registeredBy, String organisation, String body, BodyType bodyType,
                               String legalReference, String purpose, Optional<String> firewallRoot, Set<String> categories,
                               String letterLanguage, Status status, Optional<Instant> decidedAt, Optional<UUID> decidedBy,
                               Optional<String> decisionNote, Set<String> granted, Optional<LocalDate> postponedUntil,
                               Optional<String> postponeReason) {

    public enum Status {
        /** Refused by the firewall as it was registered: an enforcement purpose or actor. */
        REFUSED_AUTOMATICALLY,
        /** Waiting for the data protection officer's reasoned decision. */
        WAITING,
        GRANTED,
        REFUSED;

        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Status parse(String code) {
            return Status.valueOf(code.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    public boolean decided() {
        return status != Status.WAITING;
    }

    /** Whether the people concerned may not be told of it yet on {@code today}. */
    public boolean hiddenOn(LocalDate today) {
        return postponedUntil.filter(today::isBefore).isPresent();
    }

    AuthorityRequest decide(Status outcome, Instant at, UUID by, String note, Set<String> categories) {
        return new AuthorityRequest(id, receivedAt, registeredBy, organisation, body, bodyType, legalReference, purpose, firewallRoot,
            this.categories, letterLanguage, outcome, Optional.of(at), Optional.of(by), Optional.of(note), Set.copyOf(categories),
            postponedUntil, postponeReason);
    }
}
