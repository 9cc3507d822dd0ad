package eu.haven.core.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameworkLoaderTest {
    private final FrameworkLoader loader = new FrameworkLoader(Firewall.bundled());

    private static final String BASE = """
        framework: test
        version: "1"
        organisationTypes:
          - {code: shelter, label: Shelter}
          - {code: police, label: Police, enforcement: true}
        purposes:
          - {code: shelter, iri: "sector-publicservices:HousingWelfareManagement"}
          - {code: border, iri: "sector-law:ImmigrationBorderControlManagement"}
          - {code: crime, iri: "sector-law:CrimeDetection"}
        categories:
          - {code: identity}
          - {code: health, special: true}
        grants:
        """;

    private Framework load(String grants) {
        return loader.load((BASE + grants).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void the_demo_framework_loads_and_names_the_enforcement_purposes_only_as_firewalled() {
        Framework demo = loader.loadDemo();
        assertThat(demo.purposeByCode("immigration-enforcement")).get().extracting(Purpose::firewall).isEqualTo(true);
        assertThat(demo.purposeByCode("law-enforcement")).get().extracting(Purpose::firewall).isEqualTo(true);
        assertThat(demo.purposeByCode("legal-aid")).get().extracting(Purpose::firewall).isEqualTo(false);
        assertThat(demo.category("health")).get().extracting(Category::special).isEqualTo(true);
    }

    @Test
    void a_grant_for_a_purpose_beneath_the_firewall_is_refused_and_named() {
        assertThatThrownBy(() -> load("""
              - {organisationType: shelter, purposes: [shelter, border], categories: [identity], legalBasis: ["eu-gdpr:A6-1-e"]}
            """))
            .isInstanceOf(FrameworkException.class)
            .hasMessageContaining("grants[0] (organisationType 'shelter')")
            .hasMessageContaining("purpose 'border'")
            .hasMessageContaining("ImmigrationManagement");
    }

    @Test
    void a_purpose_with_several_broader_terms_is_caught_through_any_of_them() {
        assertThatThrownBy(() -> load("""
              - {organisationType: shelter, purposes: [crime], categories: [identity], legalBasis: ["eu-gdpr:A6-1-e"]}
            """)).hasMessageContaining("purpose 'crime'").hasMessageContaining("LawEnforcement");
    }

    @Test
    void an_enforcement_type_can_never_receive_data() {
        assertThatThrownBy(() -> load("""
              - {organisationType: shelter, purposes: [shelter], categories: [identity], legalBasis: ["eu-gdpr:A6-1-e"]}
              - {organisationType: police, purposes: [shelter], categories: [identity], legalBasis: ["eu-gdpr:A6-1-e"]}
            """)).hasMessageContaining("grants[1] (organisationType 'police')").hasMessageContaining("enforcement");
    }

    @Test
    void special_categories_need_an_article_9_basis_and_terms_must_exist() {
        assertThatThrownBy(() -> load("""
              - {organisationType: shelter, purposes: [shelter], categories: [health], legalBasis: ["eu-gdpr:A6-1-e"]}
              - {organisationType: nobody, purposes: [nothing], categories: [colour], legalBasis: ["eu-gdpr:A99"]}
            """))
            .satisfies(e -> assertThat(((FrameworkException) e).problems()).hasSize(5))
            .hasMessageContaining("Art. 9(2)")
            .hasMessageContaining("no such organisation type")
            .hasMessageContaining("purpose 'nothing' is not defined")
            .hasMessageContaining("category 'colour' is not defined")
            .hasMessageContaining("A99");
    }

    @Test
    void a_valid_framework_gives_grant_masks() {
        Framework f = load("""
              - {organisationType: shelter, purposes: [shelter], categories: [identity, health], legalBasis: ["eu-gdpr:A6-1-e", "eu-gdpr:A9-2-h"]}
            """);
        Purpose shelter = f.purposeByCode("shelter").orElseThrow();
        assertThat(f.categoryCodes(f.grantMask("shelter", shelter))).containsExactly("identity", "health");
        assertThat(f.grantMask("police", shelter)).isZero();
    }

    @Test
    void malformed_documents_are_refused_with_a_reason() {
        assertThatThrownBy(() -> loader.load("framework: [".getBytes(StandardCharsets.UTF_8)))
            .isInstanceOf(FrameworkException.class).hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> loader.load("42".getBytes(StandardCharsets.UTF_8)))
            .isInstanceOf(FrameworkException.class).hasMessageContaining("mapping");
    }

    private static final List<String> NEWLY_COVERED = List.of("sector-law:ImmigrationVisaManagement",
        "sector-law:ImmigrationResidencyPermitManagement", "sector-law:ImmigrationEligibilityAssessment",
        "sector-law:ImmigrationClaimVerification", "sector-law:ImmigrationDocumentVerification",
        "sector-law:ImmigrationApplicationScreening", "sector-law:ImmigrationAsylumManagement", "dpv:Counterterrorism",
        "dpv:CounterMoneyLaundering", "dpv:FraudPreventionAndDetection", "sector-law:LegalInvestigation",
        "sector-publicservices:PublicServiceFraudPreventionDetection", "sector-law:ProbationManagement");

    private static String frameworkGranting(String typeCode, String typeLabel, String iri) {
        return """
            framework: attack
            version: "1"
            organisationTypes:
              - {code: %s, label: "%s"}
            purposes:
              - {code: checks, iri: "%s"}
            categories:
              - {code: identity}
            grants:
              - {organisationType: %s, purposes: [checks], categories: [identity], legalBasis: ["eu-gdpr:A6-1-c"]}
            """.formatted(typeCode, typeLabel, iri, typeCode);
    }

    @Test
    void a_second_framework_granting_any_newly_covered_purpose_is_refused() {
        for (String iri : NEWLY_COVERED) {
            assertThatThrownBy(() -> loader.load(frameworkGranting("social-office", "Social office", iri)
                .getBytes(StandardCharsets.UTF_8))).as(iri).isInstanceOf(FrameworkException.class)
                .hasMessageContaining("purpose 'checks'").hasMessageContaining("firewall set");
        }
    }

    @Test
    void an_organisation_type_named_for_immigration_control_or_enforcement_is_refused() {
        for (String[] type : List.of(new String[] {"migration-office", "Migration office"},
                new String[] {"welcome-desk", "Ausländerbehörde"}, new String[] {"liaison", "Border liaison"},
                new String[] {"helpers", "Police community helpers"}, new String[] {"fraud-unit", "Benefit checks"})) {
            assertThatThrownBy(() -> loader.load(frameworkGranting(type[0], type[1], "sector-publicservices:SocialAssistanceManagement")
                .getBytes(StandardCharsets.UTF_8))).as(type[0]).isInstanceOf(FrameworkException.class)
                .hasMessageContaining("organisationTypes '" + type[0] + "'").hasMessageContaining("enforcement: true");
        }
    }

    @Test
    void support_for_victims_of_crime_can_be_granted() {
        Framework f = loader.load(frameworkGranting("victim-support", "Victim support service",
            "sector-law:CrimeVictimCounsellingManagement").getBytes(StandardCharsets.UTF_8));
        assertThat(f.purposeByCode("checks").orElseThrow().firewall()).isFalse();
    }

    @Test
    void the_engine_refuses_a_firewalled_grant_even_if_such_a_framework_were_loaded() {
        for (String iri : NEWLY_COVERED) {
            String full = DpvTaxonomy.expand(iri);
            Purpose forged = new Purpose("checks", full, "", java.util.Optional.empty(), false, 0);
            Category identity = new Category("identity", "", java.util.Optional.empty(), false, 0);
            Framework bypassed = new Framework("forged", "1", java.util.Map.of("social-office",
                new OrganisationType("social-office", "", false)), List.of(forged), List.of(identity),
                List.of(new Grant("social-office", List.of("checks"), List.of("identity"), List.of("x"))), null);
            var request = new eu.haven.core.policy.AccessRequest("org", "social-office", eu.haven.core.staff.Role.CASEWORKER,
                eu.haven.core.policy.Action.READ, new RequestedPurpose("checks", full, java.util.Optional.of(forged), false), true,
                1L, List.of(), List.of(), java.time.Instant.now());
            assertThat(new eu.haven.core.policy.PolicyEngine(bypassed).decide(request)).as(iri)
                .isEqualTo(new eu.haven.core.policy.Decision.Deny(eu.haven.core.policy.DenyReason.FIREWALL));
        }
    }
}
