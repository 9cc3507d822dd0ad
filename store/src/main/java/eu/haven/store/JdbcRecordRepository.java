package eu.haven.store;

import eu.haven.core.record.CaseRecord;
import eu.haven.core.record.RecordRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

public final class JdbcRecordRepository implements RecordRepository {
    private final Database db;

    public JdbcRecordRepository(Database db) {
        this.db = db;
    }

    @Override
    public void insert(CaseRecord r) {
        db.with(h -> h.createUpdate("INSERT INTO records (id, person_id, organisation_id, category, purpose, data, created_at, created_by) "
                + "VALUES (:id, :p, :o, :cat, :purpose, :data, :at, :by)")
            .bind("id", r.id()).bind("p", r.personId()).bind("o", r.organisation()).bind("cat", r.category())
            .bind("purpose", r.purpose()).bind("data", r.sealedData()).bind("at", Times.of(r.createdAt()))
            .bind("by", r.createdBy()).execute());
    }

    @Override
    public List<CaseRecord> forPerson(UUID personId) {
        return db.with(h -> h.createQuery("SELECT * FROM records WHERE person_id = :p ORDER BY created_at, id").bind("p", personId)
            .map((rs, c) -> record(rs)).list());
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
        return db.with(h -> h.createUpdate("UPDATE records SET data = :d WHERE id = :id").bind("d", sealedData).bind("id", id)
            .execute()) > 0;
    }

    @Override
    public int deleteHeldBy(UUID personId, String organisation) {
        return db.inTransaction(() -> db.with(h -> {
            int n = h.createUpdate("DELETE FROM records WHERE person_id = :p AND organisation_id = :o")
                .bind("p", personId).bind("o", organisation).execute();
            h.createUpdate("DELETE FROM relationships WHERE person_id = :p AND organisation_id = :o")
                .bind("p", personId).bind("o", organisation).execute();
            return n;
        }));
    }

    @Override
    public boolean delete(UUID id) {
        return db.with(h -> h.createUpdate("DELETE FROM records WHERE id = :id").bind("id", id).execute()) > 0;
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
