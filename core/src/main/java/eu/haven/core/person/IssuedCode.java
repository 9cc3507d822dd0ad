package eu.haven.core.person;

import java.time.Instant;

/**
 * A new access code, shown once; {@code language} is for the printed receipt. The person activates
 * it with a secret of their own before {@code activateBy}, or it expires.
 */
public record IssuedCode(String accessCode, String language, long eventIndex, Instant activateBy) {}
