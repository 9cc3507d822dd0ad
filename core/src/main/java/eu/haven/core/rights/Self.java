package eu.haven.core.rights;

import java.util.UUID;

/** The person themself, signed in with their access code. */
public record Self(UUID personId) {}
