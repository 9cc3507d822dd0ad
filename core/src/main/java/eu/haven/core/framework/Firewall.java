package eu.haven.core.framework;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The service firewall: purposes for which service data is never released, whatever the
 * framework, role or setting says. Fixed in code on purpose: it is not configuration.
 */
public final class Firewall {
    /** The roots of the firewall set; every DPV term beneath any of them is part of it. */
    public static final List<String> ROOTS = List.of(
        "https://w3id.org/dpv/sector/law#ImmigrationSecurityManagement",
        "https://w3id.org/dpv/sector/law#LawEnforcement",
        "https://w3id.org/dpv#ProtectionOfNationalSecurity",
        "https://w3id.org/dpv#ProtectionOfPublicSecurity");

    private final DpvTaxonomy taxonomy;
    private final Set<String> closure;
    private final Set<String> closureLower;

    public Firewall(DpvTaxonomy taxonomy) {
        this.taxonomy = taxonomy;
        java.util.HashSet<String> all = new java.util.HashSet<>(ROOTS);
        for (String root : ROOTS) {
            all.addAll(taxonomy.beneath(root));
        }
        this.closure = Set.copyOf(all);
        this.closureLower = all.stream().map(i -> i.toLowerCase(Locale.ROOT))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    public static Firewall bundled() {
        return new Firewall(DpvTaxonomy.bundled());
    }

    /** Every purpose IRI in the firewall set, roots included. */
    public Set<String> purposes() {
        return closure;
    }

    /** True when the purpose (an IRI, a compact IRI, any letter case of the scheme) is firewalled. */
    public boolean blocks(String purposeIri) {
        String iri = DpvTaxonomy.expand(purposeIri);
        return closure.contains(iri) || closureLower.contains(iri.toLowerCase(Locale.ROOT));
    }

    /** The firewall root a purpose falls under, for error messages. */
    public Optional<String> rootOf(String purposeIri) {
        String iri = DpvTaxonomy.expand(purposeIri);
        return ROOTS.stream().filter(r -> taxonomy.isBeneath(iri, r)
            || r.toLowerCase(Locale.ROOT).equals(iri.toLowerCase(Locale.ROOT))).findFirst();
    }
}
