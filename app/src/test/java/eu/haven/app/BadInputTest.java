package eu.haven.app;

import static org.assertj.core.api.Assertions.assertThat;

import eu.haven.app.TestServer.Response;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bad input gets its specific 4xx with {"error","message"}; never a 500, never a stack trace. */
class BadInputTest {
    private static TestServer server;
    private static String token;
    private static UUID person;
    private static String self;

    @BeforeAll
    static void start() {
        server = new TestServer();
        token = server.login("shelter.worker");
        Response created = server.send("POST", "/api/v1/persons", token, "shelter",
            "{\"displayName\":\"Fuzz Person\",\"preferredLanguage\":\"en\"}");
        person = UUID.fromString(created.body().get("id").asText());
        self = server.personToken(created.body().get("accessCode").asText());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void assertError(Response r, int status, String code) {
        assertThat(r.status()).as(r.raw()).isEqualTo(status);
        assertThat(r.error()).isEqualTo(code);
        assertThat(r.body().path("message").asText()).isNotBlank();
        assertThat(r.raw()).doesNotContain("Exception").doesNotContain("at eu.haven");
    }

    @Test
    void each_kind_of_bad_input_has_its_own_answer() {
        String persons = "/api/v1/persons";
        String records = "/api/v1/persons/" + person + "/records";
        assertError(server.send("POST", persons, token, "shelter", "{not json"), 400, "invalid-json");
        assertError(server.send("POST", persons, token, "shelter", "{\"displayName\":12,\"preferredLanguage\":\"en\"}"), 400, "invalid-request");
        assertError(server.send("POST", persons, token, "shelter", "{\"displayName\":\"a\",\"preferredLanguage\":\"en\",\"x\":1}"), 400, "invalid-request");
        assertError(server.send("POST", persons, token, "shelter", "{\"displayName\":\"a\",\"preferredLanguage\":\"not a tag!\"}"), 400, "invalid-request");
        assertError(server.send("POST", persons, token, "shelter", "[]"), 400, "invalid-request");
        assertError(server.send("POST", persons, token, "shelter", "null"), 400, "invalid-json");
        assertError(server.send("POST", persons, token, null, "{}"), 400, "purpose-required");
        assertError(server.send("POST", persons, token, "spying", "{\"displayName\":\"a\",\"preferredLanguage\":\"en\"}"), 400,
            "unknown-purpose");
        assertError(server.send("POST", records, token, "shelter", "{\"category\":\"shoe-size\",\"data\":{}}"), 400, "unknown-category");
        assertError(server.send("POST", records, token, "shelter", "{\"category\":\"housing\",\"data\":[1]}"), 400, "invalid-request");
        assertError(server.send("GET", records + "?category=nope", token, "shelter", null), 400, "unknown-category");
        assertError(server.send("POST", records, token, "shelter", "{\"category\":\"housing\",\"data\":{\"x\":\"" + "a".repeat(1_100_000) + "\"}}"), 413, "body-too-large");
        assertError(server.send("GET", records, null, "shelter", null), 401, "unauthorized");
        assertError(server.send("GET", records, "forged-token", "shelter", null), 401, "unauthorized");
        assertError(server.send("GET", records, token + "x", "shelter", null), 401, "unauthorized");
        assertError(server.send("POST", "/api/v1/auth/token", null, null, "{\"username\":\"shelter.worker\",\"password\":\"wrong\"}"), 401, "invalid-credentials");
        assertError(server.send("GET", "/api/v1/persons/not-a-uuid/records", token, "shelter", null), 404, "not-found");
        assertError(server.send("GET", "/no/such/path", token, null, null), 404, "not-found");
        assertError(server.send("DELETE", "/api/v1/persons", token, "shelter", null), 405, "method-not-allowed");
        assertError(server.send("POST", "/api/v1/persons/" + person + "/consents", token, "shelter",
            "{\"recipient\":\"nobody\",\"purposes\":[\"legal-aid\"],\"categories\":[\"identity\"],\"method\":\"verbal\",\"language\":\"en\"}"),
            400, "unknown-organisation");
        assertError(server.send("POST", "/api/v1/persons/" + person + "/consents", token, "shelter",
            "{\"recipient\":\"legal-aid\",\"purposes\":[\"legal-aid\"],\"categories\":[\"identity\"],\"method\":\"telepathy\",\"language\":\"en\"}"),
            400, "invalid-request");
        assertError(server.send("POST", "/api/v1/referrals", token, "shelter",
            "{\"personId\":\"" + person + "\",\"to\":\"legal-aid\",\"purpose\":\"legal-aid\",\"categories\":[\"identity\"],\"consentId\":\"" + UUID.randomUUID() + "\"}"),
            403, "no-consent");
        String dpo = server.login("city.dpo");
        assertError(server.send("GET", records, dpo, "shelter", null), 403, "role");
    }

    @Test
    void the_persons_own_requests_answer_bad_input_plainly() {
        assertError(server.send("POST", "/api/v1/me/session", null, null, "{}"), 401, "invalid-credentials");
        assertError(server.send("POST", "/api/v1/me/session", null, null, "{\"accessCode\":12}"), 400, "invalid-request");
        assertError(server.send("GET", "/api/v1/me", token, null, null), 401, "unauthorized");
        assertError(server.send("GET", "/api/v1/persons/" + person + "/records", self, "shelter", null), 401, "unauthorized");
        assertError(server.send("GET", "/api/v1/me/receipts/abc", self, null, null), 404, "not-found");
        assertError(server.send("GET", "/api/v1/me/receipts/-1", self, null, null), 404, "not-found");
        assertError(server.send("GET", "/api/v1/me/receipts/99999999999999", self, null, null), 404, "not-found");
        assertError(server.send("POST", "/api/v1/me/consents/not-a-uuid/withdraw", self, null, null), 404, "not-found");
        assertError(server.send("POST", "/api/v1/me/consents/" + UUID.randomUUID() + "/withdraw", self, null, null), 404, "not-found");
        assertError(server.send("POST", "/api/v1/me/corrections", self, null, "{\"organisation\":\"legal-aid\",\"text\":\"x\"}"),
            400, "unknown-organisation");
        assertError(server.send("POST", "/api/v1/me/corrections", self, null, "{\"organisation\":\"city-shelter\"}"), 400, "invalid-request");
        assertError(server.send("POST", "/api/v1/me/corrections", self, null,
            "{\"organisation\":\"city-shelter\",\"text\":\"" + "a".repeat(5000) + "\"}"), 400, "invalid-request");
        assertError(server.send("POST", "/api/v1/me/corrections", self, null,
            "{\"organisation\":\"city-shelter\",\"recordId\":\"" + UUID.randomUUID() + "\",\"text\":\"x\"}"), 400, "invalid-request");
        assertError(server.send("POST", "/api/v1/corrections/" + UUID.randomUUID() + "/answer", token, "shelter",
            "{\"status\":\"maybe\",\"answer\":\"x\"}"), 400, "invalid-request");
        assertError(server.send("POST", "/api/v1/corrections/" + UUID.randomUUID() + "/answer", token, "shelter",
            "{\"status\":\"answered\",\"answer\":\"x\"}"), 404, "not-found");
        assertError(server.send("POST", "/api/v1/access-code-receipts", token, null, "{\"accessCode\":\"x\"}"), 400, "invalid-request");
        assertError(server.send("POST", "/api/v1/persons/" + person + "/erasure/confirm", token, "shelter", null), 404, "not-found");
        assertError(server.send("POST", "/api/v1/persons/" + person + "/erasure/decline", token, "shelter", "{}"), 400, "invalid-request");
        assertError(server.send("GET", "/api/v1/corrections", server.login("city.dpo"), "shelter", null), 403, "role");
    }

    @Test
    void thousands_of_generated_bodies_never_cause_a_server_error() {
        Random random = new Random(20261122);
        List<String> paths = List.of("/api/v1/persons", "/api/v1/persons/" + person + "/records",
            "/api/v1/persons/" + person + "/consents", "/api/v1/referrals", "/api/v1/auth/token", "/api/v1/me/session",
            "/api/v1/me/corrections", "/api/v1/access-code-receipts", "/api/v1/corrections/" + UUID.randomUUID() + "/answer",
            "/api/v1/persons/" + person + "/erasure/decline", "/api/v1/persons/" + person + "/records/" + UUID.randomUUID());
        int count = 0;
        for (int i = 0; i < 3000; i++) {
            String path = paths.get(random.nextInt(paths.size()));
            String body = GeneratedJson.body(random);
            String method = path.contains("/records/") ? "PUT" : "POST";
            Response r = server.send(method, path, path.contains("/me/") ? self : token, random.nextInt(10) == 0 ? "legal-aid" : "shelter", body);
            assertThat(r.status()).as("%s <- %s", path, body).isBetween(200, 499);
            if (r.status() >= 400) {
                assertThat(r.body().has("error") && r.body().has("message")).as(r.raw()).isTrue();
            }
            count++;
        }
        assertThat(count).isEqualTo(3000);
    }

    @Test
    void a_refusal_about_one_field_names_it_for_a_form() {
        String persons = "/api/v1/persons";
        Response wrongType = server.send("POST", persons, token, "shelter", "{\"displayName\":12,\"preferredLanguage\":\"en\"}");
        assertThat(wrongType.body().path("field").asText()).isEqualTo("displayName");
        Response unknown = server.send("POST", persons, token, "shelter", "{\"displayName\":\"a\",\"preferredLanguage\":\"en\",\"x\":1}");
        assertThat(unknown.body().path("field").asText()).isEqualTo("x");
        Response language = server.send("POST", persons, token, "shelter", "{\"displayName\":\"a\",\"preferredLanguage\":\"xx\"}");
        assertThat(language.body().path("field").asText()).isEqualTo("preferredLanguage");
        Response missing = server.send("POST", persons, token, "shelter", "{\"preferredLanguage\":\"en\"}");
        assertThat(missing.body().path("field").asText()).isEqualTo("displayName");
        Response notAboutAField = server.send("POST", persons, token, null, "{}");
        assertThat(notAboutAField.body().has("field")).isFalse();
    }
}
