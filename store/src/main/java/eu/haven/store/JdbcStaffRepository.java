package eu.haven.store;

import eu.haven.core.staff.Role;
import eu.haven.core.staff.StaffRepository;
import eu.haven.core.staff.StaffUser;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

public final class JdbcStaffRepository implements StaffRepository {
    private static final String COLUMNS = "SELECT id, username, organisation_id, role, password_hash, disabled, deleted_at FROM staff_users ";
    private final Database db;

    public JdbcStaffRepository(Database db) {
        this.db = db;
    }

    @Override
    public void save(StaffUser u, Instant createdAt) {
        db.with(h -> h.createUpdate("INSERT INTO staff_users (id, username, organisation_id, role, password_hash, disabled, created_at) "
                + "VALUES (:id, :username, :org, :role, :hash, :disabled, :at)")
            .bind("id", u.id()).bind("username", u.username()).bind("org", u.organisationId())
            .bind("role", u.role().code()).bind("hash", u.passwordHash()).bind("disabled", u.disabled())
            .bind("at", Times.of(createdAt)).execute());
    }

    @Override
    public Optional<StaffUser> findByUsername(String username) {
        return db.with(h -> h.createQuery(COLUMNS + "WHERE username = :u").bind("u", username).map((rs, c) -> map(rs)).findOne());
    }

    @Override
    public void setPasswordHash(UUID id, String passwordHash) {
        db.with(h -> h.createUpdate("UPDATE staff_users SET password_hash = :p WHERE id = :id AND deleted_at IS NULL")
            .bind("p", passwordHash).bind("id", id).execute());
    }

    @Override
    public void setDisabled(UUID id, boolean disabled) {
        db.with(h -> h.createUpdate("UPDATE staff_users SET disabled = :d WHERE id = :id").bind("d", disabled).bind("id", id).execute());
    }

    @Override
    public void markDeleted(UUID id, Instant at) {
        db.with(h -> h.createUpdate("UPDATE staff_users SET deleted_at = :at, disabled = TRUE, password_hash = '!' WHERE id = :id")
            .bind("at", Times.of(at)).bind("id", id).execute());
    }

    @Override
    public Optional<StaffUser> find(UUID id) {
        return db.with(h -> h.createQuery(COLUMNS + "WHERE id = :id").bind("id", id).map((rs, c) -> map(rs)).findOne());
    }

    @Override
    public List<StaffUser> all() {
        return db.with(h -> h.createQuery(COLUMNS + "ORDER BY username").map((rs, c) -> map(rs)).list());
    }

    private static StaffUser map(ResultSet rs) throws SQLException {
        return new StaffUser(Times.uuid(rs, "id"), rs.getString("username"), rs.getString("organisation_id"),
            Role.parse(rs.getString("role")).orElseThrow(), rs.getString("password_hash"), rs.getBoolean("disabled"),
            rs.getObject("deleted_at") != null);
    }
}
