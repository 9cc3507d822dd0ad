package eu.haven.core.person;

import java.time.Instant;
import java.util.UUID;

/** An organisation took a person on, for a purpose. */
public record Relationship(UUID personId, String organisation, String purpose, Instant since) {}
