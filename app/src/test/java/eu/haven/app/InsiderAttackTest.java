package eu.haven.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.haven.app.TestServer.Response;
import eu.haven.core.audit.LoggedEvent;
import eu.haven.event.AccessEvent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The attacks of an insider with a valid account, each written as the attack: impersonation
 * through the person's view, two purposes at once, made-up purposes, erasing someone else's
 * records, and a withdrawal that must not lock organisations out of answering the person.
 */
class InsiderAttackTest {
    private TestServer server;
    private String shelter;
    private String legal;
    private String health;

    @BeforeEach
    void start() {
        server = new TestServer();
        shelter = server.login("shelter.worker");
        legal = server.login("legal.worker");
        health = server.login("health.worker");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private record Person(UUID id, String code) {}

    private Person takeOn() {
        Response r = server.send("POST", "/api/v1/persons", shelter, "shelter", "{\"displayName\":\"Amina Example\",\"preferredLanguage\":\"ar\"}");
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.body().get("activateBy").asText()).isNotBlank();
        return new Person(UUID.fromString(r.body().get("id").asText()), r.body().get("accessCode").asText());
    }

    /** The shelter refers the person to {@code to} with an identity-only consent, and {@code to} accepts. */
    private String referIdentityOnly(UUID person, String to, String purpose, String toToken) {
        String consent = server.send("POST", "/api/v1/persons/" + person + "/consents", shelter, "shelter",
            "{\"recipient\":\"" + to + "\",\"purposes\":[\"" + purpose + "\"],\"categories\":[\"identity\"],"
                + "\"method\":\"verbal\",\"language\":\"ar\"}").body().get("id").asText();
        String referral = server.send("POST", "/api/v1/referrals", shelter, "shelter", "{\"personId\":\"" + person + "\",\"to\":\""
            + to + "\",\"purpose\":\"" + purpose + "\",\"categories\":[\"identity\"],\"consentId\":\"" + consent + "\"}")
            .body().get("id").asText();
        assertThat(server.send("POST", "/api/v1/referrals/" + referral + "/accept", toToken, purpose, null).status()).isEqualTo(200);
        return consent;
    }

    private List<AccessEvent> events(UUID person) {
        return server.haven.ledger().forPerson(person).stream().map(LoggedEvent::event).toList();
    }

    private Response activate(String code, String secret) {
        return server.send("POST", "/api/v1/me/activate", null, null,
            "{\"accessCode\":\"" + code + "\",\"secret\":\"" + secret + "\"}");
    }

    @Test
    void a_referral_partner_cannot_get_a_code_and_read_everything_through_the_persons_view() {
        Person p = takeOn();
        server.send("POST", "/api/v1/persons/" + p.id() + "/records", shelter, "shelter",
            "{\"category\":\"health\",\"data\":{\"note\":\"asthma\"}}");
        referIdentityOnly(p.id(), "legal-aid", "legal-aid", legal);
        Response asked = server.send("POST", "/api/v1/persons/" + p.id() + "/access-code", legal, "legal-aid", null);
        assertThat(asked.status()).as("no relationship of its own: it cannot even ask").isEqualTo(404);
        assertThat(asked.raw()).doesNotContain("accessCode");
        assertThat(events(p.id())).anyMatch(e -> e.action().equals("request-access-code") && !e.permitted()
            && e.organisation().orElse("").equals("legal-aid"));
        String token = server.personToken(p.code());
        assertThat(server.send("GET", "/api/v1/me", token, null, null).status()).as("the person's own code still works").isEqualTo(200);
    }

