package eu.haven.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.haven.core.algorithm.AlgorithmEntry;
import eu.haven.core.algorithm.AlgorithmRepository;
import java.util.List;

/** Each version of an entry as its JSON, with its date and author. */
public final class JdbcAlgorithmRepository implements AlgorithmRepository {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An entry as its JSON is kept. */
    record Stored(String id, String name, String provider, String description, String purpose, String legalBasis, String dataUsed,
                  String humanOversight, String risks, String impactAssessment, String contact, String status, boolean highRisk,
                  String riskClassification, List<String> rules, boolean builtIn, String changedAt, String changedBy) {
        static Stored of(AlgorithmEntry e) {
            return new Stored(e.id(), e.name(), e.provider(), e.description(), e.purpose(), e.legalBasis(), e.dataUsed(), e.humanOversight(),
                e.risks(), e.impactAssessment(), e.contact(), e.status().code(), e.highRisk(), e.riskClassification(), e.rules(), e.builtIn(),
                e.changedAt().map(Object::toString).orElseThrow(), e.changedBy().orElseThrow());
        }

        AlgorithmEntry entry() {
            return new AlgorithmEntry(id, name, provider, description, purpose, legalBasis, dataUsed, humanOversight, risks, impactAssessment,
                contact, AlgorithmEntry.Status.parse(status).orElseThrow(), highRisk, riskClassification, List.copyOf(rules), java.util.Map.of(),
                builtIn, java.util.Optional.of(java.time.Instant.parse(changedAt)), java.util.Optional.of(changedBy));
        }
    }
    private final Database db;

    public JdbcAlgorithmRepository(Database db) {
        this.db = db;
    }

    @Override
    public void save(AlgorithmEntry entry) {
        String body;
        try {
            body = JSON.writeValueAsString(Stored.of(entry));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an algorithm entry cannot be written as JSON", e);
        }
        db.with(h -> h.inTransaction(tx -> {
            int version = tx.createQuery("SELECT COALESCE(MAX(version), 0) FROM algorithm_entries WHERE id = :id").bind("id", entry.id())
                .mapTo(Integer.class).one() + 1;
            return tx.createUpdate("INSERT INTO algorithm_entries (id, version, body, changed_at, changed_by) VALUES (:id, :v, :b, :at, :by)")
                .bind("id", entry.id()).bind("v", version).bind("b", body).bind("at", Times.of(entry.changedAt().orElseThrow()))
                .bind("by", entry.changedBy().orElseThrow()).execute();
        }));
    }

    @Override
    public List<AlgorithmEntry> latest() {
        return db.with(h -> h.createQuery("SELECT e.body FROM algorithm_entries e WHERE e.version = "
                + "(SELECT MAX(l.version) FROM algorithm_entries l WHERE l.id = e.id) ORDER BY e.id")
            .mapTo(String.class).list()).stream().map(JdbcAlgorithmRepository::read).toList();
    }

    @Override
    public List<AlgorithmEntry> history(String id) {
        return db.with(h -> h.createQuery("SELECT body FROM algorithm_entries WHERE id = :id ORDER BY version DESC").bind("id", id)
            .mapTo(String.class).list()).stream().map(JdbcAlgorithmRepository::read).toList();
    }

    private static AlgorithmEntry read(String body) {
        try {
            return JSON.readValue(body, Stored.class).entry();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored algorithm entry cannot be read", e);
        }
    }
}
