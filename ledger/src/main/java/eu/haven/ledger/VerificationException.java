package eu.haven.ledger;

/** A proof, signature, checkpoint or log failed verification; the message says what, in plain words. */
public class VerificationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public VerificationException(String message) {
        super(message);
    }

    public VerificationException(String message, Throwable cause) {
        super(message, cause);
    }
}
