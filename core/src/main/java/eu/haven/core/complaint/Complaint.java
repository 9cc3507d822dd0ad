package eu.haven.core.complaint;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * A person's complaint to the data protection officer, as stored: its text and the answer sealed
 * under the person's key, so that an erasure makes them unreadable with everything else.
 */
public record Complaint(UUID id, UUID personId, Instant createdAt, String language, byte[] text, Status status, Optional<byte[]> answer,
                        Optional<Instant> answeredAt, Optional<Body> handedTo, Optional<Instant> handedAt) {

    public enum Status {
        OPEN, ANSWERED, HANDED_OVER;

        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Status parse(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    /** Whom the officer handed a complaint over to. */
    public enum Body {
        SUPERVISORY_AUTHORITY, EQUALITY_BODY;

        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Optional<Body> parse(String code) {
            return java.util.Arrays.stream(values()).filter(b -> b.code().equals(code)).findFirst();
        }
    }
}
