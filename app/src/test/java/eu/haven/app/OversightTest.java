package eu.haven.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.haven.app.TestServer.Response;
import eu.haven.ledger.NoteVerifier;
import eu.haven.store.DatabaseConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The supervisory authority inspects the ledger's accesses with staff and people as pseudonyms,
 * exports what it saw signed, audits the ledger, and is refused every route to a record's contents.
 */
class OversightTest {
    /** A period around the test's months (at most a year, as one inspection may span). */
    private static final String PERIOD = "from=" + java.time.LocalDate.now().minusDays(10) + "&to=" + java.time.LocalDate.now().plusDays(120);
    private MovableClock clock;
    private TestServer server;
    private String shelter;
    private String auditor;

    @BeforeEach
    void start() throws IOException {
        clock = new MovableClock();
        HavenConfig config = HavenConfig.embedded(Files.createTempDirectory("haven-oversight"))
            .withDatabase(DatabaseConfig.h2Memory("o" + UUID.randomUUID())).withClock(clock);
        server = new TestServer(config, UnaryOperator.identity());
        shelter = server.login("shelter.worker");
        auditor = server.login("dpa.auditor");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private UUID person() {
        Response r = server.send("POST", "/api/v1/persons", shelter, "shelter", "{\"displayName\":\"Amina Test\",\"preferredLanguage\":\"ar\"}");
        assertThat(r.status()).isEqualTo(201);
        return UUID.fromString(r.body().get("id").asText());
    }

    private List<JsonNode> events(String query) {
        Response r = server.send("GET", "/api/v1/oversight/events?" + PERIOD + "&limit=200" + query, auditor, null, null);
        assertThat(r.status()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        r.body().get("events").forEach(out::add);
        return out;
    }

    @Test
    void accesses_are_inspected_with_pseudonyms_stable_within_a_month_and_never_a_name() {
        UUID a = person();
        UUID b = person();
        server.send("POST", "/api/v1/persons/" + a + "/records", shelter, "shelter", "{\"category\":\"housing\",\"data\":{\"room\":\"12\"}}");
        server.send("GET", "/api/v1/persons/" + a + "/records", shelter, "shelter", null);
        assertThat(server.send("GET", "/api/v1/persons/" + b + "/records", shelter, "immigration-enforcement", null).status()).isEqualTo(403);

        Response raw = server.send("GET", "/api/v1/oversight/events?" + PERIOD, auditor, null, null);
        assertThat(raw.raw()).doesNotContain(a.toString()).doesNotContain(b.toString()).doesNotContain("Amina").doesNotContain("room");
        List<JsonNode> all = events("");
        List<JsonNode> aboutA = all.stream().filter(e -> e.get("organisation") != null && e.get("organisation").asText().equals("city-shelter")
            && !e.get("outcome").asText().equals("firewall") && e.has("person")).toList();
        assertThat(aboutA).hasSizeGreaterThanOrEqualTo(4);
        assertThat(all.stream().filter(e -> e.has("staff") && e.get("organisation").asText().equals("city-shelter")).map(e -> e.get("staff").asText())
            .distinct()).as("one worker, one pseudonym within the month").hasSize(1);

        List<JsonNode> refused = events("&outcome=firewall");
        assertThat(refused).hasSize(1);
        assertThat(refused.get(0).get("purpose").asText()).isEqualTo("immigration-enforcement");
        String bThisMonth = refused.get(0).get("person").asText();
        assertThat(bThisMonth).startsWith("P-");
        assertThat(events("&organisation=legal-aid")).isEmpty();

        clock.advance(Duration.ofDays(40));
        String fresh = server.login("shelter.worker");
        assertThat(server.send("GET", "/api/v1/persons/" + b + "/records", fresh, "immigration-enforcement", null).status()).isEqualTo(403);
        String auditorAgain = server.login("dpa.auditor");
        Response later = server.send("GET", "/api/v1/oversight/events?" + PERIOD + "&outcome=firewall", auditorAgain, null, null);
        List<String> pseudonyms = new ArrayList<>();
        later.body().get("events").forEach(e -> pseudonyms.add(e.get("person").asText()));
        assertThat(pseudonyms).hasSize(2);
        assertThat(pseudonyms.get(1)).as("unrelated across months").isNotEqualTo(pseudonyms.get(0)).isNotEqualTo(b.toString());

        assertThat(server.haven.ledger().size()).isPositive();
        assertThat(server.send("GET", "/api/v1/oversight/events?from=2026-02-01&to=2026-01-01", auditorAgain, null, null).status()).isEqualTo(400);
        assertThat(server.send("GET", "/api/v1/oversight/events?from=yesterday", auditorAgain, null, null).status()).isEqualTo(400);
    }

    @Test
    void the_export_is_signed_with_the_ledgers_key_and_holds_what_was_inspected() {
        UUID a = person();
        server.send("GET", "/api/v1/persons/" + a + "/records", shelter, "law-enforcement", null);
        Response export = server.send("GET", "/api/v1/oversight/events/export?" + PERIOD + "&outcome=firewall", auditor, null, null);
        assertThat(export.status()).isEqualTo(200);
        String text = NoteVerifier.fromVkey(server.haven.ledger().vkey()).open(export.raw());
        assertThat(text).startsWith("haven.oversight.export/v1\n").contains("events 1 ").contains("law-enforcement").contains("firewall")
            .doesNotContain(a.toString());
        String tampered = export.raw().replace("law-enforcement", "shelter");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> NoteVerifier.fromVkey(server.haven.ledger().vkey()).open(tampered))
            .as("a changed export no longer verifies").isInstanceOf(RuntimeException.class);
        assertThat(server.haven.ledger().size()).isPositive();
        Response audit = server.send("POST", "/api/v1/oversight/audit", auditor, null, null);
        assertThat(audit.status()).isEqualTo(200);
        assertThat(audit.body().get("passed").asBoolean()).isTrue();
        assertThat(server.send("GET", "/api/v1/oversight/events", shelter, null, null).status()).as("not for a caseworker").isEqualTo(403);
        assertThat(server.send("GET", "/api/v1/oversight/events", server.login("city.dpo"), null, null).status()).isEqualTo(403);
        assertThat(server.send("POST", "/api/v1/oversight/audit", shelter, null, null).status()).isEqualTo(403);
    }

    @Test
    void the_supervisory_authority_gets_403_on_every_route_to_a_records_contents() {
        UUID a = person();
        Response rec = server.send("POST", "/api/v1/persons/" + a + "/records", shelter, "shelter", "{\"category\":\"housing\",\"data\":{\"room\":\"12\"}}");
        String record = rec.body().get("id").asText();
        for (String purpose : List.of("shelter", "health-care", "legal-aid")) {
            List<Response> tries = List.of(
                server.send("GET", "/api/v1/persons/" + a + "/records", auditor, purpose, null),
                server.send("GET", "/api/v1/persons/" + a + "/records?category=housing", auditor, purpose, null),
                server.send("POST", "/api/v1/persons/" + a + "/records", auditor, purpose, "{\"category\":\"housing\",\"data\":{\"x\":\"1\"}}"),
                server.send("PUT", "/api/v1/persons/" + a + "/records/" + record, auditor, purpose, "{\"data\":{\"room\":\"13\"}}"),
                server.send("GET", "/api/v1/persons/" + a + "/consents", auditor, purpose, null),
                server.send("POST", "/api/v1/persons", auditor, purpose, "{\"displayName\":\"X\",\"preferredLanguage\":\"en\"}"),
                server.send("POST", "/api/v1/persons/" + a + "/erasure", auditor, purpose, null));
            for (int i = 0; i < tries.size(); i++) {
                assertThat(tries.get(i).status()).as(purpose + " try " + i + " " + tries.get(i).raw()).isEqualTo(403);
                assertThat(tries.get(i).raw()).doesNotContain("room");
            }
        }
        assertThat(server.send("GET", "/api/v1/authority-requests", auditor, null, null).status()).isEqualTo(403);
    }
}
