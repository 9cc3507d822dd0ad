package eu.haven.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.haven.app.TestServer.Response;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What each answer says must be what happened: inputs that would have been silently changed or half stored. */
class AnswersTest {
    private TestServer server;
    private String shelter;

    @BeforeEach
    void start() {
        server = new TestServer();
        shelter = server.login("shelter.worker");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Response create(String language) {
        return server.send("POST", "/api/v1/persons", shelter, "shelter",
            "{\"displayName\":\"Answer Test\",\"preferredLanguage\":\"" + language + "\"}");
    }

    @Test
    void an_unknown_language_is_refused_not_turned_into_english() {
        for (String bad : new String[] {"xx", "english", "zz-ZZ", "qqq"}) {
            Response r = create(bad);
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.error()).isEqualTo("invalid-request");
        }
        assertThat(create("prs").status()).as("Dari").isEqualTo(201);
        assertThat(create("ti").status()).isEqualTo(201);
        assertThat(create("ckb").status()).as("Central Kurdish").isEqualTo(201);
    }

    @Test
    void a_consent_with_a_date_beyond_reason_is_refused_and_leaves_no_event() {
        UUID person = UUID.fromString(create("en").body().get("id").asText());
        long before = server.haven.ledger().forPerson(person).size();
        for (String date : new String[] {"+1000000000-01-01T00:00:00Z", "2200-01-01T00:00:00Z", "2001-01-01T00:00:00Z"}) {
            Response r = server.send("POST", "/api/v1/persons/" + person + "/consents", shelter, "shelter",
                "{\"recipient\":\"legal-aid\",\"purposes\":[\"legal-aid\"],\"categories\":[\"identity\"],\"method\":\"verbal\","
                    + "\"language\":\"en\",\"expiresAt\":\"" + date + "\"}");
            assertThat(r.status()).as(date).isEqualTo(400);
        }
        assertThat(server.haven.ledger().forPerson(person)).as("no consent event for a consent never stored").hasSize((int) before);
        assertThat(server.send("GET", "/api/v1/persons/" + person + "/consents", shelter, "shelter", null).body().get("consents")).isEmpty();
    }

