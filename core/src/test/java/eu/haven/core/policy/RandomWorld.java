package eu.haven.core.policy;

import eu.haven.core.framework.Category;
import eu.haven.core.framework.DpvTaxonomy;
import eu.haven.core.framework.Firewall;
import eu.haven.core.framework.Framework;
import eu.haven.core.framework.Grant;
import eu.haven.core.framework.OrganisationType;
import eu.haven.core.framework.Purpose;
import eu.haven.core.framework.PurposeResolver;
import eu.haven.core.framework.RequestedPurpose;
import eu.haven.core.staff.Role;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/** A generated framework, actor, purpose, consents and referrals, all from one seed. */
final class RandomWorld {
    static final Firewall FIREWALL = Firewall.bundled();
    static final List<String> SERVICE_IRIS = DpvTaxonomy.bundled().beneath("https://w3id.org/dpv#Purpose").stream()
        .filter(i -> !FIREWALL.blocks(i)).sorted().toList();
    static final List<String> FIREWALL_IRIS = FIREWALL.purposes().stream().sorted().toList();
    static final String BASIS = "https://w3id.org/dpv/legal/eu/gdpr#A6-1-e";

    final Framework framework;
    final AccessRequest request;
    final Instant now = Instant.parse("2026-11-22T12:00:00Z");

    RandomWorld(long seed) {
        Random r = new Random(seed);
        int types = 1 + r.nextInt(6);
        int purposeCount = 1 + r.nextInt(6);
        int categoryCount = 1 + r.nextInt(10);
        List<OrganisationType> orgTypes = new ArrayList<>();
        for (int t = 0; t < types; t++) {
            orgTypes.add(new OrganisationType("t" + t, "", t > 0 && r.nextInt(5) == 0));
        }
        List<Purpose> purposes = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (int p = 0; p < purposeCount; p++) {
            boolean firewalled = r.nextInt(4) == 0;
            List<String> pool = firewalled ? FIREWALL_IRIS : SERVICE_IRIS;
            String iri = pool.get(r.nextInt(pool.size()));
            if (!used.add(iri)) {
                continue;
            }
            purposes.add(new Purpose("p" + p, iri, "", Optional.empty(), false, purposes.size()));
        }
        List<Category> categories = new ArrayList<>();
        for (int c = 0; c < categoryCount; c++) {
            categories.add(new Category("c" + c, "", Optional.empty(), false, c));
        }
        List<Grant> grants = new ArrayList<>();
        for (OrganisationType t : orgTypes) {
            if (t.enforcement()) {
                continue;
            }
            for (Purpose p : purposes) {
                if (FIREWALL.blocks(p.iri()) || r.nextInt(3) == 0) {
                    continue;
                }
                List<String> cats = new ArrayList<>();
                categories.forEach(c -> {
                    if (r.nextBoolean()) {
                        cats.add(c.code());
                    }
                });
                if (!cats.isEmpty()) {
                    grants.add(new Grant(t.code(), List.of(p.code()), cats, List.of(BASIS)));
                }
            }
        }
        framework = Framework.of("gen", "1", orgTypes, purposes, categories, grants, FIREWALL);

        int orgs = 1 + r.nextInt(5);
        String org = "o0";
        String orgType = "t" + r.nextInt(types);
        RequestedPurpose purpose;
        int choice = r.nextInt(12);
        PurposeResolver resolver = new PurposeResolver(framework, FIREWALL, DpvTaxonomy.bundled());
        if (choice == 10) {
            List<String> two = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                two.add(r.nextBoolean() ? FIREWALL_IRIS.get(r.nextInt(FIREWALL_IRIS.size()))
                    : framework.purposes().isEmpty() ? SERVICE_IRIS.get(r.nextInt(SERVICE_IRIS.size()))
                    : framework.purposes().get(r.nextInt(framework.purposes().size())).code());
            }
            purpose = r.nextBoolean() ? resolver.resolve(List.of(two.get(0), two.get(1))) : resolver.resolve(List.of(String.join(",", two)));
        } else if (choice == 11) {
            purpose = resolver.resolve(List.of(List.of("police", "deportation", "https://w3id.org/dpv/sector/law#LawEnforcment",
                "sector-law:L\u0430wEnforcement").get(r.nextInt(4))));
        } else if (choice < 2) {
            String iri = FIREWALL_IRIS.get(r.nextInt(FIREWALL_IRIS.size()));
            purpose = new RequestedPurpose(iri, iri, framework.purposeByIri(iri), true);
        } else if (choice < 3 || framework.purposes().isEmpty()) {
            String iri = SERVICE_IRIS.get(r.nextInt(SERVICE_IRIS.size()));
            purpose = new RequestedPurpose(iri, iri, framework.purposeByIri(iri), false);
        } else {
            Purpose p = framework.purposes().get(r.nextInt(framework.purposes().size()));
            purpose = new RequestedPurpose(p.code(), p.iri(), Optional.of(p), FIREWALL.blocks(p.iri()));
        }
        List<ConsentFacts> consents = new ArrayList<>();
        int consentCount = r.nextInt(8);
        for (int i = 0; i < consentCount; i++) {
            Set<String> ps = new HashSet<>();
            framework.purposes().forEach(p -> {
                if (r.nextBoolean()) {
                    ps.add(p.code());
                }
            });
            consents.add(new ConsentFacts(new UUID(seed, i), "o" + r.nextInt(orgs), r.nextInt(3) == 0 ? "o" + r.nextInt(orgs) : org,
                ps, r.nextLong() & framework.allCategories(), now.minusSeconds(r.nextInt(1000) - 100),
                r.nextBoolean() ? Optional.empty() : Optional.of(now.plusSeconds(r.nextInt(2000) - 1000)),
                r.nextInt(3) == 0 ? Optional.of(now.minusSeconds(r.nextInt(500) - 100)) : Optional.empty()));
        }
        List<ReferralFacts> referrals = new ArrayList<>();
        int referralCount = consents.isEmpty() ? 0 : r.nextInt(3);
        for (int i = 0; i < referralCount; i++) {
            ConsentFacts backing = consents.get(r.nextInt(consents.size()));
            referrals.add(new ReferralFacts(new UUID(seed, 100 + i), r.nextInt(4) == 0 ? "o1" : org, backing.id(),
                ReferralFacts.Status.values()[r.nextInt(3)]));
        }
        Action action = Action.values()[r.nextInt(Action.values().length)];
        Role role = r.nextInt(4) == 0 ? Role.values()[r.nextInt(Role.values().length)] : Role.CASEWORKER;
        long asked = r.nextInt(3) == 0 ? r.nextLong() & framework.allCategories() : framework.allCategories();
        request = new AccessRequest(org, orgType, role, action, purpose, r.nextBoolean(), asked, consents, referrals, now);
    }

    AccessRequest withAllConsentsWithdrawn() {
        List<ConsentFacts> withdrawn = request.consents().stream().map(c -> new ConsentFacts(c.id(), c.controller(),
            c.recipient(), c.purposes(), c.categories(), c.givenAt(), c.expiresAt(), Optional.of(now))).toList();
        return new AccessRequest(request.organisation(), request.organisationType(), request.role(), request.action(),
            request.purpose(), request.ownRelationship(), request.categoriesAsked(), withdrawn, request.referrals(), now);
    }
}
