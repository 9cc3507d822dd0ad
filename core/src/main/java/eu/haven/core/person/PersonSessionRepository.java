package eu.haven.core.person;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Sessions opened with an access code, stored only as SHA-256 hashes of their tokens. */
public interface PersonSessionRepository {
    void save(String tokenHash, UUID personId, Instant expiresAt);

    Optional<Session> find(String tokenHash);

    /** Signing out: the session stops working. */
    void delete(String tokenHash);

    void deleteForPerson(UUID personId);

    void deleteExpired(Instant now);

    record Session(UUID personId, Instant expiresAt) {}
}
