package eu.haven.core.framework;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FirewallTest {
    private final Firewall firewall = Firewall.bundled();

    @Test
    void the_firewall_set_holds_the_65_purposes_beneath_its_four_roots() {
        assertThat(firewall.purposes()).hasSize(65).containsAll(Firewall.ROOTS);
    }

    @Test
    void terms_beneath_the_roots_are_blocked_by_every_broader_link() {
        assertThat(firewall.blocks("https://w3id.org/dpv/sector/law#ImmigrationBorderControlManagement")).isTrue();
        // CrimeDetection has two broader terms; one of them leads to LawEnforcement.
        assertThat(firewall.blocks("sector-law:CrimeDetection")).isTrue();
        assertThat(firewall.blocks("http://w3id.org/dpv/sector/law#LawEnforcement")).isTrue();
        assertThat(firewall.blocks("dpv:ProtectionOfNationalSecurity")).isTrue();
    }

    @Test
    void legal_aid_and_asylum_processing_share_a_root_with_enforcement_but_are_not_blocked() {
        assertThat(firewall.blocks("sector-law:LegalAidProvision")).isFalse();
        assertThat(firewall.blocks("sector-law:JusticeManagement")).isFalse();
        assertThat(firewall.blocks("sector-law:ImmigrationAsylumManagement")).isFalse();
        assertThat(firewall.blocks("sector-health:ServiceProvision")).isFalse();
    }
}
