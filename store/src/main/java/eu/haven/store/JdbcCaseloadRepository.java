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
        write(organisation, personId, termHashes, true);
    }

    @Override
    public void indexFirst(String organisation, UUID personId, Set<String> termHashes) {
        try {
            write(organisation, personId, termHashes, false);
        } catch (RuntimeException indexedMeanwhile) {
            // The person's names were indexed meanwhile (their identity record changed): replace them.
            write(organisation, personId, termHashes, true);
        }
    }

    private void write(String organisation, UUID personId, Set<String> termHashes, boolean replace) {
        db.inTransaction(() -> db.with(h -> {
            if (replace) {
                h.createUpdate("DELETE FROM caseload_names WHERE organisation_id = :o AND person_id = :p")
                    .bind("o", organisation).bind("p", personId).execute();
            }
            var batch = h.prepareBatch("INSERT INTO caseload_names (organisation_id, person_id, term_hash) VALUES (:o, :p, :t)");
            for (String t : termHashes) {
                batch.bind("o", organisation).bind("p", personId).bind("t", t).add();
            }
            return batch.execute();
        }));
    }

    /**
     * The caseload's people: relationships, and accepted referrals under a live consent for the purpose that covers
     * the person's name (categories and purposes are stored as space-separated codes).
     */
    private static String people(boolean filtered) {
        return "(SELECT person_id, since FROM relationships WHERE organisation_id = :o" + named("person_id", filtered) + " UNION ALL "
            + "SELECT f.person_id, MAX(f.decided_at) FROM referrals f JOIN consents k ON k.id = f.consent_id WHERE f.to_id = :o "
            + "AND f.status = 'ACCEPTED' AND k.withdrawn_at IS NULL AND k.given_at <= :now AND (k.expires_at IS NULL OR k.expires_at > :now) "
            + "AND (' ' || k.categories || ' ') LIKE :identity AND (' ' || k.purposes || ' ') LIKE :purpose "
            + "AND NOT EXISTS (SELECT 1 FROM relationships x WHERE x.organisation_id = :o AND x.person_id = f.person_id)"
            + named("f.person_id", filtered) + " GROUP BY f.person_id)";
    }

    /** The people whose indexed names hold every word asked for, read from the index's primary key. */
    private static final String MATCHING = "(SELECT n.person_id FROM caseload_names n WHERE n.organisation_id = :o "
        + "AND n.term_hash IN (<hashes>) GROUP BY n.person_id HAVING COUNT(DISTINCT n.term_hash) = :needed)";

    /**
     * The name filter, inside each part of the union: outside it, the database would first gather the whole
     * caseload (and each one's last record) and filter after.
     */
    private static String named(String column, boolean filtered) {
        return filtered ? " AND " + column + " IN " + MATCHING : "";
    }

    @Override
    public Rows page(String organisation, String purpose, String identity, List<String> required, Instant now, int offset, int limit) {
        return db.with(h -> {
            // Most organisations have no accepted referral: their caseload is their relationships alone, a statement the
            // database answers from the primary key (a fifth of the union's time, measured with 5,000 people in H2).
            boolean referred = h.createQuery("SELECT 1 FROM referrals WHERE to_id = :o AND status = 'ACCEPTED' FETCH FIRST 1 ROWS ONLY")
                .bind("o", organisation).mapTo(Integer.class).findOne().isPresent();
            String people = referred ? people(!required.isEmpty()) + " r"
                : "relationships r WHERE r.organisation_id = :o" + named("r.person_id", !required.isEmpty());
            // One statement: the page and, on every row, how many match in all (a subquery the database answers once: as a
            // window, COUNT(*) OVER (), H2 took five times as long for the whole statement); the last record is read for the
            // page's rows only.
            var rows = bindPeople(h.createQuery("SELECT p.person_id, p.since, (SELECT COUNT(*) FROM " + people + ") AS total, "
                + "(SELECT MAX(c.created_at) FROM records c WHERE c.person_id = p.person_id AND c.organisation_id = :o) AS last_record "
                + "FROM (SELECT r.person_id, r.since FROM " + people + " ORDER BY r.since DESC, r.person_id LIMIT :n OFFSET :skip) p "
                + "ORDER BY p.since DESC, p.person_id"), organisation, purpose, identity, now, referred)
                .bind("n", limit).bind("skip", offset);
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
                var count = bindPeople(h.createQuery("SELECT COUNT(*) FROM " + people), organisation, purpose, identity, now, referred);
                if (!required.isEmpty()) {
                    count.bindList("hashes", required).bind("needed", required.size());
                }
                total[0] = count.mapTo(Integer.class).one();
            }
            return new Rows(list, total[0]);
        });
    }

    private static org.jdbi.v3.core.statement.Query bindPeople(org.jdbi.v3.core.statement.Query q, String organisation, String purpose,
                                                                String identity, Instant now, boolean referred) {
        q.bind("o", organisation);
        return referred ? q.bind("now", Times.of(now)).bind("identity", "% " + identity + " %").bind("purpose", "% " + purpose + " %") : q;
    }

    @Override
    public List<UUID> unindexed(String organisation, int limit) {
        return db.with(h -> h.createQuery("SELECT DISTINCT r.person_id FROM (SELECT person_id FROM relationships WHERE organisation_id = :o "
                + "UNION SELECT person_id FROM referrals WHERE to_id = :o AND status = 'ACCEPTED') r WHERE NOT EXISTS "
                + "(SELECT 1 FROM caseload_names n WHERE n.organisation_id = :o AND n.person_id = r.person_id) LIMIT :n")
            .bind("o", organisation).bind("n", limit).map((rs, c) -> Times.uuid(rs, "person_id")).list());
    }

    @Override
    public List<String> organisations() {
        return db.with(h -> h.createQuery("SELECT organisation_id FROM relationships UNION SELECT to_id FROM referrals WHERE status = 'ACCEPTED'").mapTo(String.class).list());
    }
}
