package eu.haven.core.audit;

/** The stored ledger does not verify; the server refuses to serve. The message says what was found. */
public class LedgerIntegrityException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LedgerIntegrityException(String message) {
        super(message);
    }
}
