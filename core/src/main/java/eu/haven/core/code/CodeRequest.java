package eu.haven.core.code;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * A request for a new access code for someone who lost theirs (or their secret): asked by a member
 * of staff of an organisation with a relationship of its own, approved by a second person (the
 * data protection officer, or a worker of another organisation working with the person), then
 * collected once by the one who asked.
 */
public record CodeRequest(UUID id, UUID personId, String organisation, UUID requestedBy, Instant requestedAt, Status status,
                          Optional<UUID> approvedBy, Optional<String> approverOrganisation, Optional<Instant> approvedAt,
                          Optional<Instant> issuedAt) {
    public enum Status {
        PENDING, APPROVED, ISSUED;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Status parse(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT));
        }
    }
}
