package eu.haven.store;

import eu.haven.core.person.PersonSessionRepository;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

public final class JdbcPersonSessionRepository implements PersonSessionRepository {
    private final Database db;

    public JdbcPersonSessionRepository(Database db) {
        this.db = db;
    }

    @Override
    public void save(String tokenHash, UUID personId, Instant expiresAt) {
        db.with(h -> h.createUpdate("INSERT INTO person_sessions (token_hash, person_id, expires_at) VALUES (:t, :p, :e)")
            .bind("t", tokenHash).bind("p", personId).bind("e", Times.of(expiresAt)).execute());
    }

    @Override
    public Optional<Session> find(String tokenHash) {
        return db.with(h -> h.createQuery("SELECT person_id, expires_at FROM person_sessions WHERE token_hash = :t")
            .bind("t", tokenHash).map((rs, c) -> new Session(Times.uuid(rs, "person_id"), Times.get(rs, "expires_at")))
            .findOne());
    }

    @Override
    public void deleteForPerson(UUID personId) {
        db.with(h -> h.createUpdate("DELETE FROM person_sessions WHERE person_id = :p").bind("p", personId).execute());
    }

    @Override
    public void deleteExpired(Instant now) {
        db.with(h -> h.createUpdate("DELETE FROM person_sessions WHERE expires_at <= :now").bind("now", Times.of(now)).execute());
    }
}
