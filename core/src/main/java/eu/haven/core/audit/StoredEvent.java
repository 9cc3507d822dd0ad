package eu.haven.core.audit;

import java.util.Optional;

/**
 * A ledger row as stored: its index and public entry, and its opening (the event with its salt)
 * unless the opening was erased with the person it named.
 */
public record StoredEvent(long index, byte[] entry, Optional<SequencedEvent> opening) {}
