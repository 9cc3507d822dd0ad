package eu.haven.store;

import eu.haven.core.transparency.CountKey;
import eu.haven.core.transparency.ReportCountRepository;
import java.util.HashMap;
import java.util.Map;

public final class JdbcReportCountRepository implements ReportCountRepository {
    private final Database db;

    public JdbcReportCountRepository(Database db) {
        this.db = db;
    }

    @Override
    public Map<CountKey, Long> between(String fromMonth, String toMonth) {
        Map<CountKey, Long> out = new HashMap<>();
        db.autonomous(h -> h.createQuery("SELECT report_month, measure, dim1, dim2, n FROM report_counts WHERE report_month >= :f AND report_month <= :t")
            .bind("f", fromMonth).bind("t", toMonth)
            .map((rs, c) -> out.put(new CountKey(rs.getString("report_month"), rs.getString("measure"), rs.getString("dim1"), rs.getString("dim2")),
                rs.getLong("n"))).list());
        return out;
    }
}
