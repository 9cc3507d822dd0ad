package eu.haven.store;

import eu.haven.core.authority.AuthorityRequest;
import eu.haven.core.authority.AuthorityRequestRepository;
import eu.haven.core.authority.BodyType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

public final class JdbcAuthorityRequestRepository implements AuthorityRequestRepository {
    private final Database db;

    public JdbcAuthorityRequestRepository(Database db) {
        this.db = db;
    }

    @Override
    public void insert(AuthorityRequest r) {
        db.with(h -> h.createUpdate("INSERT INTO authority_requests (id, received_at, registered_by, organisation_id, body, body_type, "
                + "legal_reference, purpose, firewall_root, categories, letter_language, status, decided_at, decided_by, decision_note, granted) "
                + "VALUES (:id, :at, :by, :org, :body, :type, :ref, :purpose, :root, :cats, :lang, :status, :decidedAt, CAST(:decidedBy AS UUID), "
                + ":note, :granted)")
            .bind("id", r.id()).bind("at", Times.of(r.receivedAt())).bind("by", r.registeredBy()).bind("org", r.organisation())
            .bind("body", r.body()).bind("type", r.bodyType().code()).bind("ref", r.legalReference()).bind("purpose", r.purpose())
            .bindByType("root", r.firewallRoot().orElse(null), String.class).bind("cats", Columns.join(List.copyOf(new TreeSet<>(r.categories()))))
            .bind("lang", r.letterLanguage()).bind("status", r.status().code())
            .bindByType("decidedAt", r.decidedAt().map(Times::of).orElse(null), java.time.OffsetDateTime.class)
            .bindByType("decidedBy", r.decidedBy().orElse(null), UUID.class)
            .bindByType("note", r.decisionNote().orElse(null), String.class)
            .bind("granted", Columns.join(List.copyOf(new TreeSet<>(r.granted())))).execute());
    }

    @Override
    public Optional<AuthorityRequest> find(UUID id) {
        return db.with(h -> h.createQuery("SELECT * FROM authority_requests WHERE id = :id").bind("id", id).map((rs, c) -> row(rs)).findOne());
    }

    @Override
    public List<AuthorityRequest> list(int limit) {
        return db.with(h -> h.createQuery("SELECT * FROM authority_requests ORDER BY received_at DESC, id LIMIT :n").bind("n", limit)
            .map((rs, c) -> row(rs)).list());
    }

    @Override
    public boolean addPerson(UUID requestId, UUID personId, Instant at) {
        return db.with(h -> {
            boolean there = h.createQuery("SELECT COUNT(*) FROM authority_request_persons WHERE request_id = :r AND person_id = :p")
                .bind("r", requestId).bind("p", personId).mapTo(Long.class).one() > 0;
            if (there) {
                return false;
            }
            h.createUpdate("INSERT INTO authority_request_persons (request_id, person_id, added_at) VALUES (:r, :p, :at)")
                .bind("r", requestId).bind("p", personId).bind("at", Times.of(at)).execute();
            return true;
        });
    }

    @Override
    public List<UUID> persons(UUID requestId) {
        return db.with(h -> h.createQuery("SELECT person_id FROM authority_request_persons WHERE request_id = :r ORDER BY added_at, person_id")
            .bind("r", requestId).mapTo(UUID.class).list());
    }

    @Override
    public int personCount(UUID requestId) {
        return db.with(h -> h.createQuery("SELECT COUNT(*) FROM authority_request_persons WHERE request_id = :r")
            .bind("r", requestId).mapTo(Integer.class).one());
    }

    @Override
    public void decide(AuthorityRequest d) {
        db.with(h -> h.createUpdate("UPDATE authority_requests SET status = :s, decided_at = :at, decided_by = :by, decision_note = :note, "
                + "granted = :granted WHERE id = :id")
            .bind("s", d.status().code()).bind("at", Times.of(d.decidedAt().orElseThrow())).bind("by", d.decidedBy().orElseThrow())
            .bind("note", d.decisionNote().orElse("")).bind("granted", Columns.join(List.copyOf(new TreeSet<>(d.granted()))))
            .bind("id", d.id()).execute());
    }

    @Override
    public void postpone(UUID requestId, LocalDate until, String reason) {
        db.with(h -> h.createUpdate("UPDATE authority_requests SET postponed_until = :u, postpone_reason = :r WHERE id = :id")
            .bind("u", until).bind("r", reason).bind("id", requestId).execute());
    }

    @Override
    public boolean shared() {
        return db.shared();
    }

    @Override
    public Optional<LocalDate> latestPostponement() {
        return db.with(h -> h.createQuery("SELECT MAX(postponed_until) FROM authority_requests")
            .map((rs, c) -> Optional.ofNullable(rs.getObject(1, LocalDate.class))).one());
    }

    @Override
    public Set<UUID> hiddenFrom(UUID personId, LocalDate today) {
        return Set.copyOf(db.with(h -> h.createQuery("SELECT r.id FROM authority_requests r JOIN authority_request_persons p "
                + "ON p.request_id = r.id WHERE p.person_id = :p AND r.postponed_until > :today")
            .bind("p", personId).bind("today", today).mapTo(UUID.class).list()));
    }

    @Override
    public List<AuthorityRequest> received(Instant from, Instant to) {
        return db.with(h -> h.createQuery("SELECT * FROM authority_requests WHERE received_at >= :f AND received_at < :t ORDER BY received_at")
            .bind("f", Times.of(from)).bind("t", Times.of(to)).map((rs, c) -> row(rs)).list());
    }

    private static AuthorityRequest row(ResultSet rs) throws SQLException {
        return new AuthorityRequest(Times.uuid(rs, "id"), Times.get(rs, "received_at"), Times.uuid(rs, "registered_by"),
            rs.getString("organisation_id"), rs.getString("body"), BodyType.parse(rs.getString("body_type")).orElseThrow(),
            rs.getString("legal_reference"), rs.getString("purpose"), Optional.ofNullable(rs.getString("firewall_root")),
            Set.copyOf(Columns.split(rs.getString("categories"))), rs.getString("letter_language"),
            AuthorityRequest.Status.parse(rs.getString("status")), Times.optional(rs, "decided_at"), Times.optionalUuid(rs, "decided_by"),
            Optional.ofNullable(rs.getString("decision_note")), Set.copyOf(Columns.split(rs.getString("granted"))),
            Optional.ofNullable(rs.getObject("postponed_until", LocalDate.class)), Optional.ofNullable(rs.getString("postpone_reason")));
    }
}
