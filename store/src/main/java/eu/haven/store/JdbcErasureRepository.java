package eu.haven.store;

import eu.haven.core.erasure.ErasureRepository;
import eu.haven.core.erasure.ErasureRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

public final class JdbcErasureRepository implements ErasureRepository {
    private final Database db;

    public JdbcErasureRepository(Database db) {
        this.db = db;
    }

    @Override
    public void insertIfAbsent(ErasureRequest e) {
        db.inTransaction(() -> db.with(h -> {
            if (find(e.personId(), e.organisation()).isPresent()) {
                return 0;
            }
            return h.createUpdate("INSERT INTO erasure_requests (person_id, organisation_id, reason, status, answer, requested_at, "
                    + "answered_at) VALUES (:p, :o, :r, :s, :a, :at, :aat)")
                .bind("p", e.personId()).bind("o", e.organisation()).bind("r", e.reason()).bind("s", e.status().code())
                .bindByType("a", e.sealedAnswer().orElse(null), byte[].class).bind("at", Times.of(e.requestedAt()))
                .bindByType("aat", e.answeredAt().map(Times::of).orElse(null), java.time.OffsetDateTime.class).execute();
        }));
    }

    @Override
    public Optional<ErasureRequest> find(UUID personId, String organisation) {
        return db.with(h -> h.createQuery("SELECT * FROM erasure_requests WHERE person_id = :p AND organisation_id = :o")
            .bind("p", personId).bind("o", organisation).map((rs, c) -> request(rs)).findOne());
    }

    @Override
    public List<ErasureRequest> forPerson(UUID personId) {
        return db.with(h -> h.createQuery("SELECT * FROM erasure_requests WHERE person_id = :p ORDER BY requested_at, organisation_id")
            .bind("p", personId).map((rs, c) -> request(rs)).list());
    }

    @Override
    public List<ErasureRequest> pendingFor(String organisation) {
        return db.with(h -> h.createQuery("SELECT * FROM erasure_requests WHERE organisation_id = :o AND status = 'pending' "
                + "ORDER BY requested_at, person_id").bind("o", organisation).map((rs, c) -> request(rs)).list());
    }

    @Override
    public boolean decline(UUID personId, String organisation, byte[] sealedAnswer, Instant at) {
        return db.with(h -> h.createUpdate("UPDATE erasure_requests SET status = 'declined', answer = :a, answered_at = :at "
                + "WHERE person_id = :p AND organisation_id = :o AND status = 'pending'")
            .bind("a", sealedAnswer).bind("at", Times.of(at)).bind("p", personId).bind("o", organisation).execute()) > 0;
    }

    @Override
    public boolean delete(UUID personId, String organisation) {
        return db.with(h -> h.createUpdate("DELETE FROM erasure_requests WHERE person_id = :p AND organisation_id = :o")
            .bind("p", personId).bind("o", organisation).execute()) > 0;
    }

    private static ErasureRequest request(ResultSet rs) throws SQLException {
        return new ErasureRequest(Times.uuid(rs, "person_id"), rs.getString("organisation_id"), rs.getString("reason"),
            ErasureRequest.Status.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
            Optional.ofNullable(rs.getBytes("answer")), Times.get(rs, "requested_at"), Times.optional(rs, "answered_at"));
    }
}
