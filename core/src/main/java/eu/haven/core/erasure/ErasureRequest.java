package eu.haven.core.erasure;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * An erasure that waits for one holding organisation because the framework names a retention
 * obligation for its records ({@code reason} is the framework's text). The organisation confirms
 * (its records go) or declines with an answer sealed under the person's key.
 */
public record ErasureRequest(UUID personId, String organisation, String reason, Status status,
                             Optional<byte[]> sealedAnswer, Instant requestedAt, Optional<Instant> answeredAt) {

    public enum Status {
        PENDING, DECLINED;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