    @Test
    void a_consent_for_categories_the_framework_never_lets_the_recipient_have_is_refused() {
        UUID person = UUID.fromString(create("en").body().get("id").asText());
        Response r = server.send("POST", "/api/v1/persons/" + person + "/consents", shelter, "shelter",
            "{\"recipient\":\"legal-aid\",\"purposes\":[\"legal-aid\"],\"categories\":[\"identity\",\"health\"],\"method\":\"verbal\","
                + "\"language\":\"en\"}");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.error()).isEqualTo("category-not-allowed");
    }

    @Test
    void a_correction_by_staff_shows_as_a_correction_and_the_persons_own_steps_as_their_own() {
        Response created = create("en");
        UUID person = UUID.fromString(created.body().get("id").asText());
        String record = server.send("POST", "/api/v1/persons/" + person + "/records", shelter, "shelter",
            "{\"category\":\"housing\",\"data\":{\"room\":\"4\"}}").body().get("id").asText();
        assertThat(server.send("PUT", "/api/v1/persons/" + person + "/records/" + record, shelter, "shelter",
            "{\"data\":{\"room\":\"5\"}}").status()).isEqualTo(204);
        String token = server.personToken(created.body().get("accessCode").asText());
        JsonNode history = server.send("GET", "/api/v1/me", token, null, null).body().get("accessHistory");
        assertThat(history).anySatisfy(e -> {
            assertThat(e.get("action").asText()).isEqualTo("correct");
            assertThat(e.get("actionLabel").asText()).isEqualTo("Corrected data it holds about you");
        });
        assertThat(history).filteredOn(e -> e.get("action").asText().equals("write")).hasSize(1);
        assertThat(history).filteredOn(e -> e.get("role").asText().equals("person")).isNotEmpty().allSatisfy(e -> {
            assertThat(e.get("organisation").isNull()).isTrue();
            assertThat(e.get("by").asText()).isEqualTo("You");
        });
    }

    @Test
    void whether_a_consent_id_exists_shows_in_neither_status_nor_body_nor_the_work_done() {
        UUID person = UUID.fromString(create("en").body().get("id").asText());
        String real = server.send("POST", "/api/v1/persons/" + person + "/consents", shelter, "shelter",
            "{\"recipient\":\"legal-aid\",\"purposes\":[\"legal-aid\"],\"categories\":[\"identity\"],\"method\":\"verbal\","
                + "\"language\":\"en\"}").body().get("id").asText();
        String made = UUID.randomUUID().toString();
        String health = server.login("health.worker");
        for (String purpose : new String[] {"health-care", "immigration-enforcement", "police"}) {
            long before = server.haven.ledger().size();
            Response a = server.send("POST", "/api/v1/consents/" + real + "/withdraw", health, purpose, null);
            long between = server.haven.ledger().size();
            Response b = server.send("POST", "/api/v1/consents/" + made + "/withdraw", health, purpose, null);
            assertThat(a.status()).as(purpose).isEqualTo(b.status());
            assertThat(a.raw()).as(purpose).isEqualTo(b.raw());
            assertThat(between - before).as("an existing id is decided and recorded").isEqualTo(1);
            assertThat(server.haven.ledger().size() - between).as("and so is an id that names nothing").isEqualTo(1);
        }
        assertThat(server.send("POST", "/api/v1/consents/" + made + "/withdraw", health, "immigration-enforcement", null).error())
            .isEqualTo("firewall");
    }

    @Test
    void who_withdrew_a_consent_and_why_a_referral_was_declined_reach_the_person() {
        Response created = create("en");
        UUID person = UUID.fromString(created.body().get("id").asText());
        String body = "{\"recipient\":\"legal-aid\",\"purposes\":[\"legal-aid\"],\"categories\":[\"identity\"],\"method\":\"verbal\","
            + "\"language\":\"en\"}";
        String byStaff = server.send("POST", "/api/v1/persons/" + person + "/consents", shelter, "shelter", body).body().get("id").asText();
        String byPerson = server.send("POST", "/api/v1/persons/" + person + "/consents", shelter, "shelter", body).body().get("id").asText();
        String forReferral = server.send("POST", "/api/v1/persons/" + person + "/consents", shelter, "shelter", body).body().get("id").asText();
        Response withdrawn = server.send("POST", "/api/v1/consents/" + byStaff + "/withdraw", shelter, "shelter", null);
        assertThat(withdrawn.body().get("withdrawnBy").asText()).isEqualTo("city-shelter");
        String token = server.personToken(created.body().get("accessCode").asText());
        assertThat(server.send("POST", "/api/v1/me/consents/" + byPerson + "/withdraw", token, null, null).status()).isEqualTo(200);

        String legal = server.login("legal.worker");
        String referral = server.send("POST", "/api/v1/referrals", shelter, "shelter", "{\"personId\":\"" + person
            + "\",\"to\":\"legal-aid\",\"purpose\":\"legal-aid\",\"categories\":[\"identity\"],\"consentId\":\"" + forReferral + "\"}")
            .body().get("id").asText();
        Response declined = server.send("POST", "/api/v1/referrals/" + referral + "/decline", legal, "legal-aid",
            "{\"reason\":\"We have no appointments left this month; try the city's legal clinic.\"}");
        assertThat(declined.status()).isEqualTo(200);

        JsonNode me = server.send("GET", "/api/v1/me", token, null, null).body();
        assertThat(me.get("consents")).anySatisfy(c -> {
            assertThat(c.get("id").asText()).isEqualTo(byStaff);
            assertThat(c.at("/withdrawnBy/id").asText()).isEqualTo("city-shelter");
            assertThat(c.get("withdrawnByLabel").asText()).isNotEqualTo("You");
        });
        assertThat(me.get("consents")).anySatisfy(c -> {
            assertThat(c.get("id").asText()).isEqualTo(byPerson);
            assertThat(c.get("withdrawnBy").isNull()).isTrue();
            assertThat(c.get("withdrawnByLabel").asText()).isEqualTo("You");
        });
        assertThat(me.get("referrals")).singleElement().satisfies(r -> {
            assertThat(r.get("status").asText()).isEqualTo("declined");
            assertThat(r.get("declineReason").asText()).startsWith("We have no appointments left");
        });
        byte[] stored = server.haven.database().autonomous(h -> h.createQuery("SELECT sealed_decline_reason FROM referrals WHERE id = :id")
            .bind("id", UUID.fromString(referral)).mapTo(byte[].class).one());
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).as("sealed at rest").doesNotContain("appointments");
    }

    @Test
    void a_permitted_write_the_database_then_refuses_is_recorded_as_not_completed() {
        Response created = create("en");
        UUID person = UUID.fromString(created.body().get("id").asText());
        server.haven.database().autonomous(h -> h.execute(
            "CREATE TRIGGER refuse_consents BEFORE INSERT ON consents FOR EACH ROW CALL \"eu.haven.app.RefusingTrigger\""));
        Response r = server.send("POST", "/api/v1/persons/" + person + "/consents", shelter, "shelter",
            "{\"recipient\":\"legal-aid\",\"purposes\":[\"legal-aid\"],\"categories\":[\"identity\"],\"method\":\"verbal\","
                + "\"language\":\"en\"}");
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.raw()).doesNotContain("disk is full").doesNotContain("Exception");
        var consentEvents = server.haven.ledger().forPerson(person).stream().map(e -> e.event())
            .filter(e -> e.action().equals("consent")).toList();
        assertThat(consentEvents).hasSize(2);
        assertThat(consentEvents.get(0).permitted()).isTrue();
        assertThat(consentEvents.get(1).permitted()).isFalse();
        assertThat(consentEvents.get(1).reason()).contains("not-completed");
        assertThat(consentEvents.get(1).target()).isEqualTo(consentEvents.get(0).target());

        JsonNode history = server.send("GET", "/api/v1/me", server.personToken(created.body().get("accessCode").asText()), null, null)
            .body().get("accessHistory");
        assertThat(history).anySatisfy(e -> {
            assertThat(e.path("reason").asText()).isEqualTo("not-completed");
            assertThat(e.get("summary").asText()).contains("nothing was changed");
        });
    }
}
