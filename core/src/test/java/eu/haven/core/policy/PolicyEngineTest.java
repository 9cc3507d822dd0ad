package eu.haven.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import eu.haven.core.framework.Firewall;
import eu.haven.core.framework.Framework;
import eu.haven.core.framework.FrameworkLoader;
import eu.haven.core.framework.PurposeResolver;
import eu.haven.core.framework.DpvTaxonomy;
import eu.haven.core.framework.RequestedPurpose;
import eu.haven.core.staff.Role;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PolicyEngineTest {
    private final Framework demo = new FrameworkLoader(Firewall.bundled()).loadDemo();
    private final PolicyEngine engine = new PolicyEngine(demo);
    private final PurposeResolver resolver = new PurposeResolver(demo, Firewall.bundled(), DpvTaxonomy.bundled());
    private final Instant now = Instant.parse("2026-11-22T12:00:00Z");

    private AccessRequest read(String org, String type, String purpose, boolean own, List<ConsentFacts> consents,
                               List<ReferralFacts> referrals) {
        RequestedPurpose p = resolver.resolve(Optional.of(purpose));
        return new AccessRequest(org, type, Role.CASEWORKER, Action.READ, p, own, demo.allCategories(), consents, referrals, now);
    }

    @Test
    void firewall_is_refused_by_code_by_iri_and_by_any_iri_beneath_it() {
        for (String p : List.of("immigration-enforcement", "IMMIGRATION-ENFORCEMENT", "law-enforcement",
            "https://w3id.org/dpv/sector/law#ImmigrationBorderControlManagement", "sector-law:CrimeInvestigation",
            "dpv:ProtectionOfPublicSecurity")) {
            assertThat(engine.decide(read("city-shelter", "shelter", p, true, List.of(), List.of())))
                .as(p).isEqualTo(new Decision.Deny(DenyReason.FIREWALL));
        }
    }

    @Test
    void each_reason_code_arises_where_it_should() {
        assertThat(engine.decide(read("city-shelter", "shelter", "health-care", true, List.of(), List.of())))
            .isEqualTo(new Decision.Deny(DenyReason.PURPOSE_NOT_ALLOWED));
        assertThat(engine.decide(read("city-shelter", "shelter", "dpv:Marketing", true, List.of(), List.of())))
            .isEqualTo(new Decision.Deny(DenyReason.PURPOSE_NOT_ALLOWED));
        assertThat(engine.decide(read("legal-aid", "legal-aid", "legal-aid", false, List.of(), List.of())))
            .isEqualTo(new Decision.Deny(DenyReason.NO_RELATIONSHIP));
        AccessRequest dpo = new AccessRequest("city-hall", "shelter", Role.DPO, Action.READ,
            resolver.resolve(Optional.of("shelter")), true, demo.allCategories(), List.of(), List.of(), now);
        assertThat(engine.decide(dpo)).isEqualTo(new Decision.Deny(DenyReason.ROLE));
        AccessRequest health = new AccessRequest("legal-aid", "legal-aid", Role.CASEWORKER, Action.WRITE,
            resolver.resolve(Optional.of("legal-aid")), true, demo.maskOf(List.of("health")), List.of(), List.of(), now);
        assertThat(engine.decide(health)).isEqualTo(new Decision.Deny(DenyReason.CATEGORY_NOT_ALLOWED));

        UUID consentId = UUID.randomUUID();
        ReferralFacts referral = new ReferralFacts(UUID.randomUUID(), "legal-aid", consentId, ReferralFacts.Status.ACCEPTED);
        ConsentFacts live = new ConsentFacts(consentId, "city-shelter", "legal-aid", Set.of("legal-aid"),
            demo.maskOf(List.of("identity", "housing", "health")), now.minusSeconds(60), Optional.empty(), Optional.empty());
        Decision permit = engine.decide(read("legal-aid", "legal-aid", "legal-aid", false, List.of(live), List.of(referral)));
        assertThat(permit).isInstanceOf(Decision.Permit.class);
        // Health is consented but not granted to legal aid by the framework: not released.
        assertThat(demo.categoryCodes(((Decision.Permit) permit).allowedFrom("city-shelter", "legal-aid")))
            .containsExactly("identity", "housing");

        ConsentFacts withdrawn = new ConsentFacts(consentId, "city-shelter", "legal-aid", Set.of("legal-aid"),
            live.categories(), live.givenAt(), Optional.empty(), Optional.of(now));
        assertThat(engine.decide(read("legal-aid", "legal-aid", "legal-aid", false, List.of(withdrawn), List.of(referral))))
            .isEqualTo(new Decision.Deny(DenyReason.CONSENT_WITHDRAWN));
        ConsentFacts expired = new ConsentFacts(consentId, "city-shelter", "legal-aid", Set.of("legal-aid"),
            live.categories(), live.givenAt(), Optional.of(now), Optional.empty());
        assertThat(engine.decide(read("legal-aid", "legal-aid", "legal-aid", false, List.of(expired), List.of(referral))))
            .isEqualTo(new Decision.Deny(DenyReason.CONSENT_EXPIRED));
        assertThat(engine.decide(read("legal-aid", "legal-aid", "legal-aid", false, List.of(), List.of(referral))))
            .isEqualTo(new Decision.Deny(DenyReason.NO_CONSENT));
    }
}
