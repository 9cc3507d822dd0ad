package eu.haven.store;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A table of bearer tokens, kept as hashes with their owner and expiry: staff tokens and the
 * sessions people open with their access code. Table and column names are constants of the
 * callers, never input.
 */
final class BearerTable {
    record Row(UUID owner, Instant expiresAt) {}

    private final Database db;
    private final String table;
    private final String owner;

    BearerTable(Database db, String table, String ownerColumn) {
        this.db = db;
        this.table = table;
        this.owner = ownerColumn;
    }

    void save(String tokenHash, UUID ownerId, Instant expiresAt) {
        db.with(h -> h.createUpdate("INSERT INTO " + table + " (token_hash, " + owner + ", expires_at) VALUES (:t, :o, :e)")
            .bind("t", tokenHash).bind("o", ownerId).bind("e", Times.of(expiresAt)).execute());
    }

    Optional<Row> find(String tokenHash) {
        return db.with(h -> h.createQuery("SELECT " + owner + ", expires_at FROM " + table + " WHERE token_hash = :t")
            .bind("t", tokenHash).map((rs, c) -> new Row(Times.uuid(rs, owner), Times.get(rs, "expires_at"))).findOne());
    }

    void delete(String tokenHash) {
        db.with(h -> h.createUpdate("DELETE FROM " + table + " WHERE token_hash = :t").bind("t", tokenHash).execute());
    }

    void deleteFor(UUID ownerId) {
        db.with(h -> h.createUpdate("DELETE FROM " + table + " WHERE " + owner + " = :o").bind("o", ownerId).execute());
    }

    void deleteExpired(Instant now) {
        db.with(h -> h.createUpdate("DELETE FROM " + table + " WHERE expires_at <= :now").bind("now", Times.of(now)).execute());
    }
}
