package eu.haven.app;

import com.fasterxml.jackson.databind.JsonNode;
import static org.assertj.core.api.Assertions.assertThat;

import eu.haven.app.TestServer.Response;
import eu.haven.core.audit.LoggedEvent;
import eu.haven.core.retention.RetentionJob;
import eu.haven.store.DatabaseConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Throttled access codes, new codes, erasure that waits for an obligation, retention, children. */
class PeopleRightsTest {
    private MovableClock clock;
    private TestServer server;

    @BeforeEach
    void start() throws IOException {
        clock = new MovableClock();
        HavenConfig config = HavenConfig.embedded(Files.createTempDirectory("haven-rights"))
            .withDatabase(DatabaseConfig.h2Memory("r" + UUID.randomUUID())).withClock(clock);
        server = new TestServer(config, UnaryOperator.identity());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private record Created(UUID id, String code) {}

    private Created create(String token, String purpose, String birthDate) {
        Response r = server.send("POST", "/api/v1/persons", token, purpose, "{\"displayName\":\"Test Person\",\"preferredLanguage\":\"fa\""
            + (birthDate == null ? "" : ",\"birthDate\":\"" + birthDate + "\"") + "}");
        assertThat(r.status()).isEqualTo(201);
        return new Created(UUID.fromString(r.body().get("id").asText()), r.body().get("accessCode").asText());
    }

    private Response signIn(String code) {
        return server.personSignIn(code);
    }

    private List<String> actions(UUID person) {
        return server.haven.ledger().forPerson(person).stream().map(LoggedEvent::event).map(e -> e.action()).toList();
    }

    @Test
    void wrong_codes_are_throttled_and_the_owner_gets_in_after_the_window() {
        String shelter = server.login("shelter.worker");
        Created p = create(shelter, "shelter", null);
        for (int i = 0; i < 5; i++) {
            Response wrong = signIn("2222-2222-2222-2222-2222-222" + (i + 2));
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(wrong.error()).isEqualTo("invalid-credentials");
        }
        Response throttled = signIn("2222-2222-2222-2222-2222-2229");
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.error()).isEqualTo("rate-limited");
        assertThat(signIn(p.code()).status()).as("during the window even the right code waits").isEqualTo(429);
        assertThat(signIn("not even a code").status()).isEqualTo(429);
        clock.advance(Duration.ofSeconds(61));
        Response owner = signIn(p.code());
        assertThat(owner.status()).isEqualTo(201);
        assertThat(server.send("GET", "/api/v1/me", owner.body().get("token").asText(), null, null).status()).isEqualTo(200);
    }