    @Test
    void a_worker_who_activates_a_code_they_issued_is_exposed_to_the_person_and_the_dpo() {
        Person p = takeOn();
        Response hijack = activate(p.code(), "worker-knows");
        assertThat(hijack.status()).as("the code alone activates, once").isEqualTo(201);

        Response person = activate(p.code(), "1357");
        assertThat(person.status()).isEqualTo(409);
        assertThat(person.error()).isEqualTo("already-activated");
        assertThat(person.body().get("message").asText()).contains("data protection officer");
        assertThat(person.raw()).doesNotContain("token");
        String dpo = server.login("city.dpo");
        JsonNode alerts = server.send("GET", "/api/v1/alerts", dpo, null, null).body().get("alerts");
        assertThat(alerts).anySatisfy(a -> {
            assertThat(a.get("kind").asText()).isEqualTo("code-already-activated");
            assertThat(a.get("organisation").asText()).isEqualTo("city-shelter");
        });
        assertThat(alerts.toString()).doesNotContain(p.id().toString());
        assertThat(server.send("GET", "/api/v1/alerts", shelter, null, null).status()).as("alerts are the DPO's").isEqualTo(403);
        assertThat(events(p.id())).anyMatch(e -> e.action().equals("activate-access-code") && !e.permitted()
            && e.reason().orElse("").equals("already-activated"));

        // The shelter cannot fix it alone: a colleague's approval does not count, the DPO's does.
        Response asked = server.send("POST", "/api/v1/persons/" + p.id() + "/access-code", shelter, "shelter", null);
        assertThat(asked.status()).isEqualTo(202);
        String request = asked.body().get("id").asText();
        String approve = "/api/v1/access-code-requests/" + request + "/approve";
        assertThat(server.send("POST", approve, shelter, "shelter", null).error()).isEqualTo("second-person-required");
        server.haven.staffAdmin().createUser(java.util.Optional.empty(), "shelter.colleague", "city-shelter", eu.haven.core.staff.Role.CASEWORKER,
            DemoData.PASSWORD);
        String colleague = server.login("shelter.colleague");
        assertThat(server.send("POST", approve, colleague, "shelter", null).error()).isEqualTo("second-person-required");
        assertThat(server.send("POST", approve, legal, "legal-aid", null).status())
            .as("another organisation without a live relationship cannot approve").isEqualTo(404);
        assertThat(server.send("POST", "/api/v1/access-code-requests/" + request + "/collect", shelter, "shelter", null).status())
            .isEqualTo(409);
        assertThat(server.send("POST", approve, dpo, "dpv:RightsFulfilment", null).status()).isEqualTo(200);
        assertThat(server.send("POST", "/api/v1/access-code-requests/" + request + "/collect", colleague, "shelter", null).status())
            .as("only the one who asked collects").isEqualTo(404);
        String fresh = server.send("POST", "/api/v1/access-code-requests/" + request + "/collect", shelter, "shelter", null)
            .body().get("accessCode").asText();
        Response mine = activate(fresh, "1357");
        assertThat(mine.status()).isEqualTo(201);
        JsonNode view = server.send("GET", "/api/v1/me?lang=en", mine.body().get("token").asText(), null, null).body();
        JsonNode shown = view.get("accessCodeRequests").get(0);
        assertThat(shown.get("requestedBy").get("username").asText()).isEqualTo("shelter.worker");
        assertThat(shown.get("approvedBy").get("username").asText()).isEqualTo("city.dpo");
        assertThat(view.get("accessHistory").toString()).contains("already-activated", "alert");
    }

