package eu.haven.store;

import eu.haven.core.alert.Alert;
import eu.haven.core.alert.AlertRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

public final class JdbcAlertRepository implements AlertRepository {
    private final Database db;

    public JdbcAlertRepository(Database db) {
        this.db = db;
    }

    @Override
    public void insert(Alert a) {
        db.with(h -> h.createUpdate("INSERT INTO alerts (id, kind, organisation_id, target_id, created_at) "
                + "VALUES (:id, :k, :o, CAST(:t AS UUID), :at)")
            .bind("id", a.id()).bind("k", a.kind().code()).bindByType("o", a.organisation().orElse(null), String.class)
            .bindByType("t", a.target().orElse(null), UUID.class).bind("at", Times.of(a.createdAt())).execute());
    }

    @Override
    public List<Alert> open(int limit) {
        return db.with(h -> h.createQuery("SELECT * FROM alerts WHERE acknowledged_at IS NULL ORDER BY created_at DESC, id LIMIT :n")
            .bind("n", limit).map((rs, c) -> new Alert(Times.uuid(rs, "id"), Alert.Kind.parse(rs.getString("kind")),
                Optional.ofNullable(rs.getString("organisation_id")), Times.optionalUuid(rs, "target_id"),
                Times.get(rs, "created_at"), Times.optional(rs, "acknowledged_at"))).list());
    }

    @Override
    public boolean acknowledge(UUID id, UUID by, Instant at, String note) {
        return db.with(h -> h.createUpdate("UPDATE alerts SET acknowledged_at = :at, acknowledged_by = :by, acknowledged_note = :note "
                + "WHERE id = :id AND acknowledged_at IS NULL").bind("at", Times.of(at)).bind("by", by).bind("note", note).bind("id", id)
            .execute()) > 0;
    }
}
