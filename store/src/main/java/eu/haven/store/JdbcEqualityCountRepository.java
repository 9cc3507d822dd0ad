package eu.haven.store;

import eu.haven.core.equality.EqualityCountRepository;
import eu.haven.core.equality.Outcome;
import java.util.List;

public final class JdbcEqualityCountRepository implements EqualityCountRepository {
    private final Database db;

    public JdbcEqualityCountRepository(Database db) {
        this.db = db;
    }

    @Override
    public synchronized void add(String month, Outcome outcome, String language, String ageGroup, long days) {
        db.autonomous(h -> h.inTransaction(tx -> {
            int updated = tx.createUpdate("UPDATE equality_counts SET n = n + 1, days = days + :d WHERE report_month = :m AND outcome = :o "
                    + "AND language = :l AND age_group = :a").bind("d", days).bind("m", month).bind("o", outcome.code()).bind("l", language)
                .bind("a", ageGroup).execute();
            if (updated == 0) {
                tx.createUpdate("INSERT INTO equality_counts (report_month, outcome, language, age_group, n, days) VALUES (:m, :o, :l, :a, 1, :d)")
                    .bind("d", days).bind("m", month).bind("o", outcome.code()).bind("l", language).bind("a", ageGroup).execute();
            }
            return null;
        }));
    }

    @Override
    public List<Count> between(String fromMonth, String toMonth) {
        return db.autonomous(h -> h.createQuery("SELECT * FROM equality_counts WHERE report_month >= :f AND report_month <= :t")
            .bind("f", fromMonth).bind("t", toMonth)
            .map((rs, c) -> new Count(rs.getString("report_month"), rs.getString("outcome"), rs.getString("language"), rs.getString("age_group"),
                rs.getLong("n"), rs.getLong("days"))).list());
    }
}
