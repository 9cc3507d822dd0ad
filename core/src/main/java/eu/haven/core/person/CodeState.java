package eu.haven.core.person;

import java.time.Instant;
import java.util.Optional;

/**
 * Where a person's access code stands: when it was issued, whether (and when) the person activated
 * it with a secret of their own, the Argon2id hash of that secret, and wrong secrets in a row.
 */
public record CodeState(Instant issuedAt, Optional<Instant> activatedAt, Optional<String> secretHash, int secretFailures) {}
