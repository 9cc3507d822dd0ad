package eu.haven.core.audit;

import eu.haven.event.AccessEvent;

/** An access event with its place in the ledger, its salt and the public entry committing to it. */
public record SequencedEvent(long index, AccessEvent event, byte[] salt, byte[] entry) {}
