package eu.haven.core.oversight;

import java.util.List;
import java.util.Optional;

/** A page of inspected events; {@code next}: the index the next page starts after, if there is more. */
public record Inspection(EventFilter filter, List<PseudonymousEvent> events, int withheld, Optional<Long> next) {}
