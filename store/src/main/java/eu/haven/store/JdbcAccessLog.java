package eu.haven.store;

import eu.haven.core.audit.AccessEvent;
import eu.haven.core.audit.AccessLog;
import eu.haven.core.audit.LedgerUnavailableException;
import eu.haven.core.audit.LoggedEvent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The access log as an append-only table. Each append commits on its own connection before it
 * returns, so an event is durable before any data it covers leaves the server.
 */
public final class JdbcAccessLog implements AccessLog {
    private final Database db;

    public JdbcAccessLog(Database db) {
        this.db = db;
    }

    @Override
    public long append(AccessEvent e) {
        try {
            return db.autonomous(h -> h.createUpdate("INSERT INTO access_events (id, at, actor_user, organisation_id, role, action, "
                    + "purpose, person_id, categories, permitted, reason, target_id) VALUES (:id, :at, CAST(:user AS UUID), :org, :role, :action, "
                    + ":purpose, CAST(:person AS UUID), :cats, :permitted, :reason, CAST(:target AS UUID))")
                .bind("id", e.id()).bind("at", Times.of(e.at())).bind("user", e.actorUser().orElse(null))
                .bind("org", e.organisation().orElse(null)).bind("role", e.role().orElse(null)).bind("action", e.action())
                .bind("purpose", e.purpose()).bind("person", e.personId().orElse(null))
                .bind("cats", Columns.join(List.copyOf(e.categories()))).bind("permitted", e.permitted())
                .bind("reason", e.reason().orElse(null)).bind("target", e.target().orElse(null))
                .executeAndReturnGeneratedKeys("seq").mapTo(Long.class).one()) - 1;
        } catch (RuntimeException failure) {
            throw new LedgerUnavailableException(failure);
        }
    }

    @Override
    public List<LoggedEvent> forPerson(UUID personId) {
        return db.autonomous(h -> h.createQuery("SELECT * FROM access_events WHERE person_id = :p ORDER BY seq").bind("p", personId)
            .map((rs, c) -> new LoggedEvent(rs.getLong("seq") - 1, map(rs))).list());
    }

    @Override
    public long size() {
        return db.autonomous(h -> h.createQuery("SELECT COUNT(*) FROM access_events").mapTo(Long.class).one());
    }

    private static AccessEvent map(ResultSet rs) throws SQLException {
        return new AccessEvent(Times.uuid(rs, "id"), Times.get(rs, "at"), Times.optionalUuid(rs, "actor_user"),
            Optional.ofNullable(rs.getString("organisation_id")), Optional.ofNullable(rs.getString("role")),
            rs.getString("action"), rs.getString("purpose"), Times.optionalUuid(rs, "person_id"),
            new LinkedHashSet<>(Columns.split(rs.getString("categories"))), rs.getBoolean("permitted"),
            Optional.ofNullable(rs.getString("reason")), Times.optionalUuid(rs, "target_id"));
    }
}