    @Test
    void behind_a_trusted_proxy_wrong_codes_are_counted_per_client() throws Exception {
        server.close();
        HavenConfig base = HavenConfig.embedded(Files.createTempDirectory("haven-proxy")).withDatabase(DatabaseConfig.h2Memory("p" + UUID.randomUUID())).withClock(clock);
        server = new TestServer(base.withPeople(new HavenConfig.PeopleConfig(16, Duration.ofHours(24),
            base.people().sessions(), java.util.Set.of("127.0.0.1", "0:0:0:0:0:0:0:1"))), UnaryOperator.identity());
        Created p = create(server.login("shelter.worker"), "shelter", null);
        var client = java.net.http.HttpClient.newHttpClient();
        java.util.function.BiFunction<String, String, Integer> signInFrom = (address, code) -> {
            try {
                return client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.base() + "/api/v1/me/activate"))
                    .header("Content-Type", "application/json").header("X-Forwarded-For", "203.0.113.9, " + address)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"accessCode\":\"" + code + "\",\"secret\":\"2468\"}")).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        for (int i = 0; i < 5; i++) {
            assertThat(signInFrom.apply("198.51.100.7", "2222-2222-2222-2222-2222-2222")).isEqualTo(401);
        }
        assertThat(signInFrom.apply("198.51.100.7", p.code())).as("the guesser waits").isEqualTo(429);
        assertThat(signInFrom.apply("198.51.100.8", p.code())).as("another client behind the same proxy does not").isEqualTo(201);
    }

    @Test
    void a_forged_forwarded_header_does_not_reset_the_count_without_a_trusted_proxy() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(signIn("2222-2222-2222-2222-2222-2223").status()).isEqualTo(401);
        }
        var client = java.net.http.HttpClient.newHttpClient();
        int status = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.base() + "/api/v1/me/session"))
            .header("Content-Type", "application/json").header("X-Forwarded-For", "192.0.2.44")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"accessCode\":\"2222-2222-2222-2222-2222-2224\"}")).build(),
            java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
        assertThat(status).isEqualTo(429);
    }

    @Test
    void a_new_code_needs_a_second_person_and_replaces_the_old_one_at_once() {
        String shelter = server.login("shelter.worker");
        Created p = create(shelter, "shelter", null);
        String oldSession = signIn(p.code()).body().get("token").asText();
        Response asked = server.send("POST", "/api/v1/persons/" + p.id() + "/access-code", shelter, "shelter", null);
        assertThat(asked.status()).isEqualTo(202);
        assertThat(asked.body().has("accessCode")).as("no code before a second person approves").isFalse();
        String request = asked.body().get("id").asText();
        String collect = "/api/v1/access-code-requests/" + request + "/collect";
        assertThat(server.send("POST", collect, shelter, "shelter", null).status()).isEqualTo(409);
        String dpo = server.login("city.dpo");
        assertThat(server.send("GET", "/api/v1/access-code-requests", dpo, null, null).raw()).contains(request)
            .doesNotContain(p.id().toString());
        assertThat(server.send("POST", "/api/v1/access-code-requests/" + request + "/approve", dpo, "dpv:RightsFulfilment", null)
            .status()).isEqualTo(200);
        assertThat(signIn(p.code()).status()).as("the old code works until the new one is collected").isEqualTo(201);
        Response issued = server.send("POST", collect, shelter, "shelter", null);
        assertThat(issued.status()).isEqualTo(201);
        String newCode = issued.body().get("accessCode").asText();
        assertThat(newCode).isNotEqualTo(p.code()).matches("([2-9A-HJKMNP-TV-Z]{4}-){5}[2-9A-HJKMNP-TV-Z]{4}");
        assertThat(issued.body().get("language").asText()).isEqualTo("fa");
        assertThat(server.send("POST", collect, shelter, "shelter", null).status()).as("collected once").isEqualTo(409);
        assertThat(signIn(p.code()).status()).isEqualTo(401);
        assertThat(server.send("GET", "/api/v1/me", oldSession, null, null).status()).isEqualTo(401);
        String token = server.personToken(newCode);
        assertThat(actions(p.id())).contains("request-access-code", "approve-access-code", "issue-access-code", "alert",
            "activate-access-code");
        var shown = server.send("GET", "/api/v1/me?lang=en", token, null, null).body().get("accessCodeRequests").get(0);
        assertThat(shown.get("requestedBy").get("username").asText()).isEqualTo("shelter.worker");
        assertThat(shown.get("approvedBy").get("username").asText()).isEqualTo("city.dpo");
        assertThat(shown.get("status").asText()).isEqualTo("issued");
        assertThat(server.send("POST", "/api/v1/persons/" + p.id() + "/access-code", server.login("legal.worker"), "legal-aid", null)
            .status()).as("only an organisation working with the person").isEqualTo(404);

        Response receipt = server.send("POST", "/api/v1/access-code-receipts", shelter, null,
            "{\"accessCode\":\"" + newCode + "\",\"language\":\"fa\"}");
        assertThat(receipt.status()).isEqualTo(200);
        assertThat(receipt.raw()).contains("<html lang=\"fa\" dir=\"rtl\">", "<svg", newCode.replace('-', ' '), "کد دسترسی");
        assertThat(server.send("POST", "/api/v1/access-code-receipts", null, null, "{\"accessCode\":\"" + newCode + "\"}").status())
            .isEqualTo(401);
        assertThat(server.send("POST", "/api/v1/access-code-receipts", shelter, null, "{\"accessCode\":\"hello\"}").error())
            .isEqualTo("invalid-request");
    }

    @Test
    void erasure_waits_for_an_organisation_with_a_retention_obligation() {
        String health = server.login("health.worker");
        Created p = create(health, "health-care", null);
        String records = "/api/v1/persons/" + p.id() + "/records";
        assertThat(server.send("POST", records, health, "health-care", "{\"category\":\"health\",\"data\":{\"x\":1}}").status())
            .isEqualTo(201);
        String token = signIn(p.code()).body().get("token").asText();
        Response asked = server.send("POST", "/api/v1/me/erasure", token, null, null);
        assertThat(asked.status()).isEqualTo(202);
        assertThat(asked.body().get("erased").asBoolean()).isFalse();
        assertThat(asked.body().get("waiting").get(0).get("reason").asText()).contains("ten years");
        assertThat(server.send("GET", "/api/v1/me?lang=en", token, null, null).body().get("erasure").get(0).get("status").asText())
            .isEqualTo("pending");
        Response queue = server.send("GET", "/api/v1/erasures", health, "health-care", null);
        assertThat(queue.raw()).contains(p.id().toString());

        Response declined = server.send("POST", "/api/v1/persons/" + p.id() + "/erasure/decline", health, "health-care",
            "{\"answer\":\"Your treatment ended last month; the law makes us keep the file.\"}");
        assertThat(declined.status()).isEqualTo(200);
        assertThat(server.send("GET", "/api/v1/me?lang=en", token, null, null).raw()).contains("the law makes us keep the file");
        assertThat(server.send("POST", "/api/v1/persons/" + p.id() + "/erasure/confirm", health, "health-care", null).status())
            .isEqualTo(409);

        // Asked again later, the caseworker confirms: everything goes.
        Created q = create(health, "health-care", null);
        server.send("POST", "/api/v1/persons/" + q.id() + "/records", health, "health-care", "{\"category\":\"health\",\"data\":{}}");
        Response onBehalf = server.send("POST", "/api/v1/me/erasure", server.personToken(q.code()), null, null);
        assertThat(onBehalf.status()).isEqualTo(202);
        Response confirmed = server.send("POST", "/api/v1/persons/" + q.id() + "/erasure/confirm", health, "health-care", null);
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.body().get("erased").asBoolean()).isTrue();
        assertThat(signIn(q.code()).status()).isEqualTo(401);
        assertThat(server.send("GET", "/api/v1/persons/" + q.id() + "/records", health, "health-care", null).status()).isEqualTo(404);
    }

    @Test
    void retention_ends_expired_records_and_erases_people_with_nothing_left() {
        String shelter = server.login("shelter.worker");
        String health = server.login("health.worker");
        Created housed = create(shelter, "shelter", null);
        server.send("POST", "/api/v1/persons/" + housed.id() + "/records", shelter, "shelter", "{\"category\":\"housing\",\"data\":{}}");
        Created patient = create(health, "health-care", null);
        RetentionJob job = server.haven.retention();

        assertThat(job.run(clock.instant().plus(Duration.ofDays(365))).recordsEnded()).isZero();
        long before = server.haven.ledger().size();
        RetentionJob.Result threeYears = job.run(clock.instant().plus(Duration.ofDays(3 * 366)));
        assertThat(threeYears).isEqualTo(new RetentionJob.Result(2, 1));
        assertThat(server.haven.ledger().size()).as("two end-retention events, the erasure and its erasure record").isEqualTo(before + 4);
        assertThat(signIn(housed.code()).status()).isEqualTo(401);
        assertThat(signIn(patient.code()).status()).as("health records are kept ten years").isEqualTo(201);

        RetentionJob.Result elevenYears = job.run(clock.instant().plus(Duration.ofDays(11 * 366)));
        assertThat(elevenYears).isEqualTo(new RetentionJob.Result(1, 1));
        assertThat(signIn(patient.code()).status()).isEqualTo(401);
    }

    @Test
    void children_need_a_guardians_consent_for_referrals() {
        String shelter = server.login("shelter.worker");
        Created child = create(shelter, "shelter", LocalDate.now().minusYears(12).toString());
        String consents = "/api/v1/persons/" + child.id() + "/consents";
        String body = "{\"recipient\":\"legal-aid\",\"purposes\":[\"legal-aid\"],\"categories\":[\"identity\"],\"language\":\"fa\",\"method\":";
        Response own = server.send("POST", consents, shelter, "shelter", body + "\"verbal\"}");
        assertThat(own.status()).isEqualTo(403);
        assertThat(own.error()).isEqualTo("guardian-consent-required");
        Response nobody = server.send("POST", consents, shelter, "shelter", body + "\"guardian\"}");
        assertThat(nobody.status()).as("a guardian's consent names the guardian").isEqualTo(400);
        Response guardian = server.send("POST", consents, shelter, "shelter",
            body + "\"guardian\",\"guardian\":{\"name\":\"Maryam Example\",\"relationship\":\"mother\"}}");
        assertThat(guardian.status()).isEqualTo(201);
        assertThat(guardian.body().get("method").asText()).isEqualTo("guardian");
        assertThat(guardian.body().get("guardianRelationship").asText()).isEqualTo("mother");
        assertThat(guardian.raw()).as("the name is sealed, shown to the person only").doesNotContain("Maryam");
        JsonNode mine = server.send("GET", "/api/v1/me", server.personToken(child.code()), null, null).body().get("consents");
        assertThat(mine).anySatisfy(c -> {
            assertThat(c.at("/guardian/name").asText()).isEqualTo("Maryam Example");
            assertThat(c.at("/guardian/relationship").asText()).isEqualTo("mother");
            assertThat(c.at("/guardian/relationshipLabel").asText()).isNotBlank();
        });
        Response referral = server.send("POST", "/api/v1/referrals", shelter, "shelter", "{\"personId\":\"" + child.id()
            + "\",\"to\":\"legal-aid\",\"purpose\":\"legal-aid\",\"categories\":[\"identity\"],\"consentId\":\""
            + guardian.body().get("id").asText() + "\"}");
        assertThat(referral.status()).isEqualTo(201);
        assertThat(server.haven.ledger().forPerson(child.id()).stream()
            .filter(e -> e.event().reason().equals(Optional.of("guardian-consent-required")))).hasSize(1);

        Created adult = create(shelter, "shelter", LocalDate.now().minusYears(30).toString());
        assertThat(server.send("POST", "/api/v1/persons/" + adult.id() + "/consents", shelter, "shelter", body + "\"verbal\"}").status())
            .isEqualTo(201);
    }
}
