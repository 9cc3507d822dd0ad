package eu.haven.core.person;

import java.util.UUID;

/** A new person, with the access code shown once and never stored. */
public record CreatedPerson(UUID id, String accessCode, long eventIndex) {}
