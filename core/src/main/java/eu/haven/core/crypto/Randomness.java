package eu.haven.core.crypto;

import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Cryptographic randomness for nonces and salts: a DRBG (NIST SP 800-90A, seeded by the operating
 * system) per thread, so that many requests at once do not queue for one shared generator.
 */
public final class Randomness {
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(() -> {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    });

    private Randomness() {}

    public static void fill(byte[] bytes) {
        RANDOM.get().nextBytes(bytes);
    }

    /** A random (version 4, RFC 9562) UUID from this thread's generator; {@code UUID.randomUUID} shares one. */
    public static UUID uuid() {
        byte[] b = new byte[16];
        fill(b);
        b[6] = (byte) ((b[6] & 0x0f) | 0x40);
        b[8] = (byte) ((b[8] & 0x3f) | 0x80);
        ByteBuffer buffer = ByteBuffer.wrap(b);
        return new UUID(buffer.getLong(), buffer.getLong());
    }
}
