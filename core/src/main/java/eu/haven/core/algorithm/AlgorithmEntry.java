package eu.haven.core.algorithm;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One automated procedure in the public algorithm register, with the fields of the Dutch algorithm
 * register standard (name, description, purpose, legal basis, data used, human oversight, risks and
 * their mitigations, impact assessment, contact, status) and of the EU AI Act's registration (Annex
 * VIII: provider, intended purpose, whether it is a high-risk system and why). {@code rules}: for
 * Haven's own procedures, the rules the code applies, which a test holds to the code;
 * {@code parameters}: the values they run with here, read from this installation's configuration.
 */
public record AlgorithmEntry(String id, String name, String provider, String description, String purpose, String legalBasis,
                             String dataUsed, String humanOversight, String risks, String impactAssessment, String contact,
                             Status status, boolean highRisk, String riskClassification, List<String> rules, Map<String, String> parameters,
                             boolean builtIn, Optional<Instant> changedAt, Optional<String> changedBy) {

    public enum Status {
        IN_USE, IN_DEVELOPMENT, OUT_OF_USE;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        public static Optional<Status> parse(String code) {
            return java.util.Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
        }
    }

    /** The same entry with the values it runs with here. */
    public AlgorithmEntry withParameters(Map<String, String> values) {
        return new AlgorithmEntry(id, name, provider, description, purpose, legalBasis, dataUsed, humanOversight, risks, impactAssessment,
            contact, status, highRisk, riskClassification, rules, Map.copyOf(values), builtIn, changedAt, changedBy);
    }

    /** The same entry as changed by someone at a time. */
    public AlgorithmEntry changed(Instant at, String by) {
        return new AlgorithmEntry(id, name, provider, description, purpose, legalBasis, dataUsed, humanOversight, risks, impactAssessment,
            contact, status, highRisk, riskClassification, rules, parameters, builtIn, Optional.of(at), Optional.of(by));
    }
}
