package eu.haven.web.algorithm;

import eu.haven.core.algorithm.AlgorithmEntry;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An entry of the algorithm register as JSON: the same fields for the public and for the officer. */
public record AlgorithmJson(String id, String name, String provider, String description, String purpose, String legalBasis, String dataUsed,
                            String humanOversight, String risks, String impactAssessment, String contact, String status, Boolean highRisk,
                            String riskClassification, List<String> rules, Map<String, String> parameters, Boolean builtIn, Instant changedAt,
                            String changedBy) {
    public static AlgorithmJson of(AlgorithmEntry e) {
        return new AlgorithmJson(e.id(), e.name(), e.provider(), e.description(), e.purpose(), e.legalBasis(), e.dataUsed(), e.humanOversight(),
            e.risks(), e.impactAssessment(), e.contact(), e.status().code(), e.highRisk(), e.riskClassification(), e.rules(),
            new java.util.TreeMap<>(e.parameters()), e.builtIn(), e.changedAt().orElse(null), e.changedBy().orElse(null));
    }

    /** The officer's edit as an entry (rules only for the city's own entries; parameters never). */
    public AlgorithmEntry entry(String id) {
        return new AlgorithmEntry(id, name, provider, description, purpose, legalBasis, dataUsed, humanOversight, risks, impactAssessment,
            contact, AlgorithmEntry.Status.parse(status == null ? "" : status)
                .orElseThrow(() -> eu.haven.core.error.HavenException.invalid("status", "The status is in-use, in-development or out-of-use.")),
            Boolean.TRUE.equals(highRisk), riskClassification, rules == null ? List.of() : List.copyOf(rules), Map.of(), false, java.util.Optional.empty(),
            java.util.Optional.empty());
    }
}
