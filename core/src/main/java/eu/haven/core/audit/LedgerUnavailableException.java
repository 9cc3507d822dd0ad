package eu.haven.core.audit;

import eu.haven.core.error.ErrorCode;
import eu.haven.core.error.HavenException;

/** The access log could not record an event: fail closed. */
public class LedgerUnavailableException extends HavenException {
    private static final long serialVersionUID = 1L;

    public LedgerUnavailableException(Throwable cause) {
        super(ErrorCode.LEDGER_UNAVAILABLE,
            "The access ledger cannot be written just now, so no data is released. Try again shortly.", cause);
    }
}
