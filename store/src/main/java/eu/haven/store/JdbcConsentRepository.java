package eu.haven.store;

import eu.haven.core.consent.CollectionMethod;
import eu.haven.core.consent.Consent;
import eu.haven.core.consent.ConsentRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Consents; a person's are kept in memory ({@link PersonCache}) until a write about them, since every
 * staff view of a person lists them. Every write reports the person to the database's caches.
 */
public final class JdbcConsentRepository implements ConsentRepository {
    /** Room for the consents of about 10,000 people. */
    static final long DEFAULT_CACHE_BYTES = 8L * 1024 * 1024;
    private final Database db;
    private final PersonCache<List<Consent>> cache;

    public JdbcConsentRepository(Database db) {
        this.db = db;
        this.cache = new PersonCache<>(db, DEFAULT_CACHE_BYTES, list -> 256 + 768L * list.size());
    }

    @Override
    public void insert(Consent c) {
        db.with(h -> h.createUpdate("INSERT INTO consents (id, schema_version, person_id, controller_id, recipient_id, purposes, "
                + "categories, legal_basis, special_category, language, method, privacy_notice, jurisdiction, retention, "
                + "storage_location, withdrawal_method, given_at, expires_at, withdrawn_at, recorded_by, guardian_relationship, sealed_guardian_name) "
                + "VALUES (:id, :schema, "
                + ":person, :controller, :recipient, :purposes, :categories, :basis, :special, :language, :method, :notice, "
                + ":jurisdiction, :retention, :storage, :withdrawal, :given, :expires, :withdrawn, :by, :grel, :gname)")
            .bind("id", c.id()).bind("schema", c.schemaVersion()).bind("person", c.personId())
            .bind("controller", c.controller()).bind("recipient", c.recipient())
            .bind("purposes", Columns.join(c.purposes())).bind("categories", Columns.join(c.categories()))
            .bind("basis", Columns.join(c.legalBasis())).bind("special", c.specialCategory())
            .bind("language", c.language()).bind("method", c.method().code()).bind("notice", c.privacyNotice())
            .bind("jurisdiction", c.jurisdiction()).bind("retention", c.retention())
            .bind("storage", c.storageLocation()).bind("withdrawal", c.withdrawalMethod())
            .bind("given", Times.of(c.givenAt())).bindByType("expires", Times.of(c.expiresAt().orElse(null)), java.time.OffsetDateTime.class)
            .bindByType("withdrawn", Times.of(c.withdrawnAt().orElse(null)), java.time.OffsetDateTime.class).bind("by", c.recordedBy())
            .bind("grel", c.guardianRelationship().orElse(null)).bind("gname", c.sealedGuardianName().orElse(null)).execute());
        db.personChanged(c.personId());
    }

    @Override
    public Optional<Consent> find(UUID id) {
        return db.with(h -> h.createQuery("SELECT * FROM consents WHERE id = :id").bind("id", id).map((rs, ctx) -> map(rs)).findOne());
    }

    @Override
    public List<Consent> forPerson(UUID personId) {
        return cache.get(personId, () -> Optional.of(List.copyOf(db.with(h -> h.createQuery(
                "SELECT * FROM consents WHERE person_id = :p ORDER BY given_at, id").bind("p", personId)
            .map((rs, ctx) -> map(rs)).list())))).orElseThrow();
    }

    @Override
    public boolean withdraw(UUID id, Instant at, Optional<String> by) {
        Optional<UUID> person = db.with(h -> h.createQuery("SELECT person_id FROM consents WHERE id = :id").bind("id", id)
            .mapTo(UUID.class).findOne());
        boolean withdrawn = db.with(h -> h.createUpdate("UPDATE consents SET withdrawn_at = :at, withdrawn_by = :by WHERE id = :id "
                + "AND withdrawn_at IS NULL").bind("at", Times.of(at)).bind("by", by.orElse(null)).bind("id", id).execute()) > 0;
        person.ifPresent(db::personChanged);
        return withdrawn;
    }

    static Consent map(ResultSet rs) throws SQLException {
        return new Consent(Times.uuid(rs, "id"), rs.getString("schema_version"), Times.uuid(rs, "person_id"),
            rs.getString("controller_id"), rs.getString("recipient_id"), Columns.split(rs.getString("purposes")),
            Columns.split(rs.getString("categories")), Columns.split(rs.getString("legal_basis")),
            rs.getBoolean("special_category"), rs.getString("language"),
            CollectionMethod.parse(rs.getString("method")).orElseThrow(), rs.getString("privacy_notice"),
            rs.getString("jurisdiction"), rs.getString("retention"), rs.getString("storage_location"),
            rs.getString("withdrawal_method"), Times.get(rs, "given_at"), Times.optional(rs, "expires_at"),
            Times.optional(rs, "withdrawn_at"), Times.uuid(rs, "recorded_by"), Optional.ofNullable(rs.getString("withdrawn_by")),
            Optional.ofNullable(rs.getString("guardian_relationship")), Optional.ofNullable(rs.getBytes("sealed_guardian_name")));
    }
}
