package eu.haven.core.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The master key, kept outside the database. It wraps each person's data key and derives the
 * keys for keyed hashes; it never encrypts data itself.
 */
public final class MasterKey {
    public static final int BYTES = 32;
    private final SecretKey wrapping;
    private final byte[] derivationSecret;

    public MasterKey(byte[] raw) {
        if (raw.length != BYTES) {
            throw new CryptoException("a master key is 32 bytes");
        }
        this.derivationSecret = raw.clone();
        this.wrapping = new SecretKeySpec(derive("haven/wrap/v1"), "AES");
    }

    /** A 32-byte key for one use, derived with HMAC-SHA256 (HKDF-Expand with one block). */
    public byte[] derive(String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(derivationSecret, "HmacSHA256"));
            mac.update(label.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 1);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    public byte[] wrap(UUID personId, SecretKey dataKey) {
        return Sealer.seal(wrapping, aad(personId), dataKey.getEncoded());
    }

    public SecretKey unwrap(UUID personId, byte[] wrapped) {
        return new SecretKeySpec(Sealer.open(wrapping, aad(personId), wrapped), "AES");
    }

    private static byte[] aad(UUID personId) {
        return ("haven/dek/" + personId).getBytes(StandardCharsets.UTF_8);
    }
}
