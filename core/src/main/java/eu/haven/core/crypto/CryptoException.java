package eu.haven.core.crypto;

/** Decryption failed or a key is missing. Carries no data, only what went wrong. */
public class CryptoException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CryptoException(String message) {
        super(message);
    }
}
