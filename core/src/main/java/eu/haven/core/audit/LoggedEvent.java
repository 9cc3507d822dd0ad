package eu.haven.core.audit;

/** An access event with its position in the log. */
public record LoggedEvent(long index, AccessEvent event) {}