    @Test
    void a_code_not_activated_in_time_expires_and_a_guessed_secret_locks_the_code() throws Exception {
        server.close();
        MovableClock clock = new MovableClock();
        server = new TestServer(TestServer.inMemory().withClock(clock), java.util.function.UnaryOperator.identity());
        shelter = server.login("shelter.worker");
        Person late = takeOn();
        clock.advance(java.time.Duration.ofDays(8));
        assertThat(activate(late.code(), "1357").error()).isEqualTo("access-code-expired");

        shelter = server.login("shelter.worker");
        Person p = takeOn();
        assertThat(server.send("POST", "/api/v1/me/session", null, null, "{\"accessCode\":\"" + p.code() + "\"}").error())
            .isEqualTo("activation-required");
        assertThat(activate(p.code(), "1357").status()).isEqualTo(201);
        for (int i = 0; i < 10; i++) {
            clock.advance(java.time.Duration.ofSeconds(61));
            Response wrong = server.send("POST", "/api/v1/me/session", null, null,
                "{\"accessCode\":\"" + p.code() + "\",\"secret\":\"" + (1000 + i) + "\"}");
            assertThat(wrong.status()).isIn(401, 403);
        }
        clock.advance(java.time.Duration.ofSeconds(61));
        Response right = server.send("POST", "/api/v1/me/session", null, null, "{\"accessCode\":\"" + p.code() + "\",\"secret\":\"1357\"}");
        assertThat(right.error()).as("the right secret no longer opens a locked code").isEqualTo("access-code-locked");
        assertThat(server.send("GET", "/api/v1/alerts", server.login("city.dpo"), null, null).raw()).contains("secret-locked");
    }

