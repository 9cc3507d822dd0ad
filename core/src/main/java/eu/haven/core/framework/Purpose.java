package eu.haven.core.framework;

import java.util.Optional;

/**
 * A purpose named by the framework: short code, DPV IRI, label, retention. {@code firewall} is
 * true when the IRI lies in the firewall set; such a purpose exists only so it can be refused.
 */
public record Purpose(String code, String iri, String label, Optional<Retention> retention,
                      boolean firewall, int index) {}
