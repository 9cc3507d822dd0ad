package eu.haven.store;

import eu.haven.core.caseload.CaseloadRepository;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The caseload's rows from {@code relationships}, and its keyed name hashes in {@code caseload_names}. */
public final class JdbcCaseloadRepository implements CaseloadRepository {
    private final Database db;

    public JdbcCaseloadRepository(Database db) {
        this.db = db;
    }

    @Override
    public void index(String organisation, UUID personId, Set<String> termHashes) {
        db.inTransaction(() -> db.with(h -> {
            h.createUpdate("DELETE FROM caseload_names WHERE organisation_id = :o AND person_id = :p")
                .bind("o", organisation).bind("p", personId).execute();
            var batch = h.prepareBatch("INSERT INTO caseload_names (organisation_id, person_id, term_hash) VALUES (:o, :p, :t)");
            for (String t : termHashes) {
                batch.bind("o", organisation).bind("p", personId).bind("t", t).add();
            }
            return batch.execute();
        }));
    }

    @Override
    public Rows page(String organisation, List<String> required, int offset, int limit) {
        String matching = required.isEmpty() ? "" : " AND r.person_id IN (SELECT n.person_id FROM caseload_names n WHERE "
            + "n.organisation_id = :o AND n.term_hash IN (<hashes>) GROUP BY n.person_id HAVING COUNT(DISTINCT n.term_hash) = :needed)";
        return db.with(h -> {
            // One statement: the page and, on every row, how many match in all.
            var rows = h.createQuery("SELECT r.person_id, r.since, COUNT(*) OVER () AS total, (SELECT MAX(c.created_at) FROM records c "
                + "WHERE c.person_id = r.person_id AND c.organisation_id = :o) AS last_record FROM relationships r WHERE r.organisation_id = :o"
                + matching + " ORDER BY r.since DESC, r.person_id LIMIT :n OFFSET :skip").bind("o", organisation).bind("n", limit)
                .bind("skip", offset);
            if (!required.isEmpty()) {
                rows.bindList("hashes", required).bind("needed", required.size());
            }
            int[] total = {0};
            List<Row> list = rows.map((rs, c) -> {
                total[0] = rs.getInt("total");
                Instant since = Times.get(rs, "since");
                Instant last = rs.getObject("last_record") == null ? since : Times.get(rs, "last_record");
                return new Row(Times.uuid(rs, "person_id"), since, last.isAfter(since) ? last : since);
            }).list();
            if (list.isEmpty() && offset > 0) {
                // Past the last page: the count alone.
                var count = h.createQuery("SELECT COUNT(*) FROM relationships r WHERE r.organisation_id = :o" + matching).bind("o", organisation);
                if (!required.isEmpty()) {
                    count.bindList("hashes", required).bind("needed", required.size());
                }
                total[0] = count.mapTo(Integer.class).one();
            }
            return new Rows(list, total[0]);
        });
    }

    @Override
    public List<UUID> unindexed(String organisation, int limit) {
        return db.with(h -> h.createQuery("SELECT r.person_id FROM relationships r WHERE r.organisation_id = :o AND NOT EXISTS "
                + "(SELECT 1 FROM caseload_names n WHERE n.organisation_id = r.organisation_id AND n.person_id = r.person_id) LIMIT :n")
            .bind("o", organisation).bind("n", limit).map((rs, c) -> Times.uuid(rs, "person_id")).list());
    }

    @Override
    public List<String> organisations() {
        return db.with(h -> h.createQuery("SELECT DISTINCT organisation_id FROM relationships").mapTo(String.class).list());
    }
}
