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

/**
 * Writes the transparency report's counts inside the ledger's batch transaction, and remembers
 * who was counted as served this month (in {@code report_served}, and the month's recent ones in
 * memory so that the sequencer rarely asks the database). Runs on the ledger's one sequencer thread.
 */
final class JdbcReportCounts {
    private static final int REMEMBER = 200_000;
    private final Set<ReportTally.Served> seen = new HashSet<>();
    private String month = "";

    /** What {@link #write} added to those served, to remember once the transaction commits. */
    record Written(List<ReportTally.Served> served) {}

    synchronized Written write(Handle tx, ReportTally.Tallied tallied, long countedThrough) {
        Map<CountKey, Long> counts = new LinkedHashMap<>(tallied.counts());
        List<ReportTally.Served> fresh = new ArrayList<>();
        Set<ReportTally.Served> inBatch = new HashSet<>();
        for (ReportTally.Served s : tallied.served()) {
            if (!s.month().equals(month) && s.month().compareTo(month) > 0) {
                tx.createUpdate("DELETE FROM report_served WHERE report_month < :m").bind("m", s.month()).execute();
                seen.clear();
                month = s.month();
            }
            if (seen.contains(s) || !inBatch.add(s)) {
                continue;
            }
            boolean known = tx.createQuery("SELECT COUNT(*) FROM report_served WHERE report_month = :m AND org_type = :t AND person_id = :p")
                .bind("m", s.month()).bind("t", s.organisationType()).bind("p", s.personId()).mapTo(Long.class).one() > 0;
            if (!known) {
                tx.createUpdate("INSERT INTO report_served (report_month, org_type, person_id) VALUES (:m, :t, :p)")
                    .bind("m", s.month()).bind("t", s.organisationType()).bind("p", s.personId()).execute();
                counts.merge(CountKey.of(s.month(), Measure.PEOPLE_SERVED, s.organisationType(), ""), 1L, Long::sum);
            }
            fresh.add(s);
        }
        for (Map.Entry<CountKey, Long> c : counts.entrySet()) {
            CountKey k = c.getKey();
            int updated = tx.createUpdate("UPDATE report_counts SET n = n + :n WHERE report_month = :m AND measure = :s AND dim1 = :a AND dim2 = :b")
                .bind("n", c.getValue()).bind("m", k.month()).bind("s", k.measure()).bind("a", k.dim1()).bind("b", k.dim2()).execute();
            if (updated == 0) {
                tx.createUpdate("INSERT INTO report_counts (report_month, measure, dim1, dim2, n) VALUES (:m, :s, :a, :b, :n)")
                    .bind("n", c.getValue()).bind("m", k.month()).bind("s", k.measure()).bind("a", k.dim1()).bind("b", k.dim2()).execute();
            }
        }
        if (tx.createUpdate("UPDATE report_state SET counted_through = :c WHERE id = 1").bind("c", countedThrough).execute() == 0) {
            tx.createUpdate("INSERT INTO report_state (id, counted_through) VALUES (1, :c)").bind("c", countedThrough).execute();
        }
        return new Written(fresh);
    }

    /** The transaction committed: remember who was counted (forgetting all once the month's list grows too long). */
    synchronized void committed(Written written) {
        if (seen.size() + written.served().size() > REMEMBER) {
            seen.clear();
        }
        written.served().stream().filter(s -> s.month().equals(month)).forEach(seen::add);
    }

    static long countedThrough(Handle h) {
        return h.createQuery("SELECT counted_through FROM report_state WHERE id = 1").mapTo(Long.class).findOne().orElse(0L);
    }
}
