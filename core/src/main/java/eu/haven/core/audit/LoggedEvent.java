package eu.haven.core.audit;

import eu.haven.event.AccessEvent;

/** An access event with its position in the log. */
public record LoggedEvent(long index, AccessEvent event) {}
