package eu.haven.store;

import eu.haven.core.audit.LedgerStore;
import eu.haven.core.audit.SequencedEvent;
import eu.haven.core.audit.StoredEvent;
import eu.haven.event.AccessEvent;
import eu.haven.event.EventCommitment;
import eu.haven.ledger.Tile;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** The ledger's tables: events with their openings and entries, full hash tiles, signed checkpoints. */
public final class JdbcLedgerStore implements LedgerStore {
    private static final int KEEP_CHECKPOINTS = 1000;
    private static final String INSERT_EVENT = "INSERT INTO ledger_events (idx, entry, salt, id, at, actor_user, organisation_id, "
        + "role, action, purpose, person_id, categories, permitted, reason, target_id, erasure) VALUES (?, ?, ?, ?, ?, CAST(? AS UUID), ?, ?, "
        + "?, ?, CAST(? AS UUID), ?, ?, ?, CAST(? AS UUID), ?)";
    /** The log's end, from the primary key's index (counting the rows, as {@link #extent} does, reads them all). */
    private static final String END = "SELECT COALESCE(MAX(idx) + 1, 0) FROM ledger_events";
    private final Database db;
    private final JdbcReportCounts reportCounts;
    private volatile java.util.Optional<eu.haven.core.transparency.ReportTally> tally = java.util.Optional.empty();

    public JdbcLedgerStore(Database db) {
        this.db = db;
        this.reportCounts = new JdbcReportCounts(db.shared());
    }

    /**
     * From now on, each batch also adds its events to the transparency report's counts, in its own
     * transaction; first counts the stored events not counted yet (all of them, the first time), from
     * their openings: an event whose opening an erasure blanked can no longer be counted. Call before
     * the ledger opens. Returns how many events were counted now.
     */
    public long countWith(eu.haven.core.transparency.ReportTally reportTally) {
        long from = db.autonomous(JdbcReportCounts::countedThrough);
        // The end only (from the primary key's index): counting every row, as extent() does, would read a large ledger whole at start.
        long end = end();
        for (long i = from; i < end; i += 1000) {
            int n = (int) Math.min(1000, end - i);
            List<AccessEvent> opened = events(i, n).stream().flatMap(e -> e.opening().stream()).map(SequencedEvent::event).toList();
            eu.haven.core.transparency.ReportTally.Tallied t = reportTally.tally(opened);
            long through = i + n;
            JdbcReportCounts.Written written = db.autonomous(h -> h.inTransaction(tx -> reportCounts.write(tx, t, through)));
            reportCounts.committed(written);
        }
        this.tally = java.util.Optional.of(reportTally);
        return Math.max(0, end - from);
    }

    @Override
    public Extent extent() {
        return db.autonomous(h -> h.createQuery("SELECT COUNT(*) AS n, COALESCE(MAX(idx) + 1, 0) AS e FROM ledger_events")
            .map((rs, c) -> new Extent(rs.getLong("n"), rs.getLong("e"))).one());
    }

    @Override
    public Extent extentFrom(long from) {
        return db.autonomous(h -> h.createQuery("SELECT (SELECT COUNT(*) FROM ledger_events WHERE idx >= :from) AS n, "
                + "(SELECT COALESCE(MAX(idx) + 1, 0) FROM ledger_events) AS e").bind("from", from)
            .map((rs, c) -> new Extent(rs.getLong("n"), rs.getLong("e"))).one());
    }

    /**
     * One transaction per batch. Plain JDBC rather than JDBI's named binding: this runs on the
     * sequencer's single thread for every access event, and the binding was a tenth of its time.
     */
    @Override
    public void append(List<SequencedEvent> events, List<Tile> completedTiles) {
        inBatchTransaction(tx -> new Batch(events, completedTiles));
    }

    /**
     * On a database other servers may share, the batch's transaction first takes a transaction-scoped advisory lock
     * (so that appends from every server follow one another), then reads the log's end and the rows appended after
     * {@code known}: the planner numbers the batch from that end.
     */
    @Override
    public void append(long known, Planner planner) {
        if (!db.shared()) {
            LedgerStore.super.append(known, planner);
            return;
        }
        inBatchTransaction(tx -> {
            tx.createQuery("SELECT pg_advisory_xact_lock(hashtext('haven-ledger-append:' || current_schema()))").map((rs, c) -> 1).one();
            long end = tx.createQuery(END).mapTo(Long.class).one();
            List<StoredEvent> missed = end > known
                ? tx.createQuery(ROWS + "WHERE idx >= :from AND idx < :to ORDER BY idx").bind("from", known).bind("to", end)
                    .map((rs, c) -> stored(rs)).list()
                : List.of();
            return planner.plan(end, missed);
        });
    }

    @Override
    public boolean shared() {
        return db.shared();
    }

    @Override
    public long end() {
        return db.autonomous(h -> h.createQuery(END).mapTo(Long.class).one());
    }

