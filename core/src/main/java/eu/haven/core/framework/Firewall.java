package eu.haven.core.framework;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The service firewall: purposes for which service data is never released, whatever the
 * framework, role or setting says. Fixed in code on purpose: it is not configuration.
 *
 * <p>The set is every DPV term that is one of {@link #ROOTS} or lies beneath one along any broader
 * link, less the terms of {@link #SUPPORT}: help for victims of crime, which DPV files under
 * criminal law enforcement but which is a service to the person, not enforcement against them.
 * A term added beneath a support term by a later DPV version stays firewalled until it is named
 * here (fail closed). docs/FIREWALL.md gives the reason for each root against the DPV hierarchy.
 */
public final class Firewall {
    private static final String LAW = "https://w3id.org/dpv/sector/law#";
    private static final String DPV = "https://w3id.org/dpv#";

    /** The roots of the firewall set; every DPV term beneath any of them is part of it. */
    public static final List<String> ROOTS = List.of(
        LAW + "ImmigrationManagement",
        LAW + "LawEnforcement",
        LAW + "LegalInstitutionalManagement",
        DPV + "ProtectionOfNationalSecurity",
        DPV + "ProtectionOfPublicSecurity",
        DPV + "Counterterrorism",
        DPV + "CounterMoneyLaundering",
        DPV + "MisusePreventionAndDetection",
        DPV + "FraudPreventionAndDetection");

    /**
     * Support for victims of crime: beneath {@code sector-law:CriminalLawEnforcement} in DPV, yet a
     * service to the person. {@code CrimeVictimPrediction} is not here: predicting who becomes a
     * victim is scoring people, which Haven refuses.
     */
    public static final Set<String> SUPPORT = Set.of(
        LAW + "CrimeVictimSafetyManagement",
        LAW + "CrimeVictimCounsellingManagement",
        LAW + "CrimeVictimRestitutionSupport",
        LAW + "CrimeVictimSafetyAssessment",
        LAW + "CrimeVictimSafetyProvision");

    private final DpvTaxonomy taxonomy;
    private final Set<String> closure;
    private final Set<String> closureLower;

    public Firewall(DpvTaxonomy taxonomy) {
        this.taxonomy = taxonomy;
        Set<String> all = new HashSet<>(ROOTS);
        for (String root : ROOTS) {
            all.addAll(taxonomy.beneath(root));
        }
        all.removeAll(SUPPORT);
        this.closure = Set.copyOf(all);
        this.closureLower = all.stream().map(i -> i.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    public static Firewall bundled() {
        return Holder.INSTANCE;
    }

    private static final class Holder {
        static final Firewall INSTANCE = new Firewall(DpvTaxonomy.bundled());
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

    /**
     * True when the IRI, already in the canonical form the resolver and the loader give
     * ({@link DpvTaxonomy#expand}), is firewalled: one set lookup, for the policy engine's hot path.
     */
    public boolean blocksCanonical(String iri) {
        return closure.contains(iri);
    }

    /** The firewall root a purpose falls under, for error messages. */
    public Optional<String> rootOf(String purposeIri) {
        String iri = DpvTaxonomy.expand(purposeIri);
        if (!blocks(iri)) {
            return Optional.empty();
        }
        return ROOTS.stream().filter(r -> taxonomy.isBeneath(iri, r)
            || r.toLowerCase(Locale.ROOT).equals(iri.toLowerCase(Locale.ROOT))).findFirst();
    }
}
