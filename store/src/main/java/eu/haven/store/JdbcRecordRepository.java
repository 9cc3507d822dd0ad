package eu.haven.store;

import eu.haven.core.record.CaseRecord;
import eu.haven.core.record.RecordRepository;
import java.util.List;
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
            .map((rs, c) -> new CaseRecord(Times.uuid(rs, "id"), Times.uuid(rs, "person_id"), rs.getString("organisation_id"),
                rs.getString("category"), rs.getString("purpose"), rs.getBytes("data"), Times.get(rs, "created_at"),
                Times.uuid(rs, "created_by"))).list());
    }
}
