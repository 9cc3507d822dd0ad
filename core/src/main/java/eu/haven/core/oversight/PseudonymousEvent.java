package eu.haven.core.oversight;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * An access event as the supervisory and equality bodies see it: everything but who. The member of
 * staff and the person are keyed pseudonyms, the same within a calendar month (the report's period)
 * and unrelated across months; the person's data itself is never in an event.
 */
public record PseudonymousEvent(long index, Instant at, Optional<String> organisation, String role, String action, String purpose,
                                boolean permitted, Optional<String> reason, Set<String> categories, Optional<String> staff,
                                Optional<String> person) {
    public String outcome() {
        return permitted ? "permitted" : reason.orElse("refused");
    }
}
