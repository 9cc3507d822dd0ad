package eu.haven.core.crypto;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM with a random 96-bit nonce. Output: version byte 1, nonce, ciphertext with tag.
 * The associated data binds a ciphertext to where it belongs (person, record, field).
 */
public final class Sealer {
    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** A cipher per thread: looking one up among the providers costs more than the decryption of a small record. */
    private static final ThreadLocal<Cipher> CIPHER = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    });

    private Sealer() {}

    public static byte[] seal(SecretKey key, byte[] associatedData, byte[] plaintext) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            Randomness.fill(nonce);
            Cipher cipher = CIPHER.get();
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData);
            byte[] body = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(1 + NONCE_BYTES + body.length).put(VERSION).put(nonce).put(body).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    public static byte[] open(SecretKey key, byte[] associatedData, byte[] sealed) {
        if (sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != VERSION) {
            throw new CryptoException("sealed data has an unknown format");
        }
        try {
            Cipher cipher = CIPHER.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE_BYTES));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new CryptoException("sealed data failed authentication");
        }
    }
}
