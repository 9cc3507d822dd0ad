package eu.haven.core.staff;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Bearer tokens, stored only as SHA-256 hashes. */
public interface TokenRepository {
    void save(String tokenHash, UUID userId, Instant expiresAt);

    Optional<StoredToken> find(String tokenHash);

    /** Signing out: the token stops working. */
    void delete(String tokenHash);

    /** Every token of the user stops working (password changed or reset, account disabled or deleted). */
    void deleteForUser(UUID userId);

    void deleteExpired(Instant now);

    record StoredToken(UUID userId, Instant expiresAt) {}
}
