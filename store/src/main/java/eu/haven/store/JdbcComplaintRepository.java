package eu.haven.store;

import eu.haven.core.complaint.Complaint;
import eu.haven.core.complaint.ComplaintRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

public final class JdbcComplaintRepository implements ComplaintRepository {
    private final Database db;

    public JdbcComplaintRepository(Database db) {
        this.db = db;
    }

    @Override
    public void insert(Complaint c) {
        db.with(h -> h.createUpdate("INSERT INTO complaints (id, person_id, created_at, language, text, status) VALUES (:id, :p, :at, :l, :t, :s)")
            .bind("id", c.id()).bind("p", c.personId()).bind("at", Times.of(c.createdAt())).bind("l", c.language()).bind("t", c.text())
            .bind("s", c.status().code()).execute());
    }

    @Override
    public Optional<Complaint> find(UUID id) {
        return db.with(h -> h.createQuery("SELECT * FROM complaints WHERE id = :id").bind("id", id).map((rs, c) -> row(rs)).findOne());
    }

    @Override
    public List<Complaint> forPerson(UUID personId) {
        return db.with(h -> h.createQuery("SELECT * FROM complaints WHERE person_id = :p ORDER BY created_at DESC").bind("p", personId)
            .map((rs, c) -> row(rs)).list());
    }

    @Override
    public List<Complaint> waiting(int limit) {
        return db.with(h -> h.createQuery("SELECT * FROM complaints WHERE status = 'open' ORDER BY created_at LIMIT :n").bind("n", limit)
            .map((rs, c) -> row(rs)).list());
    }

    @Override
    public void answer(UUID id, byte[] sealedAnswer, Instant at) {
        db.with(h -> h.createUpdate("UPDATE complaints SET answer = :a, answered_at = :at, "
                + "status = CASE WHEN status = 'open' THEN 'answered' ELSE status END WHERE id = :id")
            .bind("a", sealedAnswer).bind("at", Times.of(at)).bind("id", id).execute());
    }

    @Override
    public void handOver(UUID id, Complaint.Body body, Instant at) {
        db.with(h -> h.createUpdate("UPDATE complaints SET handed_to = :b, handed_at = :at, status = 'handed-over' WHERE id = :id")
            .bind("b", body.code()).bind("at", Times.of(at)).bind("id", id).execute());
    }

    private static Complaint row(ResultSet rs) throws SQLException {
        return new Complaint(Times.uuid(rs, "id"), Times.uuid(rs, "person_id"), Times.get(rs, "created_at"), rs.getString("language"),
            rs.getBytes("text"), Complaint.Status.parse(rs.getString("status")), Optional.ofNullable(rs.getBytes("answer")),
            Times.optional(rs, "answered_at"), Optional.ofNullable(rs.getString("handed_to")).flatMap(Complaint.Body::parse),
            Times.optional(rs, "handed_at"));
    }
}
