package eu.haven.core.framework;

import java.time.Period;
import java.util.Optional;

/** How long records kept for a purpose live, and the legal obligation behind it, if any. */
public record Retention(Period period, Optional<String> obligation) {}
