package eu.haven.store;

import eu.haven.core.transparency.CountKey;
import eu.haven.core.transparency.Measure;
import eu.haven.core.transparency.ReportTally;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Writes the transparency report's counts inside the ledger's batch transaction, and remembers
 * who was counted as served this month (in {@code report_served}, and the month's recent ones in
 * memory so that the sequencer rarely asks the database). Runs on the ledger's one sequencer thread.
 */
final class JdbcReportCounts {
    /** At most this many of a month's people are remembered (some 100 bytes each); beyond, the database is asked. */
    private static final int REMEMBER = 1_000_000;
    private final Set<ReportTally.Served> seen = new HashSet<>();
    private String month = "";
    /** Whether {@link #seen} holds every one counted this month, so that one not in it is new without asking. */
    private boolean complete;
    private final boolean shared;

    /** {@code shared}: other servers may append to the same ledger, so what this one remembers is never the whole month. */
    JdbcReportCounts(boolean shared) {
        this.shared = shared;
    }

    /** What {@link #write} added to those served, to remember once the transaction commits. */
    record Written(List<ReportTally.Served> served) {}

    synchronized Written write(Handle tx, ReportTally.Tallied tallied, long countedThrough) {
        Map<CountKey, Long> counts = new LinkedHashMap<>(tallied.counts());
        List<ReportTally.Served> fresh = new ArrayList<>();
        Set<ReportTally.Served> inBatch = new HashSet<>();
        for (ReportTally.Served s : tallied.served()) {
            if (s.month().compareTo(month) > 0) {
                // The month before stays: an event of its last moments may still be on its way.
                tx.createUpdate("DELETE FROM report_served WHERE report_month < :m")
                    .bind("m", java.time.YearMonth.parse(s.month()).minusMonths(1).toString()).execute();
                month = s.month();
                remember(tx);
            }
            if (!seen.contains(s) && inBatch.add(s)) {
                fresh.add(s);
            }
        }
        if (shared) {
            // Servers sharing the database: the insert itself says who is new (what another server counted conflicts).
            for (ReportTally.Served s : insertNew(tx, fresh)) {
                counts.merge(CountKey.of(s.month(), Measure.PEOPLE_SERVED, s.organisationType(), ""), 1L, Long::sum);
            }
            return writeCounts(tx, counts, countedThrough, fresh);
        }
        // Only an event of an earlier month, or a month too big to remember, needs the database's answer.
        Set<ReportTally.Served> known = known(tx, fresh.stream().filter(s -> !complete || !s.month().equals(month)).toList());
        PreparedBatch insert = tx.prepareBatch("INSERT INTO report_served (report_month, org_type, person_id) VALUES (:m, :t, :p) ON CONFLICT DO NOTHING");
        for (ReportTally.Served s : fresh) {
            if (!known.contains(s)) {
                insert.bind("m", s.month()).bind("t", s.organisationType()).bind("p", s.personId()).add();
                counts.merge(CountKey.of(s.month(), Measure.PEOPLE_SERVED, s.organisationType(), ""), 1L, Long::sum);
            }
        }
        if (insert.size() > 0) {
            insert.execute();
        }
        return writeCounts(tx, counts, countedThrough, fresh);
    }

    /**
     * Inserts those served (PostgreSQL: one statement) and returns the rows it inserted: the people not counted yet, by
     * this server or another. The primary key decides, not a query the planner might answer by reading a month's rows.
     */
    private static List<ReportTally.Served> insertNew(Handle tx, List<ReportTally.Served> candidates) {
        List<ReportTally.Served> inserted = new ArrayList<>();
        for (int from = 0; from < candidates.size(); from += 500) {
            List<ReportTally.Served> part = candidates.subList(from, Math.min(candidates.size(), from + 500));
            StringBuilder sql = new StringBuilder("INSERT INTO report_served (report_month, org_type, person_id) VALUES ");
            for (int i = 0; i < part.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append("(:m").append(i).append(", :t").append(i).append(", :p").append(i).append(')');
            }
            sql.append(" ON CONFLICT DO NOTHING RETURNING report_month, org_type, person_id");
            var query = tx.createQuery(sql.toString());
            for (int i = 0; i < part.size(); i++) {
                query.bind("m" + i, part.get(i).month()).bind("t" + i, part.get(i).organisationType()).bind("p" + i, part.get(i).personId());
            }
            query.map((rs, c) -> new ReportTally.Served(rs.getString(1), rs.getString(2), rs.getObject(3, java.util.UUID.class)))
                .forEach(inserted::add);
        }
        return inserted;
    }

