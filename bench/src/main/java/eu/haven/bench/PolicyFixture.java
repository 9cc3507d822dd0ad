package eu.haven.bench;

import eu.haven.core.framework.Category;
import eu.haven.core.framework.DpvTaxonomy;
import eu.haven.core.framework.Firewall;
import eu.haven.core.framework.Framework;
import eu.haven.core.framework.Grant;
import eu.haven.core.framework.OrganisationType;
import eu.haven.core.framework.Purpose;
import eu.haven.core.framework.RequestedPurpose;
import eu.haven.core.policy.AccessRequest;
import eu.haven.core.policy.Action;
import eu.haven.core.policy.ConsentFacts;
import eu.haven.core.policy.ReferralFacts;
import eu.haven.core.staff.Role;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * A large framework for the policy benchmark: 20 organisation types x 15 purposes x 12
 * categories, and a person with 50 consents, some withdrawn or expired.
 */
final class PolicyFixture {
    static final int TYPES = 20;
    static final int PURPOSES = 15;
    static final int CATEGORIES = 12;
    static final int CONSENTS = 50;

    final Framework framework;
    final AccessRequest request;

    PolicyFixture() {
        Random random = new Random(42);
        Firewall firewall = Firewall.bundled();
        List<String> iris = new ArrayList<>();
        for (String prefix : List.of("sector-health:", "sector-publicservices:", "sector-education:", "dpv:")) {
            for (String name : List.of("ServiceProvision", "PrimaryCareManagement", "ReferralManagement",
                "HousingWelfareManagement", "SocialAssistanceManagement", "SocialWelfareProvision",
                "StudentEnrolmentManagement", "RecordManagement", "RightsFulfilment")) {
                String iri = DpvTaxonomy.expand(prefix + name);
                if (DpvTaxonomy.bundled().contains(iri) && !firewall.blocks(iri) && !iris.contains(iri)) {
                    iris.add(iri);
                }
            }
        }
        iris.add(DpvTaxonomy.expand("sector-law:LegalAidProvision"));
        for (String extra : List.of("dpv:CustomerCare", "dpv:CommunicationManagement", "dpv:Personalisation",
            "dpv:ServiceOptimisation", "dpv:OrganisationGovernance", "dpv:AccountManagement")) {
            String iri = DpvTaxonomy.expand(extra);
            if (DpvTaxonomy.bundled().contains(iri) && !iris.contains(iri)) {
                iris.add(iri);
            }
        }
        if (iris.size() < PURPOSES) {
            throw new IllegalStateException("not enough DPV purposes for the fixture: " + iris.size());
        }
        List<Purpose> purposes = new ArrayList<>();
        for (int i = 0; i < PURPOSES; i++) {
            purposes.add(new Purpose("p" + i, iris.get(i), "Purpose " + i, Optional.empty(), false, i));
        }
        List<Category> categories = new ArrayList<>();
        for (int i = 0; i < CATEGORIES; i++) {
            categories.add(new Category("c" + i, "Category " + i, Optional.empty(), false, i));
        }
        List<OrganisationType> types = new ArrayList<>();
        List<Grant> grants = new ArrayList<>();
        for (int t = 0; t < TYPES; t++) {
            types.add(new OrganisationType("t" + t, "Type " + t, false));
            for (int p = 0; p < PURPOSES; p++) {
                if (random.nextInt(3) == 0) {
                    continue;
                }
                List<String> cats = new ArrayList<>();
                for (int c = 0; c < CATEGORIES; c++) {
                    if (random.nextBoolean()) {
                        cats.add("c" + c);
                    }
                }
                if (!cats.isEmpty()) {
                    grants.add(new Grant("t" + t, List.of("p" + p), cats, List.of(DpvTaxonomy.expand("eu-gdpr:A6-1-e-public-interest"))));
                }
            }
        }
        grants.add(new Grant("t0", List.of("p0"), List.of("c0", "c1", "c2", "c3"),
            List.of(DpvTaxonomy.expand("eu-gdpr:A6-1-e-public-interest"))));
        framework = Framework.of("bench", "1", types, purposes, categories, grants, firewall);
        Instant now = Instant.parse("2026-11-22T12:00:00Z");
        List<ConsentFacts> consents = new ArrayList<>();
        UUID referralConsent = null;
        for (int i = 0; i < CONSENTS; i++) {
            UUID id = new UUID(0, i);
            String controller = "org" + (1 + random.nextInt(TYPES - 1));
            String recipient = i % 5 == 0 ? "org0" : "org" + random.nextInt(TYPES);
            Optional<Instant> withdrawn = i % 7 == 3 ? Optional.of(now.minusSeconds(60)) : Optional.empty();
            Optional<Instant> expires = i % 11 == 4 ? Optional.of(now.minusSeconds(5)) : Optional.of(now.plusSeconds(86_400));
            consents.add(new ConsentFacts(id, controller, recipient, Set.copyOf(List.of("p0", "p" + random.nextInt(PURPOSES))),
                random.nextLong() & ((1L << CATEGORIES) - 1), now.minusSeconds(3600), expires, withdrawn));
            if (i == CONSENTS - 5) {
                referralConsent = id;
            }
        }
        consents.set(CONSENTS - 5, new ConsentFacts(referralConsent, "org3", "org0", Set.of("p0"), 0b1111,
            now.minusSeconds(3600), Optional.empty(), Optional.empty()));
        List<ReferralFacts> referrals = List.of(
            new ReferralFacts(new UUID(1, 1), "org0", referralConsent, ReferralFacts.Status.ACCEPTED));
        Purpose p0 = framework.purposeByCode("p0").orElseThrow();
        request = new AccessRequest("org0", "t0", Role.CASEWORKER, Action.READ,
            new RequestedPurpose("p0", p0.iri(), Optional.of(p0), false), false, framework.allCategories(),
            consents, referrals, now);
    }
}
