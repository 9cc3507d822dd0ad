package eu.haven.store;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A table of bearer tokens, kept as hashes with their owner and expiry: staff tokens and the
 * sessions people open with their access code. Table and column names are constants of the
 * callers, never input. Tokens found are kept in memory (at most {@link #KEPT}) until they are
 * deleted through this table: every request presents one, and a deletion (sign-out, a new code, an
 * erasure) takes effect at once. A row read while a deletion ran is not kept. When other servers may share the
 * database ({@link Database#shared}), nothing is kept: a sign-out through one server ends the session on all.
 */
final class BearerTable {
    record Row(UUID owner, Instant expiresAt) {}

    static final int KEPT = 10_000;
    private final java.util.concurrent.ConcurrentHashMap<String, Row> known = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong deletions = new java.util.concurrent.atomic.AtomicLong();
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
        Row kept = known.get(tokenHash);
        if (kept != null) {
            return Optional.of(kept);
        }
        long before = deletions.get();
        Optional<Row> row = db.with(h -> h.createQuery("SELECT " + owner + ", expires_at FROM " + table + " WHERE token_hash = :t")
            .bind("t", tokenHash).map((rs, c) -> new Row(Times.uuid(rs, owner), Times.get(rs, "expires_at"))).findOne());
        if (row.isPresent() && known.size() < KEPT && !db.shared()) {
            known.put(tokenHash, row.get());
            if (deletions.get() != before) {
                known.remove(tokenHash);
            }
        }
        return row;
    }

    void delete(String tokenHash) {
        deletions.incrementAndGet();
        known.remove(tokenHash);
        db.with(h -> h.createUpdate("DELETE FROM " + table + " WHERE token_hash = :t").bind("t", tokenHash).execute());
        known.remove(tokenHash);
    }

    void deleteFor(UUID ownerId) {
        deletions.incrementAndGet();
        known.values().removeIf(r -> r.owner().equals(ownerId));
        db.with(h -> h.createUpdate("DELETE FROM " + table + " WHERE " + owner + " = :o").bind("o", ownerId).execute());
        known.values().removeIf(r -> r.owner().equals(ownerId));
    }

    void deleteExpired(Instant now) {
        known.values().removeIf(r -> !r.expiresAt().isAfter(now));
        db.with(h -> h.createUpdate("DELETE FROM " + table + " WHERE expires_at <= :now").bind("now", Times.of(now)).execute());
    }
}