    @Test
    void two_purpose_headers_or_a_comma_list_are_refused_and_a_firewalled_one_is_a_firewall_refusal() throws Exception {
        Person p = takeOn();
        String records = "/api/v1/persons/" + p.id() + "/records";
        HttpRequest twoHeaders = HttpRequest.newBuilder(URI.create(server.base() + records)).GET()
            .header("Authorization", "Bearer " + shelter).header("Purpose", "shelter").header("Purpose", "immigration-enforcement").build();
        HttpResponse<String> r = HttpClient.newHttpClient().send(twoHeaders, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("\"firewall\"").doesNotContain("Amina");
        Response comma = server.send("GET", records, shelter, "shelter, sector-law:ImmigrationEligibilityAssessment", null);
        assertThat(comma.error()).isEqualTo("firewall");
        Response two = server.send("GET", records, shelter, "shelter,health-care", null);
        assertThat(two.status()).isEqualTo(400);
        assertThat(two.error()).isEqualTo("multiple-purposes");
        List<AccessEvent> events = events(p.id());
        assertThat(events.stream().filter(e -> !e.permitted() && "firewall".equals(e.reason().orElse(""))).count()).isEqualTo(2);
        assertThat(events).anyMatch(e -> "multiple-purposes".equals(e.reason().orElse("")));
        assertThat(events).noneMatch(e -> e.action().equals("read") && e.permitted() && e.purpose().contains(","));
        assertThat(server.haven.metrics().counter("haven.firewall.refusals").count()).isEqualTo(2.0);
    }

    @Test
    void a_made_up_purpose_is_refused_recorded_and_shown_to_the_person() throws Exception {
        Person p = takeOn();
        String records = "/api/v1/persons/" + p.id() + "/records";
        for (String made : List.of("police", "deportation", "HTTP://W3ID.ORG/dpv/sector/law#LawEnforcment")) {
            Response r = server.send("GET", records, shelter, made, null);
            assertThat(r.status()).as(made).isEqualTo(400);
            assertThat(r.error()).isEqualTo("unknown-purpose");
        }
        // A Cyrillic "а" in LawEnforcement, sent as raw UTF-8 (Java's client refuses non-ASCII header values).
        assertThat(rawGet(records, "sector-law:L\u0430wEnforcement")).startsWith("HTTP/1.1 400");
        assertThat(server.send("GET", records, shelter, "HTTP://W3ID.ORG/dpv/sector/law#lawenforcement", null).error())
            .as("any letter case of a firewalled IRI").isEqualTo("firewall");
        String token = server.personToken(p.code());
        JsonNode accesses = server.send("GET", "/api/v1/me?lang=en", token, null, null).body().get("accessHistory");
        List<String> purposes = new java.util.ArrayList<>();
        accesses.forEach(a -> {
            if ("unknown-purpose".equals(a.path("reason").asText())) {
                purposes.add(a.get("purpose").asText());
            }
        });
        assertThat(purposes).hasSize(4).startsWith("police", "deportation", "HTTP://W3ID.ORG/dpv/sector/law#LawEnforcment");
        assertThat(purposes.get(3)).startsWith("sector-law:L").endsWith("wEnforcement").isNotEqualTo("sector-law:LawEnforcement");
        String longPurpose = "x".repeat(5000);
        assertThat(server.send("GET", records, shelter, longPurpose, null).status()).isEqualTo(400);
        assertThat(events(p.id()).get(events(p.id()).size() - 1).purpose()).hasSizeLessThanOrEqualTo(120);
    }

    private String rawGet(String path, String purpose) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket("localhost", server.haven.port())) {
            String head = "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + shelter
                + "\r\nPurpose: " + purpose + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void queues_and_other_organisations_items_are_decided_and_recorded() {
        Person p = takeOn();
        assertThat(server.send("GET", "/api/v1/referrals", legal, null, null).error()).isEqualTo("purpose-required");
        String consent = server.send("POST", "/api/v1/persons/" + p.id() + "/consents", shelter, "shelter",
            "{\"recipient\":\"legal-aid\",\"purposes\":[\"legal-aid\"],\"categories\":[\"identity\"],\"method\":\"verbal\",\"language\":\"ar\"}")
            .body().get("id").asText();
        String referral = server.send("POST", "/api/v1/referrals", shelter, "shelter", "{\"personId\":\"" + p.id()
            + "\",\"to\":\"legal-aid\",\"purpose\":\"legal-aid\",\"categories\":[\"identity\"],\"consentId\":\"" + consent + "\"}")
            .body().get("id").asText();
        assertThat(server.send("GET", "/api/v1/referrals", legal, "immigration-enforcement", null).error()).isEqualTo("firewall");
        assertThat(server.send("GET", "/api/v1/referrals", legal, "legal-aid", null).raw()).contains(referral);
        assertThat(server.send("POST", "/api/v1/referrals/" + referral + "/accept", health, "health-care", null).status())
            .as("another organisation's referral").isEqualTo(404);
        List<AccessEvent> events = events(p.id());
        assertThat(events).anyMatch(e -> e.action().equals("list") && "firewall".equals(e.reason().orElse("")));
        assertThat(events).anyMatch(e -> e.action().equals("list") && e.permitted() && e.organisation().orElse("").equals("legal-aid"));
        assertThat(events).anyMatch(e -> e.action().equals("respond-referral") && !e.permitted()
            && e.organisation().orElse("").equals("health-clinic"));
    }

    @Test
    void correcting_another_organisations_record_is_refused_and_recorded_for_the_person_to_see() {
        Person p = takeOn();
        String record = server.send("POST", "/api/v1/persons/" + p.id() + "/records", shelter, "shelter",
            "{\"category\":\"housing\",\"data\":{\"room\":\"12\"}}").body().get("id").asText();
        referIdentityOnly(p.id(), "legal-aid", "legal-aid", legal);
        Response tamper = server.send("PUT", "/api/v1/persons/" + p.id() + "/records/" + record, legal, "legal-aid", "{\"data\":{\"room\":\"99\"}}");
        assertThat(tamper.status()).isEqualTo(404);
        assertThat(events(p.id())).filteredOn(e -> e.action().equals("correct")).singleElement()
            .satisfies(e -> {
                assertThat(e.organisation()).contains("legal-aid");
                assertThat(e.permitted()).isFalse();
                assertThat(e.reason()).contains("no-relationship");
            });
        assertThat(server.send("GET", "/api/v1/persons/" + p.id() + "/records", shelter, "shelter", null).raw()).contains("\"room\":\"12\"");
    }

    @Test
    void an_organisation_cannot_erase_the_person_nor_anyone_elses_records() {
        Person p = takeOn();
        String records = "/api/v1/persons/" + p.id() + "/records";
        server.send("POST", records, shelter, "shelter", "{\"category\":\"housing\",\"data\":{\"room\":\"12\"}}");
        referIdentityOnly(p.id(), "legal-aid", "legal-aid", legal);
        Response erase = server.send("POST", "/api/v1/persons/" + p.id() + "/erasure", legal, "legal-aid", null);
        assertThat(erase.status()).isEqualTo(409);
        assertThat(server.send("GET", records, shelter, "shelter", null).raw()).contains("\"room\":\"12\"");
        Response own = server.send("POST", "/api/v1/persons/" + p.id() + "/erasure", shelter, "shelter", null);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.body().get("ended").asInt()).isEqualTo(2);
        assertThat(server.personSignIn(p.code()).status()).as("the person is not erased by an organisation").isEqualTo(201);
    }

