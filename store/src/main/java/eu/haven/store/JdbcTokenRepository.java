package eu.haven.store;

import eu.haven.core.staff.TokenRepository;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Staff bearer tokens ({@code staff_tokens}). */
public final class JdbcTokenRepository implements TokenRepository {
    private final BearerTable table;

    public JdbcTokenRepository(Database db) {
        this.table = new BearerTable(db, "staff_tokens", "user_id");
    }

    @Override
    public void save(String tokenHash, UUID userId, Instant expiresAt) {
        table.save(tokenHash, userId, expiresAt);
    }

    @Override
    public Optional<StoredToken> find(String tokenHash) {
        return table.find(tokenHash).map(r -> new StoredToken(r.owner(), r.expiresAt()));
    }

    @Override
    public void delete(String tokenHash) {
        table.delete(tokenHash);
    }

    @Override
    public void deleteForUser(UUID userId) {
        table.deleteFor(userId);
    }

    @Override
    public void deleteExpired(Instant now) {
        table.deleteExpired(now);
    }
}
