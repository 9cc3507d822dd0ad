package eu.haven.core.alert;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Something the data protection officer should look at. It names no person: the kind, the
 * organisation concerned and, where there is one, the request it is about.
 */
public record Alert(UUID id, Kind kind, Optional<String> organisation, Optional<UUID> target, Instant createdAt,
                    Optional<Instant> acknowledgedAt) {
    public enum Kind {
        /** Someone asked for a new access code for a person; it waits for a second person's approval. */
        CODE_REPLACEMENT_REQUESTED,
        /** A new access code was approved and collected. */
        CODE_REPLACED,
        /** A person tried to activate their code and found it already activated by someone. */
        CODE_ALREADY_ACTIVATED,
        /** Too many wrong secrets in a row: the code is locked until it is replaced. */
        SECRET_LOCKED,
        /** A row of the access ledger no longer matches its public entry: someone altered the database. */
        LEDGER_ALTERED,
        /** A member of staff opened many more people in a day than their usual. */
        UNUSUAL_VOLUME,
        /** A member of staff opened a person's data outside office hours. */
        OUT_OF_HOURS,
        /** A member of staff was refused again and again in a short time. */
        REPEATED_REFUSALS,
        /** Several firewall refusals in a short time. */
        FIREWALL_BURST;

        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** Whether the alert's target is the member of staff it is about (the access watch's), rather than a request. */
        public boolean aboutStaff() {
            return this == UNUSUAL_VOLUME || this == OUT_OF_HOURS || this == REPEATED_REFUSALS;
        }

        public static Kind parse(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }
}
