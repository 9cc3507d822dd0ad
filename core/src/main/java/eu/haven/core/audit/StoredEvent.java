package eu.haven.core.audit;

import eu.haven.event.EventCommitment;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A ledger row as stored: its index and public entry, and its opening (the event with its salt)
 * unless the opening was erased with the person it named; {@code previous}, the index of the
 * previous event naming the same person, by which a person's events are found (not part of the
 * opening: the audit checks it against the openings).
 */
public record StoredEvent(long index, byte[] entry, Optional<SequencedEvent> opening, OptionalLong previous) {
    /** The opening, if it is there and still hashes to the public entry; a row altered in the database has none. */
    public Optional<SequencedEvent> verifiedOpening() {
        return opening.filter(o -> MessageDigest.isEqual(EventCommitment.entry(o.salt(), o.event()), entry));
    }
}