    @Test
    void after_a_withdrawal_the_clinic_keeps_its_own_records_and_every_holder_answers_the_person() {
        Person p = takeOn();
        String records = "/api/v1/persons/" + p.id() + "/records";
        String consent = referIdentityOnly(p.id(), "health-clinic", "health-care", health);
        referIdentityOnly(p.id(), "legal-aid", "legal-aid", legal);
        String diagnosis = server.send("POST", records, health, "health-care", "{\"category\":\"health\",\"data\":{\"dx\":\"J45\"}}")
            .body().get("id").asText();
        String token = server.personToken(p.code());
        JsonNode consents = server.send("GET", "/api/v1/me", token, null, null).body().get("consents");
        for (JsonNode c : consents) {
            assertThat(server.send("POST", "/api/v1/me/consents/" + c.get("id").asText() + "/withdraw", token, null, null).status())
                .isEqualTo(200);
        }
        Response clinic = server.send("GET", records, health, "health-care", null);
        assertThat(clinic.status()).as("its own record, under its own purpose").isEqualTo(200);
        assertThat(clinic.raw()).contains("J45").doesNotContain("Amina");
        assertThat(server.send("GET", records, legal, "legal-aid", null).error()).as("sharing ended").isEqualTo("consent-withdrawn");
        assertThat(consent).isNotBlank();

        // A correction to legal aid, which holds the referral: it lands, is read and answered.
        Response asked = server.send("POST", "/api/v1/me/corrections", token, null,
            "{\"organisation\":\"legal-aid\",\"text\":\"My name is spelt Amina.\"}");
        assertThat(asked.status()).isEqualTo(201);
        String correction = asked.body().get("id").asText();
        assertThat(server.send("GET", "/api/v1/corrections", legal, "legal-aid", null).raw()).contains(correction);
        assertThat(server.send("GET", "/api/v1/corrections/" + correction, legal, "legal-aid", null).raw()).contains("spelt Amina");
        assertThat(server.send("POST", "/api/v1/corrections/" + correction + "/answer", legal, "legal-aid",
            "{\"status\":\"answered\",\"answer\":\"Noted in our file.\"}").status()).isEqualTo(200);

        // Erasure: the clinic, under its ten-year obligation, answers; the shelter's part goes at once.
        Response erasure = server.send("POST", "/api/v1/me/erasure", token, null, null);
        assertThat(erasure.status()).isEqualTo(202);
        assertThat(server.send("GET", "/api/v1/erasures", health, "health-care", null).raw()).contains(p.id().toString());
        Response declined = server.send("POST", "/api/v1/persons/" + p.id() + "/erasure/decline", health, "health-care",
            "{\"answer\":\"The law makes us keep the treatment file.\"}");
        assertThat(declined.status()).isEqualTo(200);
        JsonNode view = server.send("GET", "/api/v1/me?lang=en", token, null, null).body();
        assertThat(view.get("corrections").get(0).get("status").asText()).isEqualTo("answered");
        assertThat(view.get("erasure").get(0).get("status").asText()).isEqualTo("declined");
        assertThat(diagnosis).isNotBlank();
    }
}
