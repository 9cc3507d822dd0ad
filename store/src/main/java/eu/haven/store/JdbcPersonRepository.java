package eu.haven.store;

import eu.haven.core.person.CodeState;
import eu.haven.core.person.Person;
import eu.haven.core.person.PersonRepository;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** People; a person's row is kept in memory ({@link PersonCache}, the profile sealed as stored) until a write about them. */
public final class JdbcPersonRepository implements PersonRepository {
    /** Bytes of people kept in memory: every view of the person's own pages reads the row. */
    private static final long CACHE_BYTES = 4L * 1024 * 1024;
    private final Database db;
    private final PersonCache<Person> cache;

    public JdbcPersonRepository(Database db) {
        this.db = db;
        this.cache = new PersonCache<>(db, CACHE_BYTES, p -> 512L + p.sealedProfile().length);
    }

    @Override
    public void insert(Person p) {
        db.with(h -> h.createUpdate("INSERT INTO persons (id, created_at, created_by, profile, access_code_hash, access_code_lookup, "
                + "code_issued_at) VALUES (:id, :at, :by, :profile, :hash, :lookup, :at)")
            .bind("id", p.id()).bind("at", Times.of(p.createdAt())).bind("by", p.createdBy())
            .bind("profile", p.sealedProfile()).bind("hash", p.accessCodeHash()).bind("lookup", p.accessCodeLookup())
            .execute());
        db.personChanged(p.id());
    }

    @Override
    public Optional<Person> find(UUID id) {
        return cache.get(id, () -> db.with(h -> h.createQuery("SELECT * FROM persons WHERE id = :id").bind("id", id)
            .map((rs, c) -> person(rs)).findOne()));
    }

    private static Person person(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Person(Times.uuid(rs, "id"), Times.get(rs, "created_at"), rs.getString("created_by"),
            rs.getBytes("profile"), rs.getString("access_code_hash"), rs.getString("access_code_lookup"));
    }

    @Override
    public boolean exists(UUID id) {
        return db.with(h -> h.createQuery("SELECT COUNT(*) FROM persons WHERE id = :id").bind("id", id)
            .mapTo(Long.class).one() > 0);
    }

    @Override
    public Optional<Person> findByCodeLookup(String lookup) {
        return db.with(h -> h.createQuery("SELECT * FROM persons WHERE access_code_lookup = :l").bind("l", lookup)
            .map((rs, c) -> person(rs)).findOne());
    }

    @Override
    public boolean replaceAccessCode(UUID id, String hash, String lookup, java.time.Instant issuedAt) {
        boolean replaced = db.with(h -> h.createUpdate("UPDATE persons SET access_code_hash = :h, access_code_lookup = :l, version = version + 1, "
                + "code_issued_at = :at, code_activated_at = NULL, secret_hash = NULL, secret_failures = 0 WHERE id = :id")
            .bind("h", hash).bind("l", lookup).bind("at", Times.of(issuedAt)).bind("id", id).execute()) > 0;
        db.personChanged(id);
        return replaced;
    }

    @Override
    public Optional<CodeState> codeState(UUID id) {
        return db.with(h -> h.createQuery("SELECT created_at, code_issued_at, code_activated_at, secret_hash, secret_failures "
                + "FROM persons WHERE id = :id").bind("id", id)
            .map((rs, c) -> new CodeState(Times.optional(rs, "code_issued_at").orElse(Times.get(rs, "created_at")),
                Times.optional(rs, "code_activated_at"), Optional.ofNullable(rs.getString("secret_hash")),
                rs.getInt("secret_failures"))).findOne());
    }

    @Override
    public boolean activate(UUID id, String secretHash, java.time.Instant at) {
        return db.with(h -> h.createUpdate("UPDATE persons SET code_activated_at = :at, secret_hash = :s, secret_failures = 0 "
                + "WHERE id = :id AND code_activated_at IS NULL")
            .bind("at", Times.of(at)).bind("s", secretHash).bind("id", id).execute()) > 0;
    }

    @Override
    public int secretFailed(UUID id) {
        return db.inTransaction(() -> db.with(h -> {
            h.createUpdate("UPDATE persons SET secret_failures = secret_failures + 1 WHERE id = :id").bind("id", id).execute();
            return h.createQuery("SELECT secret_failures FROM persons WHERE id = :id").bind("id", id).mapTo(Integer.class)
                .findOne().orElse(0);
        }));
    }

    @Override
    public void secretSucceeded(UUID id) {
        db.with(h -> h.createUpdate("UPDATE persons SET secret_failures = 0 WHERE id = :id").bind("id", id).execute());
    }

    @Override
    public boolean delete(UUID id) {
        boolean deleted = db.with(h -> {
            // Whether the person was counted as served this month is no longer kept; the count stays.
            h.createUpdate("DELETE FROM report_served WHERE person_id = :id").bind("id", id).execute();
            return h.createUpdate("DELETE FROM persons WHERE id = :id").bind("id", id).execute();
        }) > 0;
        db.personChanged(id);
        return deleted;
    }

    @Override
    public List<UUID> withoutRecords(int limit) {
        return db.with(h -> h.createQuery("SELECT p.id FROM persons p WHERE NOT EXISTS "
                + "(SELECT 1 FROM records r WHERE r.person_id = p.id) ORDER BY p.id LIMIT :n")
            .bind("n", limit).map((rs, c) -> Times.uuid(rs, "id")).list());
    }
}
