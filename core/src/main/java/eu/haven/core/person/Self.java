package eu.haven.core.person;

import java.util.UUID;

/** The person themself, signed in with their access code. */
public record Self(UUID personId) {}