    private Written writeCounts(Handle tx, Map<CountKey, Long> counts, long countedThrough, List<ReportTally.Served> fresh) {
        List<Map.Entry<CountKey, Long>> entries = new ArrayList<>(counts.entrySet());
        if (!entries.isEmpty()) {
            PreparedBatch update = tx.prepareBatch("UPDATE report_counts SET n = n + :n WHERE report_month = :m AND measure = :s AND dim1 = :a AND dim2 = :b");
            entries.forEach(c -> bind(update, c).add());
            int[] updated = update.execute();
            PreparedBatch create = tx.prepareBatch("INSERT INTO report_counts (report_month, measure, dim1, dim2, n) VALUES (:m, :s, :a, :b, :n)");
            for (int i = 0; i < entries.size(); i++) {
                if (updated[i] == 0) {
                    bind(create, entries.get(i)).add();
                }
            }
            if (create.size() > 0) {
                create.execute();
            }
        }
        if (tx.createUpdate("UPDATE report_state SET counted_through = :c WHERE id = 1").bind("c", countedThrough).execute() == 0) {
            tx.createUpdate("INSERT INTO report_state (id, counted_through) VALUES (1, :c)").bind("c", countedThrough).execute();
        }
        return new Written(fresh);
    }

    private static PreparedBatch bind(PreparedBatch batch, Map.Entry<CountKey, Long> c) {
        CountKey k = c.getKey();
        return batch.bind("n", c.getValue()).bind("m", k.month()).bind("s", k.measure()).bind("a", k.dim1()).bind("b", k.dim2());
    }

    /** Which of these were already counted: one query per month and organisation type in the batch. */
    private static Set<ReportTally.Served> known(Handle tx, List<ReportTally.Served> candidates) {
        Set<ReportTally.Served> out = new HashSet<>();
        Map<String, List<ReportTally.Served>> groups = new LinkedHashMap<>();
        candidates.forEach(s -> groups.computeIfAbsent(s.month() + "|" + s.organisationType(), k -> new ArrayList<>()).add(s));
        for (List<ReportTally.Served> group : groups.values()) {
            ReportTally.Served first = group.get(0);
            for (int from = 0; from < group.size(); from += 500) {
                List<java.util.UUID> ids = group.subList(from, Math.min(group.size(), from + 500)).stream().map(ReportTally.Served::personId).toList();
                tx.createQuery("SELECT person_id FROM report_served WHERE report_month = :m AND org_type = :t AND person_id IN (<ids>)")
                    .bind("m", first.month()).bind("t", first.organisationType()).bindList("ids", ids).mapTo(java.util.UUID.class)
                    .forEach(id -> out.add(new ReportTally.Served(first.month(), first.organisationType(), id)));
            }
        }
        return out;
    }

    /** The month changed (or the first batch came): remember everyone already counted in it, if they are not too many. */
    private void remember(Handle tx) {
        seen.clear();
        long counted = tx.createQuery("SELECT COUNT(*) FROM report_served WHERE report_month = :m").bind("m", month).mapTo(Long.class).one();
        // Another server sharing the database counts people this one never sees: then the database answers for each.
        complete = counted <= REMEMBER && !shared;
        if (complete) {
            tx.createQuery("SELECT org_type, person_id FROM report_served WHERE report_month = :m").bind("m", month)
                .map((rs, c) -> new ReportTally.Served(month, rs.getString("org_type"), rs.getObject("person_id", java.util.UUID.class)))
                .forEach(seen::add);
        }
    }

    /** The transaction committed: remember who was counted (all of them while the month's list fits, else the latest). */
    synchronized void committed(Written written) {
        if (seen.size() + written.served().size() > REMEMBER) {
            seen.clear();
            complete = false;
        }
        written.served().stream().filter(s -> s.month().equals(month)).forEach(seen::add);
    }

    /** After a failed batch: what is remembered may hold people whose counting was rolled back; ask the database again. */
    synchronized void forget() {
        month = "";
        seen.clear();
        complete = false;
    }

    static long countedThrough(Handle h) {
        return h.createQuery("SELECT counted_through FROM report_state WHERE id = 1").mapTo(Long.class).findOne().orElse(0L);
    }
}
