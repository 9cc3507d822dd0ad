package eu.haven.core.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
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
            .hasMessageContaining("ImmigrationSecurityManagement");
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
}