    private void inBatchTransaction(java.util.function.Function<org.jdbi.v3.core.Handle, Batch> planned) {
        JdbcReportCounts.Written written;
        try {
            written = db.autonomous(h -> h.inTransaction(tx -> {
                Batch batch = planned.apply(tx);
                write(tx.getConnection(), batch.events());
                List<Tile> completedTiles = batch.completedTiles();
                if (!completedTiles.isEmpty()) {
                    PreparedBatch tiles = tx.prepareBatch("INSERT INTO ledger_tiles (tile_level, idx, hashes) VALUES (:l, :i, :h)");
                    completedTiles.forEach(t -> tiles.bind("l", t.level()).bind("i", t.index()).bind("h", t.hashes()).add());
                    tiles.execute();
                }
                List<SequencedEvent> events = batch.events();
                if (tally.isEmpty() || events.isEmpty()) {
                    return null;
                }
                long through = events.get(events.size() - 1).index() + 1;
                return reportCounts.write(tx, tally.get().tally(events.stream().map(SequencedEvent::event).toList()), through);
            }));
        } catch (RuntimeException failed) {
            reportCounts.forget();
            throw failed;
        }
        if (written != null) {
            reportCounts.committed(written);
        }
    }

    private static void write(Connection c, List<SequencedEvent> events) {
        try (PreparedStatement insert = c.prepareStatement(INSERT_EVENT)) {
            for (SequencedEvent s : events) {
                AccessEvent e = s.event();
                insert.setLong(1, s.index());
                insert.setBytes(2, s.entry());
                insert.setBytes(3, s.salt());
                insert.setObject(4, e.id());
                insert.setObject(5, Times.of(EventCommitment.committedTime(e.at())));
                setUuid(insert, 6, e.actorUser());
                setText(insert, 7, e.organisation());
                setText(insert, 8, e.role());
                insert.setString(9, e.action());
                insert.setString(10, e.purpose());
                setUuid(insert, 11, e.personId());
                insert.setString(12, Columns.join(List.copyOf(e.categories())));
                insert.setBoolean(13, e.permitted());
                setText(insert, 14, e.reason());
                setUuid(insert, 15, e.target());
                setText(insert, 16, e.erasure());
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
    }

    private static void setUuid(PreparedStatement st, int column, Optional<UUID> value) throws SQLException {
        if (value.isPresent()) {
            st.setObject(column, value.get());
        } else {
            st.setNull(column, Types.OTHER);
        }
    }

    private static void setText(PreparedStatement st, int column, Optional<String> value) throws SQLException {
        if (value.isPresent()) {
            st.setString(column, value.get());
        } else {
            st.setNull(column, Types.VARCHAR);
        }
    }

    @Override
    public List<byte[]> entries(long from, int count) {
        // LIMIT as well as the range: it keeps PostgreSQL on the primary key's order whatever its statistics say (without
        // them, as after a bulk load with autovacuum off, it chose a parallel bitmap scan and a sort: 80 ms a tile, not 1).
        return db.autonomous(h -> h.createQuery("SELECT entry FROM ledger_events WHERE idx >= :from AND idx < :to ORDER BY idx LIMIT :n")
            .bind("from", from).bind("to", from + count).bind("n", count).map((rs, c) -> rs.getBytes(1)).list());
    }

    @Override
    public List<StoredEvent> events(long from, int count) {
        return db.autonomous(h -> h.createQuery(ROWS + "WHERE idx >= :from AND idx < :to ORDER BY idx LIMIT :n")
            .bind("from", from).bind("to", from + count).bind("n", count)
            .map((rs, c) -> stored(rs)).list());
    }

    @Override
    public List<Long> indicesNaming(UUID personId) {
        return db.autonomous(h -> h.createQuery("SELECT idx FROM ledger_events WHERE person_id = :p ORDER BY idx").bind("p", personId)
            .mapTo(Long.class).list());
    }

    @Override
    public long eraseOpenings(UUID personId, long through) {
        return db.autonomous(h -> h.createUpdate("UPDATE ledger_events SET salt = NULL, id = NULL, at = NULL, actor_user = NULL, "
            + "organisation_id = NULL, role = NULL, action = NULL, purpose = NULL, person_id = NULL, categories = NULL, "
            + "permitted = NULL, reason = NULL, target_id = NULL, erasure = NULL WHERE person_id = :p AND idx <= :t")
            .bind("p", personId).bind("t", through).execute());
    }

    @Override
    public List<StoredEvent> forPerson(UUID personId) {
        return db.autonomous(h -> h.createQuery(ROWS + "WHERE person_id = :p ORDER BY idx").bind("p", personId)
            .map((rs, c) -> stored(rs)).list());
    }

    @Override
    public java.util.Map<String, Long> decisionCounts(java.time.Instant from, java.time.Instant to) {
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        db.autonomous(h -> h.createQuery("SELECT permitted, reason, COUNT(*) AS n FROM ledger_events WHERE at >= :from AND at < :to "
                + "AND permitted IS NOT NULL GROUP BY permitted, reason").bind("from", Times.of(from)).bind("to", Times.of(to))
            .map((rs, c) -> {
                counts.merge(rs.getBoolean("permitted") ? "permitted" : java.util.Optional.ofNullable(rs.getString("reason")).orElse(""),
                    rs.getLong("n"), Long::sum);
                return 0;
            }).list());
        return counts;
    }

    @Override
    public List<StoredEvent> between(Instant from, Instant to, long after, int limit) {
        return db.autonomous(h -> h.createQuery(ROWS + "WHERE at >= :from AND at < :to AND idx > :after ORDER BY idx LIMIT :n")
            .bind("from", Times.of(from)).bind("to", Times.of(to)).bind("after", after).bind("n", limit).map((rs, c) -> stored(rs)).list());
    }

    @Override
    public List<StoredEvent> forPerson(UUID personId, long before, int limit) {
        // Ordered by person first, as the index is: H2 then reads only the rows returned, not all of the person's.
        return db.autonomous(h -> h.createQuery(ROWS + "WHERE person_id = :p AND idx < :before ORDER BY person_id, idx DESC LIMIT :n")
            .bind("p", personId).bind("before", before).bind("n", limit).map((rs, c) -> stored(rs)).list());
    }

    @Override
    public Optional<byte[]> fullTile(int level, long index) {
        return db.autonomous(h -> h.createQuery("SELECT hashes FROM ledger_tiles WHERE tile_level = :l AND idx = :i")
            .bind("l", level).bind("i", index).map((rs, c) -> rs.getBytes(1)).findOne());
    }

    @Override
    public List<Long> tileCounts() {
        List<Long> counts = new ArrayList<>();
        db.autonomous(h -> h.createQuery("SELECT tile_level, COUNT(*) AS n FROM ledger_tiles GROUP BY tile_level")
            .map((rs, c) -> new long[] {rs.getInt(1), rs.getLong(2)}).list()).forEach(row -> {
                while (counts.size() <= row[0]) {
                    counts.add(0L);
                }
                counts.set((int) row[0], row[1]);
            });
        return counts;
    }

    @Override
    public Optional<String> latestCheckpoint() {
        return db.autonomous(h -> h.createQuery("SELECT note FROM ledger_checkpoints ORDER BY tree_size DESC LIMIT 1")
            .mapTo(String.class).findOne());
    }

    @Override
    public void saveCheckpoint(long size, String signedNote, Instant signedAt) {
        db.autonomous(h -> h.inTransaction(tx -> {
            // The same tree signed again replaces its note: after a key rotation, by the new key.
            tx.createUpdate("DELETE FROM ledger_checkpoints WHERE tree_size = :s").bind("s", size).execute();
            // Another server may have signed the same tree meanwhile: with the same key, the same note (Ed25519 is deterministic).
            tx.createUpdate("INSERT INTO ledger_checkpoints (tree_size, note, signed_at) VALUES (:s, :n, :t) ON CONFLICT DO NOTHING")
                .bind("s", size).bind("n", signedNote).bind("t", Times.of(signedAt)).execute();
            tx.createUpdate("DELETE FROM ledger_checkpoints WHERE tree_size < (SELECT tree_size FROM ledger_checkpoints "
                + "ORDER BY tree_size DESC OFFSET " + (KEEP_CHECKPOINTS - 1) + " ROWS FETCH FIRST 1 ROW ONLY)").execute();
            return null;
        }));
    }

    /**
     * Rows with a flag the database computes: a row lacking its salt or any field every event has has
     * no opening, whatever else it still holds.
     */
    private static final String ROWS = "SELECT ledger_events.*, CASE WHEN salt IS NULL OR id IS NULL OR at IS NULL OR action IS NULL "
        + "OR purpose IS NULL OR categories IS NULL OR permitted IS NULL THEN FALSE ELSE TRUE END AS opened FROM ledger_events ";

    private static StoredEvent stored(ResultSet rs) throws SQLException {
        long idx = rs.getLong("idx");
        byte[] entry = rs.getBytes("entry");
        if (!rs.getBoolean("opened")) {
            return new StoredEvent(idx, entry, Optional.empty());
        }
        return new StoredEvent(idx, entry, Optional.of(new SequencedEvent(idx, event(rs), rs.getBytes("salt"), entry)));
    }

    private static AccessEvent event(ResultSet rs) throws SQLException {
        return new AccessEvent(Times.uuid(rs, "id"), Times.get(rs, "at"), Times.optionalUuid(rs, "actor_user"),
            Optional.ofNullable(rs.getString("organisation_id")), Optional.ofNullable(rs.getString("role")),
            rs.getString("action"), rs.getString("purpose"), Times.optionalUuid(rs, "person_id"),
            new LinkedHashSet<>(Columns.split(rs.getString("categories"))), rs.getBoolean("permitted"),
            Optional.ofNullable(rs.getString("reason")), Times.optionalUuid(rs, "target_id"), Optional.ofNullable(rs.getString("erasure")));
    }
}
