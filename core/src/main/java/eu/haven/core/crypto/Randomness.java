package eu.haven.core.crypto;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

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
}
