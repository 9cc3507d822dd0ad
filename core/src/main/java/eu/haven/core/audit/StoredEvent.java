package eu.haven.core.audit;

import eu.haven.event.EventCommitment;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * A ledger row as stored: its index and public entry, and its opening (the event with its salt)
 * unless the opening was erased with the person it named.
 */
public record StoredEvent(long index, byte[] entry, Optional<SequencedEvent> opening) {
    /** The opening, if it is there and still hashes to the public entry; a row altered in the database has none. */
    public Optional<SequencedEvent> verifiedOpening() {
        return opening.filter(o -> MessageDigest.isEqual(EventCommitment.entry(o.salt(), o.event()), entry));
    }
}
