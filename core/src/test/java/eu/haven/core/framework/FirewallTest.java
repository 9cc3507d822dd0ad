package eu.haven.core.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FirewallTest {
    private static final String LAW = "sector-law:";
    private final Firewall firewall = Firewall.bundled();
    private final DpvTaxonomy dpv = DpvTaxonomy.bundled();

    /** The reviewed list of firewalled purposes, computed independently of this code. */
    private static Set<String> expected() throws IOException {
        try (InputStream in = FirewallTest.class.getResourceAsStream("/firewall/blocked-purposes.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::trim)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    @Test
    void every_purpose_of_the_shipped_dpv_hierarchy_is_on_the_side_the_reviewed_list_says() throws IOException {
        Set<String> expected = expected();
        Set<String> purposes = dpv.beneath("https://w3id.org/dpv#Purpose");
        assertThat(purposes).hasSizeGreaterThan(300);
        List<String> wrong = purposes.stream().filter(p -> firewall.blocks(p) != expected.contains(p)).sorted().toList();
        assertThat(wrong).as("purposes on the wrong side of the firewall").isEmpty();
        assertThat(firewall.purposes()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(firewall.purposes()).hasSize(98).containsAll(Firewall.ROOTS);
    }

    @Test
    void immigration_control_under_every_name_is_blocked() {
        for (String term : List.of("ImmigrationManagement", "ImmigrationVisaManagement", "ImmigrationResidencyPermitManagement",
            "ImmigrationEligibilityAssessment", "ImmigrationClaimVerification", "ImmigrationDocumentVerification",
            "ImmigrationApplicationScreening", "ImmigrationAsylumManagement", "ImmigrationIdentityVerification",
            "ImmigrationBorderControlManagement", "UnauthorisedMigrationPrediction", "ImmigrationWorkAuthorisationManagement")) {
            assertThat(firewall.blocks(LAW + term)).as(term).isTrue();
        }
    }

    @Test
    void enforcement_security_terrorism_fraud_money_laundering_and_investigations_are_blocked() {
        for (String term : List.of("sector-law:LawEnforcement", "sector-law:CrimeInvestigation", "sector-law:LegalInvestigation",
            "sector-law:LegalInterrogation", "sector-law:CrimeSurveillance", "sector-law:RecidivismPrediction",
            "sector-law:CrimeVictimPrediction", "sector-law:PrisonManagement", "sector-law:ProbationManagement",
            "dpv:ProtectionOfNationalSecurity", "dpv:ProtectionOfPublicSecurity", "dpv:Counterterrorism",
            "dpv:CounterMoneyLaundering", "dpv:FraudPreventionAndDetection", "dpv:MisusePreventionAndDetection",
            "sector-publicservices:PublicServiceFraudPreventionDetection", "sector-publicservices:SocialWelfareRiskAssessment",
            "sector-health:IdentityFraudManagement")) {
            assertThat(firewall.blocks(term)).as(term).isTrue();
        }
    }

    @Test
    void services_and_support_for_victims_of_crime_stay_open() {
        for (String term : List.of("sector-law:LegalAidProvision", "sector-law:JusticeManagement",
            "sector-law:CrimeVictimCounsellingManagement", "sector-law:CrimeVictimSafetyProvision",
            "sector-law:CrimeVictimRestitutionSupport", "sector-health:ServiceProvision", "sector-health:PrimaryCareManagement",
            "sector-publicservices:HousingWelfareManagement", "sector-publicservices:SocialAssistanceManagement",
            "sector-education:ServiceProvision", "dpv:ServiceProvision", "dpv:RightsFulfilment", "dpv:RecordManagement",
            "dpv:IdentityVerification")) {
            assertThat(firewall.blocks(term)).as(term).isFalse();
        }
    }

    @Test
    void any_letter_case_of_scheme_host_and_name_is_blocked() {
        assertThat(firewall.blocks("HTTP://W3ID.ORG/dpv/sector/law#LawEnforcement")).isTrue();
        assertThat(firewall.blocks("https://w3id.org/dpv/sector/law#lawenforcement")).isTrue();
        assertThat(firewall.blocks("http://w3id.org/dpv/sector/law#ImmigrationEligibilityAssessment")).isTrue();
    }

    @Test
    void every_support_term_lies_beneath_enforcement_only_through_victim_safety() {
        for (String support : Firewall.SUPPORT) {
            assertThat(dpv.isBeneath(support, "https://w3id.org/dpv/sector/law#CrimeVictimSafetyManagement")).as(support).isTrue();
            assertThat(firewall.blocks(support)).isFalse();
        }
    }
}
