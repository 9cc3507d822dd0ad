package eu.haven.core.person;

import java.time.Instant;
import java.util.UUID;

/** A new person, with the access code shown once and never stored, to be activated before {@code activateBy}. */
public record CreatedPerson(UUID id, String accessCode, long eventIndex, Instant activateBy) {}
