package eu.haven.store;

import eu.haven.core.policy.ReferralFacts.Status;
import eu.haven.core.referral.Referral;
import eu.haven.core.referral.ReferralRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

public final class JdbcReferralRepository implements ReferralRepository {
    private final Database db;

    public JdbcReferralRepository(Database db) {
        this.db = db;
    }

    @Override
    public void insert(Referral r) {
        db.with(h -> h.createUpdate("INSERT INTO referrals (id, person_id, from_id, to_id, purpose, categories, consent_id, status, "
                + "created_at, created_by) VALUES (:id, :p, :from, :to, :purpose, :cats, :consent, :status, :at, :by)")
            .bind("id", r.id()).bind("p", r.personId()).bind("from", r.from()).bind("to", r.to())
            .bind("purpose", r.purpose()).bind("cats", Columns.join(r.categories())).bind("consent", r.consentId())
            .bind("status", r.status().name()).bind("at", Times.of(r.createdAt())).bind("by", r.createdBy()).execute());
        db.personChanged(r.personId());
    }

    @Override
    public Optional<Referral> find(UUID id) {
        return db.with(h -> h.createQuery("SELECT * FROM referrals WHERE id = :id").bind("id", id).map((rs, c) -> map(rs)).findOne());
    }

    @Override
    public List<Referral> forPerson(UUID personId) {
        return db.with(h -> h.createQuery("SELECT * FROM referrals WHERE person_id = :p ORDER BY created_at, id")
            .bind("p", personId).map((rs, c) -> map(rs)).list());
    }

    @Override
    public List<Referral> pendingTo(String organisation) {
        return db.with(h -> h.createQuery("SELECT * FROM referrals WHERE to_id = :o AND status = 'PENDING' ORDER BY created_at")
            .bind("o", organisation).map((rs, c) -> map(rs)).list());
    }

    @Override
    public List<Referral> acceptedBy(String organisation, int limit) {
        return db.with(h -> h.createQuery("SELECT * FROM referrals WHERE to_id = :o AND status = 'ACCEPTED' ORDER BY decided_at DESC LIMIT :n")
            .bind("o", organisation).bind("n", limit).map((rs, c) -> map(rs)).list());
    }

    @Override
    public boolean decide(UUID id, Status status, Instant at, UUID by, Optional<byte[]> sealedReason) {
        Optional<UUID> person = db.with(h -> h.createQuery("SELECT person_id FROM referrals WHERE id = :id").bind("id", id)
            .mapTo(UUID.class).findOne());
        boolean decided = db.with(h -> h.createUpdate("UPDATE referrals SET status = :s, decided_at = :at, decided_by = :by, "
                + "sealed_decline_reason = :r WHERE id = :id AND status = 'PENDING'")
            .bind("s", status.name()).bind("at", Times.of(at)).bind("by", by).bind("r", sealedReason.orElse(null)).bind("id", id)
            .execute()) > 0;
        person.ifPresent(db::personChanged);
        return decided;
    }

    @Override
    public java.util.Map<UUID, byte[]> sealedDeclineReasons(UUID personId) {
        java.util.Map<UUID, byte[]> out = new java.util.HashMap<>();
        db.with(h -> h.createQuery("SELECT id, sealed_decline_reason FROM referrals WHERE person_id = :p "
                + "AND sealed_decline_reason IS NOT NULL").bind("p", personId)
            .map((rs, c) -> java.util.Map.entry(Times.uuid(rs, "id"), rs.getBytes("sealed_decline_reason"))).list())
            .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    static Referral map(ResultSet rs) throws SQLException {
        return new Referral(Times.uuid(rs, "id"), Times.uuid(rs, "person_id"), rs.getString("from_id"), rs.getString("to_id"),
            rs.getString("purpose"), Columns.split(rs.getString("categories")), Times.uuid(rs, "consent_id"),
            Status.valueOf(rs.getString("status")), Times.get(rs, "created_at"), Times.uuid(rs, "created_by"),
            Times.optional(rs, "decided_at"), Times.optionalUuid(rs, "decided_by"));
    }
}
