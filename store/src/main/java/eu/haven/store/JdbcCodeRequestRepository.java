package eu.haven.store;

import eu.haven.core.code.CodeRequest;
import eu.haven.core.code.CodeRequestRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

public final class JdbcCodeRequestRepository implements CodeRequestRepository {
    private final Database db;

    public JdbcCodeRequestRepository(Database db) {
        this.db = db;
    }

    @Override
    public void insert(CodeRequest r) {
        db.with(h -> h.createUpdate("INSERT INTO access_code_requests (id, person_id, organisation_id, requested_by, requested_at, "
                + "status) VALUES (:id, :p, :o, :by, :at, :s)")
            .bind("id", r.id()).bind("p", r.personId()).bind("o", r.organisation()).bind("by", r.requestedBy())
            .bind("at", Times.of(r.requestedAt())).bind("s", r.status().code()).execute());
    }

    @Override
    public Optional<CodeRequest> find(UUID id) {
        return db.with(h -> h.createQuery("SELECT * FROM access_code_requests WHERE id = :id").bind("id", id)
            .map((rs, c) -> map(rs)).findOne());
    }

    @Override
    public List<CodeRequest> forPerson(UUID personId) {
        return db.with(h -> h.createQuery("SELECT * FROM access_code_requests WHERE person_id = :p ORDER BY requested_at, id")
            .bind("p", personId).map((rs, c) -> map(rs)).list());
    }

    @Override
    public List<CodeRequest> pending(int limit) {
        return db.with(h -> h.createQuery("SELECT * FROM access_code_requests WHERE status = 'pending' ORDER BY requested_at, id "
                + "LIMIT :n").bind("n", limit).map((rs, c) -> map(rs)).list());
    }

    @Override
    public List<CodeRequest> openBy(UUID requestedBy, int limit) {
        return db.with(h -> h.createQuery("SELECT * FROM access_code_requests WHERE requested_by = :by AND status IN ('pending', 'approved') "
                + "ORDER BY requested_at, id LIMIT :n").bind("by", requestedBy).bind("n", limit).map((rs, c) -> map(rs)).list());
    }

    @Override
    public boolean approve(UUID id, UUID approver, String approverOrganisation, Instant at) {
        return db.with(h -> h.createUpdate("UPDATE access_code_requests SET status = 'approved', approved_by = :by, "
                + "approver_organisation = :o, approved_at = :at WHERE id = :id AND status = 'pending'")
            .bind("by", approver).bind("o", approverOrganisation).bind("at", Times.of(at)).bind("id", id).execute()) > 0;
    }

    @Override
    public boolean issue(UUID id, Instant at) {
        return db.with(h -> h.createUpdate("UPDATE access_code_requests SET status = 'issued', issued_at = :at "
                + "WHERE id = :id AND status = 'approved'").bind("at", Times.of(at)).bind("id", id).execute()) > 0;
    }

    private static CodeRequest map(ResultSet rs) throws SQLException {
        return new CodeRequest(Times.uuid(rs, "id"), Times.uuid(rs, "person_id"), rs.getString("organisation_id"),
            Times.uuid(rs, "requested_by"), Times.get(rs, "requested_at"), CodeRequest.Status.parse(rs.getString("status")),
            Times.optionalUuid(rs, "approved_by"), Optional.ofNullable(rs.getString("approver_organisation")),
            Times.optional(rs, "approved_at"), Times.optional(rs, "issued_at"));
    }
}
