package eu.haven.core.staff;

import java.time.Instant;

/** A bearer token as handed to a staff member once; only its hash is stored. */
public record IssuedToken(String token, Instant expiresAt) {}
