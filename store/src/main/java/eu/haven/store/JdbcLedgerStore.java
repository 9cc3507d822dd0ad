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
        + "role, action, purpose, person_id, categories, permitted, reason, target_id, erasure, person_prev) VALUES (?, ?, ?, ?, ?, "
        + "CAST(? AS UUID), ?, ?, ?, ?, CAST(? AS UUID), ?, ?, ?, CAST(? AS UUID), ?, ?)";
    /** The log's end, from the primary key's index (counting the rows, as {@link #extent} does, reads them all). */
    private static final String END = "SELECT COALESCE(MAX(idx) + 1, 0) FROM ledger_events";
    private final Database db;
    private final JdbcReportCounts reportCounts;
    /** Appends and erasures follow one another (on a shared database, also under the advisory lock): both move the people's heads. */
    private final java.util.concurrent.locks.ReentrantLock writing = new java.util.concurrent.locks.ReentrantLock();
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
            lockShared(tx);
            long end = tx.createQuery(END).mapTo(Long.class).one();
            List<StoredEvent> missed = end > known
                ? tx.createQuery(ROWS + "WHERE idx >= :from AND idx < :to ORDER BY idx").bind("from", known).bind("to", end)
                    .map((rs, c) -> stored(rs)).list()
                : List.of();
            return planner.plan(end, missed);
        });
    }

    private static void lockShared(org.jdbi.v3.core.Handle tx) {
        tx.createQuery("SELECT pg_advisory_xact_lock(hashtext('haven-ledger-append:' || current_schema()))").map((rs, c) -> 1).one();
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
        writing.lock();
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
        } finally {
            writing.unlock();
        }
        if (written != null) {
            reportCounts.committed(written);
        }
    }

    /**
     * Each event naming a person links to the previous one naming them, and the person's head moves to their newest:
     * one row per person a batch, where an index on the person made every event an insert at a random place in a tree
     * as large as the ledger (on H2, half of an append's time).
     */
    private static void write(Connection c, List<SequencedEvent> events) {
        java.util.LinkedHashSet<UUID> named = new java.util.LinkedHashSet<>();
        events.forEach(s -> s.event().personId().ifPresent(named::add));
        java.util.Map<UUID, Long> heads = heads(c, List.copyOf(named));
        java.util.Set<UUID> known = java.util.Set.copyOf(heads.keySet());
        try (PreparedStatement insert = c.prepareStatement(INSERT_EVENT)) {
            for (SequencedEvent s : events) {
                AccessEvent e = s.event();
                Optional<Long> previous = e.personId().map(p -> heads.put(p, s.index()));
                if (previous.isPresent()) {
                    insert.setLong(17, previous.get());
                } else {
                    insert.setNull(17, Types.BIGINT);
                }
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
        try (PreparedStatement update = c.prepareStatement("UPDATE ledger_person_heads SET last_idx = ? WHERE person_id = ?");
             PreparedStatement add = c.prepareStatement("INSERT INTO ledger_person_heads (person_id, last_idx) VALUES (?, ?)")) {
            for (UUID p : named) {
                if (known.contains(p)) {
                    update.setLong(1, heads.get(p));
                    update.setObject(2, p);
                    update.addBatch();
                } else {
                    add.setObject(1, p);
                    add.setLong(2, heads.get(p));
                    add.addBatch();
                }
            }
            update.executeBatch();
            add.executeBatch();
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
    }

    /** Lists of people are read in a few sizes (the last padded with repeats), so that the database plans a few statements. */
    private static final int[] LOOKUPS = {1, 8, 64, 256};

    private static java.util.Map<UUID, Long> heads(Connection c, List<UUID> people) {
        java.util.Map<UUID, Long> heads = new java.util.HashMap<>();
        for (int from = 0; from < people.size(); ) {
            int left = people.size() - from;
            int size = java.util.Arrays.stream(LOOKUPS).filter(n -> n >= left).findFirst().orElse(LOOKUPS[LOOKUPS.length - 1]);
            String marks = String.join(", ", java.util.Collections.nCopies(size, "?"));
            try (PreparedStatement read = c.prepareStatement("SELECT person_id, last_idx FROM ledger_person_heads WHERE person_id IN ("
                + marks + ")")) {
                for (int i = 0; i < size; i++) {
                    read.setObject(i + 1, people.get(from + Math.min(i, left - 1)));
                }
                try (ResultSet rs = read.executeQuery()) {
                    while (rs.next()) {
                        heads.put(rs.getObject(1, UUID.class), rs.getLong(2));
                    }
                }
            } catch (SQLException e) {
                throw new UnableToExecuteStatementException(e, null);
            }
            from += Math.min(size, left);
        }
        return heads;
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

    /**
     * The person's events from index {@code :start} back, following each row's link to the previous one naming them, at
     * most {@code :n}: a step must name the person and go back, so that no altered link leads elsewhere or round.
     */
    private static final String CHAIN = "WITH RECURSIVE chain (idx, prev, n) AS (SELECT idx, person_prev, 1 FROM ledger_events "
        + "WHERE idx = :start AND person_id = :p UNION ALL SELECT e.idx, e.person_prev, c.n + 1 FROM chain c JOIN ledger_events e "
        + "ON e.idx = c.prev WHERE e.person_id = :p AND e.idx < c.idx AND c.n < :n) ";

    private static Optional<Long> head(org.jdbi.v3.core.Handle h, UUID personId) {
        return h.createQuery("SELECT last_idx FROM ledger_person_heads WHERE person_id = :p").bind("p", personId).mapTo(Long.class).findOne();
    }

    /** Newest first, from {@code start} back, at most {@code limit}. */
    private static List<StoredEvent> chain(org.jdbi.v3.core.Handle h, UUID personId, Optional<Long> start, int limit) {
        if (start.isEmpty()) {
            return List.of();
        }
        return h.createQuery(CHAIN + ROWS + "WHERE idx IN (SELECT idx FROM chain) ORDER BY idx DESC").bind("start", start.get())
            .bind("p", personId).bind("n", limit).map((rs, c) -> stored(rs)).list();
    }

    private static List<Long> indices(org.jdbi.v3.core.Handle h, UUID personId) {
        Optional<Long> start = head(h, personId);
        if (start.isEmpty()) {
            return List.of();
        }
        return h.createQuery(CHAIN + "SELECT idx FROM chain ORDER BY idx").bind("start", start.get()).bind("p", personId)
            .bind("n", Integer.MAX_VALUE).mapTo(Long.class).list();
    }

    @Override
    public List<Long> indicesNaming(UUID personId) {
        return db.autonomous(h -> indices(h, personId));
    }

    /**
     * Blanks the openings and the links of the person's events up to {@code through}; the first of their later events
     * (appended meanwhile) then starts their events, and with none the person's head goes: nothing left links a blank
     * row to anyone. Serialised with appends, which move the heads too.
     */
    @Override
    public long eraseOpenings(UUID personId, long through) {
        writing.lock();
        try {
            return db.autonomous(h -> h.inTransaction(tx -> {
                if (db.shared()) {
                    lockShared(tx);
                }
                List<Long> all = indices(tx, personId);
                List<Long> erased = all.stream().filter(i -> i <= through).toList();
                List<Long> later = all.stream().filter(i -> i > through).toList();
                var blank = tx.prepareBatch("UPDATE ledger_events SET salt = NULL, id = NULL, at = NULL, actor_user = NULL, "
                    + "organisation_id = NULL, role = NULL, action = NULL, purpose = NULL, person_id = NULL, categories = NULL, "
                    + "permitted = NULL, reason = NULL, target_id = NULL, erasure = NULL, person_prev = NULL WHERE idx = :i AND person_id = :p");
                erased.forEach(i -> blank.bind("i", i).bind("p", personId).add());
                long count = erased.isEmpty() ? 0 : java.util.Arrays.stream(blank.execute()).sum();
                if (later.isEmpty()) {
                    tx.createUpdate("DELETE FROM ledger_person_heads WHERE person_id = :p").bind("p", personId).execute();
                } else {
                    tx.createUpdate("UPDATE ledger_events SET person_prev = NULL WHERE idx = :i").bind("i", later.get(0)).execute();
                }
                return count;
            }));
        } finally {
            writing.unlock();
        }
    }

    @Override
    public List<StoredEvent> forPerson(UUID personId) {
        List<StoredEvent> rows = new ArrayList<>(db.autonomous(h -> chain(h, personId, head(h, personId), Integer.MAX_VALUE)));
        java.util.Collections.reverse(rows);
        return rows;
    }

    @Override
    public java.util.Optional<java.util.Map<UUID, Long>> personHeads() {
        return java.util.Optional.of(db.autonomous(h -> h.createQuery("SELECT person_id, last_idx FROM ledger_person_heads")
            .map((rs, c) -> java.util.Map.entry(Times.uuid(rs, "person_id"), rs.getLong("last_idx")))
            .collect(java.util.stream.Collectors.toMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue))));
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

    /**
     * From the person's head, or, when {@code before} is one of their events (the last of the page before), from the event
     * it links to; otherwise from the head, all the way back.
     */
    @Override
    public List<StoredEvent> forPerson(UUID personId, long before, int limit) {
        return db.autonomous(h -> {
            Optional<Long> head = head(h, personId);
            if (head.isPresent() && head.get() < before) {
                return chain(h, personId, head, limit);
            }
            Optional<Optional<Long>> linked = h.createQuery("SELECT person_prev FROM ledger_events WHERE idx = :b AND person_id = :p")
                .bind("b", before).bind("p", personId).map((rs, c) -> Optional.ofNullable((Long) rs.getObject(1, Long.class))).findOne();
            if (linked.isPresent()) {
                return chain(h, personId, linked.get(), limit);
            }
            return chain(h, personId, head, Integer.MAX_VALUE).stream().filter(e -> e.index() < before).limit(limit).toList();
        });
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
        long prev = rs.getLong("person_prev");
        java.util.OptionalLong previous = rs.wasNull() ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(prev);
        if (!rs.getBoolean("opened")) {
            return new StoredEvent(idx, entry, Optional.empty(), previous);
        }
        return new StoredEvent(idx, entry, Optional.of(new SequencedEvent(idx, event(rs), rs.getBytes("salt"), entry)), previous);
    }

    private static AccessEvent event(ResultSet rs) throws SQLException {
        return new AccessEvent(Times.uuid(rs, "id"), Times.get(rs, "at"), Times.optionalUuid(rs, "actor_user"),
            Optional.ofNullable(rs.getString("organisation_id")), Optional.ofNullable(rs.getString("role")),
            rs.getString("action"), rs.getString("purpose"), Times.optionalUuid(rs, "person_id"),
            new LinkedHashSet<>(Columns.split(rs.getString("categories"))), rs.getBoolean("permitted"),
            Optional.ofNullable(rs.getString("reason")), Times.optionalUuid(rs, "target_id"), Optional.ofNullable(rs.getString("erasure")));
    }
}
