package eu.haven.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.haven.app.TestServer.Response;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The equality body compares outcomes across the people's languages and age groups, small groups
 * suppressed; it reads the pseudonymous accesses like the supervisory authority and no record.
 */
class EqualityTest {
    private TestServer server;

    @BeforeEach
    void start() {
        server = new TestServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private UUID refer(String shelter, String legal, String language, String birthDate, boolean accept) {
        Response p = server.send("POST", "/api/v1/persons", shelter, "shelter", "{\"displayName\":\"Someone\",\"preferredLanguage\":\"" + language
            + "\",\"birthDate\":\"" + birthDate + "\"}");
        UUID person = UUID.fromString(p.body().get("id").asText());
        String consent = server.send("POST", "/api/v1/persons/" + person + "/consents", shelter, "shelter",
            "{\"recipient\":\"legal-aid\",\"purposes\":[\"legal-aid\"],\"categories\":[\"identity\"],\"method\":\"verbal\",\"language\":\"" + language
                + "\"}").body().get("id").asText();
        String referral = server.send("POST", "/api/v1/referrals", shelter, "shelter", "{\"personId\":\"" + person + "\",\"to\":\"legal-aid\","
            + "\"purpose\":\"legal-aid\",\"categories\":[\"identity\"],\"consentId\":\"" + consent + "\"}").body().get("id").asText();
        Response answer = server.send("POST", "/api/v1/referrals/" + referral + (accept ? "/accept" : "/decline"), legal, "legal-aid", null);
        assertThat(answer.status()).isEqualTo(200);
        return person;
    }

    private static JsonNode row(JsonNode table, String row) {
        for (int i = 0; i < table.get("rows").size(); i++) {
            if (table.get("rows").get(i).asText().equals(row)) {
                return table.get("cells").get(i);
            }
        }
        throw new AssertionError("no row " + row + " in " + table);
    }

    @Test
    void outcomes_by_language_and_age_group_with_small_groups_suppressed() {
        String shelter = server.login("shelter.worker");
        String legal = server.login("legal.worker");
        for (int i = 0; i < 6; i++) {
            refer(shelter, legal, "fa", "1990-01-0" + (i + 1), true);
        }
        for (int i = 0; i < 5; i++) {
            refer(shelter, legal, "ar", "1998-02-0" + (i + 1), i < 3);
        }
        String equality = server.login("equality.body");
        Response gaps = server.send("GET", "/api/v1/equality/gaps", equality, null, null);
        assertThat(gaps.status()).isEqualTo(200);
        JsonNode language = gaps.body().get("byLanguage");
        List<String> outcomes = List.of("referral-made", "referral-accepted", "referral-declined", "correction-requested", "correction-answered");
        assertThat(language.get("outcomes")).extracting(JsonNode::asText).containsExactlyElementsOf(outcomes);
        JsonNode fa = row(language, "fa");
        JsonNode ar = row(language, "ar");
        assertThat(fa.get(0).asText() + ar.get(0).asText()).as("made: 6 and 5; one is withheld as the tables cross").isIn("6withheld", "withheld5", "65");
        assertThat(ar.get(1).asText()).as("3 accepted: fewer than 5").isEqualTo("<5");
        assertThat(ar.get(2).asText()).isEqualTo("<5");
        int arIndex = 0;
        for (int i = 0; i < language.get("rows").size(); i++) {
            if (language.get("rows").get(i).asText().equals("ar")) {
                arIndex = i;
            }
        }
        assertThat(language.get("acceptance").get(arIndex).isNull()).as("no share made of counts below 5").isTrue();
        JsonNode age = gaps.body().get("byAgeGroup");
        assertThat(age.get("rows")).extracting(JsonNode::asText).contains("26-40");
        assertThat(gaps.raw()).doesNotContain("Someone");

        for (String other : List.of("dpa.auditor", "city.dpo", "shelter.worker", "admin")) {
            assertThat(server.send("GET", "/api/v1/equality/gaps", server.login(other), null, null).status()).as(other).isEqualTo(403);
        }
        assertThat(server.send("GET", "/api/v1/equality/gaps?from=2026-13", equality, null, null).status()).isEqualTo(400);
        assertThat(server.send("GET", "/api/v1/oversight/events", equality, null, null).status()).as("the supervisory role's view").isEqualTo(200);
        Response audit = server.send("POST", "/api/v1/oversight/audit", equality, null, null);
        assertThat(audit.status()).isEqualTo(200);
        assertThat(audit.body().get("passed").asBoolean()).as("and verifies the ledger").isTrue();
        UUID someone = refer(shelter, legal, "uk", "2001-03-01", true);
        for (String purpose : List.of("shelter", "legal-aid")) {
            assertThat(server.send("GET", "/api/v1/persons/" + someone + "/records", equality, purpose, null).status()).isEqualTo(403);
            assertThat(server.send("GET", "/api/v1/persons/" + someone + "/consents", equality, purpose, null).status()).isEqualTo(403);
        }
    }
}
