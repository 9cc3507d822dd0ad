package eu.haven.store;

import eu.haven.core.person.PersonSessionRepository;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Sessions people open with their access code ({@code person_sessions}). */
public final class JdbcPersonSessionRepository implements PersonSessionRepository {
    private final BearerTable table;

    public JdbcPersonSessionRepository(Database db) {
        this.table = new BearerTable(db, "person_sessions", "person_id");
    }

    @Override
    public void save(String tokenHash, UUID personId, Instant expiresAt) {
        table.save(tokenHash, personId, expiresAt);
    }

    @Override
    public Optional<Session> find(String tokenHash) {
        return table.find(tokenHash).map(r -> new Session(r.owner(), r.expiresAt()));
    }

    @Override
    public void delete(String tokenHash) {
        table.delete(tokenHash);
    }

    @Override
    public void deleteForPerson(UUID personId) {
        table.deleteFor(personId);
    }

    @Override
    public void deleteExpired(Instant now) {
        table.deleteExpired(now);
    }
}
