package eu.haven.store;

import eu.haven.core.record.CaseRecord;
import eu.haven.core.record.RecordRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Case records; a person's records are kept in memory ({@link PersonCache}, sealed as stored) until a write about them. */
public final class JdbcRecordRepository implements RecordRepository {
    /** Bytes of sealed records kept in memory by default. */
    public static final long DEFAULT_CACHE_BYTES = 16L * 1024 * 1024;
    /** What a record costs in memory besides its sealed data, roughly. */
    private static final long RECORD_OVERHEAD = 256;

    private final Database db;
    private final PersonCache<List<CaseRecord>> cache;

    public JdbcRecordRepository(Database db) {
        this(db, DEFAULT_CACHE_BYTES);
    }

    public JdbcRecordRepository(Database db, long cacheBytes) {
        this.db = db;
        this.cache = new PersonCache<>(db, cacheBytes,
            list -> RECORD_OVERHEAD + list.stream().mapToLong(r -> r.sealedData().length + RECORD_OVERHEAD).sum());
    }

    @Override
    public void insert(CaseRecord r) {
        db.with(h -> h.createUpdate("INSERT INTO records (id, person_id, organisation_id, category, purpose, data, created_at, created_by) "
                + "VALUES (:id, :p, :o, :cat, :purpose, :data, :at, :by)")
            .bind("id", r.id()).bind("p", r.personId()).bind("o", r.organisation()).bind("cat", r.category())
            .bind("purpose", r.purpose()).bind("data", r.sealedData()).bind("at", Times.of(r.createdAt()))
            .bind("by", r.createdBy()).execute());
        db.personChanged(r.personId());
    }

    @Override
    public List<CaseRecord> forPerson(UUID personId) {
        return cache.get(personId, () -> Optional.of(List.copyOf(db.with(h -> h.createQuery(
                "SELECT * FROM records WHERE person_id = :p ORDER BY created_at, id").bind("p", personId)
            .map((rs, c) -> record(rs)).list())))).orElseThrow();
    }

    private static CaseRecord record(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new CaseRecord(Times.uuid(rs, "id"), Times.uuid(rs, "person_id"), rs.getString("organisation_id"),
            rs.getString("category"), rs.getString("purpose"), rs.getBytes("data"), Times.get(rs, "created_at"),
            Times.uuid(rs, "created_by"));
    }

    @Override
    public Optional<CaseRecord> find(UUID id) {
        return db.with(h -> h.createQuery("SELECT * FROM records WHERE id = :id").bind("id", id).map((rs, c) -> record(rs)).findOne());
    }

    @Override
    public boolean replaceData(UUID id, byte[] sealedData) {
        Optional<UUID> person = personOf(id);
        boolean replaced = db.with(h -> h.createUpdate("UPDATE records SET data = :d WHERE id = :id").bind("d", sealedData).bind("id", id)
            .execute()) > 0;
        person.ifPresent(db::personChanged);
        return replaced;
    }

    @Override
    public int deleteHeldBy(UUID personId, String organisation) {
        return db.inTransaction(() -> db.with(h -> {
            int n = h.createUpdate("DELETE FROM records WHERE person_id = :p AND organisation_id = :o")
                .bind("p", personId).bind("o", organisation).execute();
            h.createUpdate("DELETE FROM relationships WHERE person_id = :p AND organisation_id = :o")
                .bind("p", personId).bind("o", organisation).execute();
            db.personChanged(personId);
            return n;
        }));
    }

    @Override
    public boolean delete(UUID id) {
        Optional<UUID> person = personOf(id);
        boolean deleted = db.with(h -> h.createUpdate("DELETE FROM records WHERE id = :id").bind("id", id).execute()) > 0;
        person.ifPresent(db::personChanged);
        return deleted;
    }

    private Optional<UUID> personOf(UUID recordId) {
        return db.with(h -> h.createQuery("SELECT person_id FROM records WHERE id = :id").bind("id", recordId)
            .mapTo(UUID.class).findOne());
    }

    @Override
    public List<Expired> createdBefore(String purpose, Instant cutoff, int limit) {
        return db.with(h -> h.createQuery("SELECT id, person_id, organisation_id, category FROM records "
                + "WHERE purpose = :p AND created_at < :cutoff ORDER BY created_at LIMIT :n")
            .bind("p", purpose).bind("cutoff", Times.of(cutoff)).bind("n", limit)
            .map((rs, c) -> new Expired(Times.uuid(rs, "id"), Times.uuid(rs, "person_id"), rs.getString("organisation_id"),
                rs.getString("category"))).list());
    }
}
