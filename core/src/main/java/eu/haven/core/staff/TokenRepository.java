package eu.haven.core.staff;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Bearer tokens, stored only as SHA-256 hashes. */
public interface TokenRepository {
    void save(String tokenHash, UUID userId, Instant expiresAt);

    Optional<StoredToken> find(String tokenHash);

    void deleteExpired(Instant now);

    record StoredToken(UUID userId, Instant expiresAt) {}
}
