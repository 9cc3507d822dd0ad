package eu.haven.core.correction;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * A person's request to correct data an organisation holds, as stored: the request and the answer
 * are sealed under the person's data key.
 */
public record Correction(UUID id, UUID personId, String organisation, Optional<UUID> recordId, byte[] sealedRequest,
                         Status status, Optional<byte[]> sealedAnswer, Instant createdAt, Optional<Instant> answeredAt,
                         Optional<UUID> answeredBy) {

    /** Open until the organisation corrects the data or answers why it does not. */
    public enum Status {
        OPEN, CORRECTED, ANSWERED;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
