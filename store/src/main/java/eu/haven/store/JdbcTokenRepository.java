package eu.haven.store;

import eu.haven.core.staff.TokenRepository;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

public final class JdbcTokenRepository implements TokenRepository {
    private final Database db;

    public JdbcTokenRepository(Database db) {
        this.db = db;
    }

    @Override
    public void save(String tokenHash, UUID userId, Instant expiresAt) {
        db.with(h -> h.createUpdate("INSERT INTO staff_tokens (token_hash, user_id, expires_at) VALUES (:t, :u, :e)")
            .bind("t", tokenHash).bind("u", userId).bind("e", Times.of(expiresAt)).execute());
    }

    @Override
    public Optional<StoredToken> find(String tokenHash) {
        return db.with(h -> h.createQuery("SELECT user_id, expires_at FROM staff_tokens WHERE token_hash = :t")
            .bind("t", tokenHash).map((rs, c) -> new StoredToken(Times.uuid(rs, "user_id"), Times.get(rs, "expires_at")))
            .findOne());
    }

    @Override
    public void deleteExpired(Instant now) {
        db.with(h -> h.createUpdate("DELETE FROM staff_tokens WHERE expires_at <= :now").bind("now", Times.of(now)).execute());
    }
}
