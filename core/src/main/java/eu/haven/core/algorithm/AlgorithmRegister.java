package eu.haven.core.algorithm;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import eu.haven.core.access.Recorder;
import eu.haven.core.error.ErrorCode;
import eu.haven.core.error.HavenException;
import eu.haven.core.policy.Action;
import eu.haven.core.staff.Actor;
import eu.haven.core.staff.Role;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The public register of the automated procedures Haven runs (shipped with the code in
 * {@code algorithms/haven.yaml}, their parameters read from this installation's configuration) and
 * of any the city adds. The data protection officer edits it; every version is kept with its date and
 * author, and each change is recorded in the ledger (naming no person). A procedure's rules and
 * parameters cannot be edited: they say what the code does.
 */
public final class AlgorithmRegister {
    private static final int TEXT_LIMIT = 4000;
    private final List<AlgorithmEntry> shipped;
    private final Map<String, Supplier<Map<String, String>>> parameters;
    private final AlgorithmRepository repository;
    private final Recorder recorder;
    private final Clock clock;
    private final java.util.function.Function<java.util.UUID, String> usernames;

    /**
     * {@code parameters}: for each of Haven's own procedures, the values it runs with here;
     * {@code usernames}: a staff account's name by its id, to say who changed an entry.
     */
    public AlgorithmRegister(Map<String, Supplier<Map<String, String>>> parameters, AlgorithmRepository repository, Recorder recorder, Clock clock,
                             java.util.function.Function<java.util.UUID, String> usernames) {
        this.usernames = usernames;
        this.shipped = bundled();
        this.parameters = Map.copyOf(parameters);
        this.repository = repository;
        this.recorder = recorder;
        this.clock = clock;
    }

    /** Haven's own entries as shipped, without this installation's parameters or edits. */
    public static List<AlgorithmEntry> bundled() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        try (InputStream in = AlgorithmRegister.class.getResourceAsStream("/algorithms/haven.yaml")) {
            JsonNode root = yaml.readTree(in);
            List<AlgorithmEntry> out = new ArrayList<>();
            for (JsonNode e : root.get("algorithms")) {
                List<String> rules = new ArrayList<>();
                e.path("rules").forEach(r -> rules.add(r.asText()));
                out.add(new AlgorithmEntry(e.get("id").asText(), e.get("name").asText(), e.get("provider").asText(),
                    e.get("description").asText(), e.get("purpose").asText(), e.get("legalBasis").asText(), e.get("dataUsed").asText(),
                    e.get("humanOversight").asText(), e.get("risks").asText(), e.get("impactAssessment").asText(), e.get("contact").asText(),
                    AlgorithmEntry.Status.parse(e.get("status").asText()).orElseThrow(), e.get("highRisk").asBoolean(),
                    e.get("riskClassification").asText(), List.copyOf(rules), Map.of(), true, Optional.empty(), Optional.empty()));
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException("the bundled algorithm register cannot be read", e);
        }
    }

    /** Every entry as published: Haven's own (as edited here, with their parameters), then the city's. */
    public List<AlgorithmEntry> entries() {
        Map<String, AlgorithmEntry> edited = new LinkedHashMap<>();
        repository.latest().forEach(e -> edited.put(e.id(), e));
        List<AlgorithmEntry> out = new ArrayList<>();
        for (AlgorithmEntry own : shipped) {
            AlgorithmEntry base = Optional.ofNullable(edited.remove(own.id())).orElse(own);
            out.add(new AlgorithmEntry(own.id(), base.name(), base.provider(), base.description(), base.purpose(), base.legalBasis(),
                base.dataUsed(), base.humanOversight(), base.risks(), base.impactAssessment(), base.contact(), base.status(), base.highRisk(),
                base.riskClassification(), own.rules(), Optional.ofNullable(parameters.get(own.id())).map(Supplier::get).orElse(Map.of()),
                true, base.changedAt(), base.changedBy()));
        }
        out.addAll(edited.values());
        return List.copyOf(out);
    }

    public Optional<AlgorithmEntry> entry(String id) {
        return entries().stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** Every version of an entry kept here, newest first. */
    public List<AlgorithmEntry> history(String id) {
        return repository.history(id);
    }

    /**
     * The data protection officer adds an entry or changes one: a new version, kept with the date and
     * the officer's account. For Haven's own entries, the rules and parameters stay the code's.
     */
    public AlgorithmEntry save(Actor officer, AlgorithmEntry entry) {
        if (officer.role() != Role.DPO) {
            throw new HavenException(ErrorCode.ROLE, "The algorithm register is edited by the data protection officer.");
        }
        if (!entry.id().matches("[a-z0-9][a-z0-9-]{1,62}")) {
            throw HavenException.invalid("id", "An entry's id is 2 to 63 lower-case letters, digits and hyphens.");
        }
        for (String[] field : List.of(new String[] {"name", entry.name()}, new String[] {"description", entry.description()},
            new String[] {"purpose", entry.purpose()}, new String[] {"legalBasis", entry.legalBasis()}, new String[] {"dataUsed", entry.dataUsed()},
            new String[] {"humanOversight", entry.humanOversight()}, new String[] {"risks", entry.risks()},
            new String[] {"contact", entry.contact()}, new String[] {"provider", entry.provider()})) {
            eu.haven.core.error.Validation.text(field[1], field[0], TEXT_LIMIT);
        }
        boolean own = shipped.stream().anyMatch(s -> s.id().equals(entry.id()));
        AlgorithmEntry kept = new AlgorithmEntry(entry.id(), entry.name().strip(), entry.provider().strip(), entry.description().strip(),
            entry.purpose().strip(), entry.legalBasis().strip(), entry.dataUsed().strip(), entry.humanOversight().strip(), entry.risks().strip(),
            Optional.ofNullable(entry.impactAssessment()).map(String::strip).orElse(""), entry.contact().strip(), entry.status(),
            entry.highRisk(), Optional.ofNullable(entry.riskClassification()).map(String::strip).orElse(""), own ? List.of() : entry.rules(),
            Map.of(), own, Optional.empty(), Optional.empty()).changed(clock.instant(), usernames.apply(officer.userId()));
        recorder.byStaff(officer, Action.EDIT_ALGORITHM_REGISTER, Recorder.COMPLIANCE, Optional.empty(), java.util.Set.of(), Optional.empty(),
            Optional.empty());
        repository.save(kept);
        return entry(kept.id()).orElse(kept);
    }
}
