package eu.haven.core.framework;

import java.util.Optional;

/**
 * The purpose a request declared, resolved against the framework and the firewall.
 * {@code purpose} is empty when the term is a known DPV purpose the framework does not name.
 */
public record RequestedPurpose(String declared, String iri, Optional<Purpose> purpose, boolean firewall) {
    /** What is written to the access log: the framework code where there is one, else the IRI. */
    public String recorded() {
        return purpose.map(Purpose::code).orElse(iri);
    }
}
