package eu.haven.store;

import eu.haven.core.correction.Correction;
import eu.haven.core.correction.CorrectionRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

public final class JdbcCorrectionRepository implements CorrectionRepository {
    private final Database db;

    public JdbcCorrectionRepository(Database db) {
        this.db = db;
    }

    @Override
    public void insert(Correction c) {
        db.with(h -> h.createUpdate("INSERT INTO corrections (id, person_id, organisation_id, record_id, request, status, answer, "
                + "created_at, answered_at, answered_by) VALUES (:id, :p, :o, CAST(:r AS UUID), :req, :s, :a, :at, :aat, CAST(:by AS UUID))")
            .bind("id", c.id()).bind("p", c.personId()).bind("o", c.organisation()).bindByType("r", c.recordId().orElse(null), UUID.class)
            .bind("req", c.sealedRequest()).bind("s", c.status().code()).bindByType("a", c.sealedAnswer().orElse(null), byte[].class)
            .bind("at", Times.of(c.createdAt())).bindByType("aat", c.answeredAt().map(Times::of).orElse(null), java.time.OffsetDateTime.class)
            .bindByType("by", c.answeredBy().orElse(null), UUID.class).execute());
    }

    @Override
    public Optional<Correction> find(UUID id) {
        return db.with(h -> h.createQuery("SELECT * FROM corrections WHERE id = :id").bind("id", id)
            .map((rs, c) -> correction(rs)).findOne());
    }

    @Override
    public List<Correction> forPerson(UUID personId) {
        return db.with(h -> h.createQuery("SELECT * FROM corrections WHERE person_id = :p ORDER BY created_at, id")
            .bind("p", personId).map((rs, c) -> correction(rs)).list());
    }

    @Override
    public List<Correction> openFor(String organisation) {
        return db.with(h -> h.createQuery("SELECT * FROM corrections WHERE organisation_id = :o AND status = 'open' "
                + "ORDER BY created_at, id").bind("o", organisation).map((rs, c) -> correction(rs)).list());
    }

    @Override
    public boolean answer(UUID id, Correction.Status status, byte[] sealedAnswer, Instant at, UUID by) {
        return db.with(h -> h.createUpdate("UPDATE corrections SET status = :s, answer = :a, answered_at = :at, answered_by = :by "
                + "WHERE id = :id AND status = 'open'").bind("s", status.code()).bind("a", sealedAnswer)
            .bind("at", Times.of(at)).bind("by", by).bind("id", id).execute()) > 0;
    }

    private static Correction correction(ResultSet rs) throws SQLException {
        return new Correction(Times.uuid(rs, "id"), Times.uuid(rs, "person_id"), rs.getString("organisation_id"),
            Times.optionalUuid(rs, "record_id"), rs.getBytes("request"),
            Correction.Status.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
            Optional.ofNullable(rs.getBytes("answer")), Times.get(rs, "created_at"), Times.optional(rs, "answered_at"),
            Times.optionalUuid(rs, "answered_by"));
    }
}
