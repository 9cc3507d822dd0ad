package eu.haven.store;

import eu.haven.core.staff.Organisation;
import eu.haven.core.staff.OrganisationRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

public final class JdbcOrganisationRepository implements OrganisationRepository {
    private final Database db;

    public JdbcOrganisationRepository(Database db) {
        this.db = db;
    }

    @Override
    public void save(Organisation o, Instant createdAt) {
        db.with(h -> h.createUpdate("INSERT INTO organisations (id, name, type, created_at) VALUES (:id, :name, :type, :at)")
            .bind("id", o.id()).bind("name", o.name()).bind("type", o.type()).bind("at", Times.of(createdAt))
            .execute());
    }

    @Override
    public Optional<Organisation> find(String id) {
        return db.with(h -> h.createQuery("SELECT id, name, type FROM organisations WHERE id = :id").bind("id", id)
            .map((rs, ctx) -> new Organisation(rs.getString("id"), rs.getString("name"), rs.getString("type"))).findOne());
    }

    @Override
    public List<Organisation> all() {
        return db.with(h -> h.createQuery("SELECT id, name, type FROM organisations ORDER BY id")
            .map((rs, ctx) -> new Organisation(rs.getString("id"), rs.getString("name"), rs.getString("type"))).list());
    }
}
