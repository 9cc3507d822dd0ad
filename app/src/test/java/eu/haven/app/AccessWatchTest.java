package eu.haven.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.haven.app.TestServer.Response;
import eu.haven.core.audit.LoggedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The access watch, wired: a worker refused again and again raises an alert that names the worker,
 * not the people; the officer acknowledges it with a note; both are recorded and counted.
 */
class AccessWatchTest {
    private TestServer server;

    @BeforeEach
    void start() {
        // Office hours all day, every day: the test may run on a Sunday night, and that rule has its own tests.
        var d = eu.haven.core.alert.WatchSettings.defaults(java.time.ZoneId.systemDefault());
        server = new TestServer(TestServer.inMemory().withAlerts(new eu.haven.core.alert.WatchSettings(d.unusualMinimum(), d.unusualFactor(),
            d.baselineDays(), java.time.LocalTime.MIN, java.time.LocalTime.MAX, java.util.EnumSet.allOf(java.time.DayOfWeek.class), d.refusals(),
            d.refusalWindow(), d.firewallBurst(), d.firewallWindow(), d.zone())), java.util.function.UnaryOperator.identity());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private List<JsonNode> open(String dpo) {
        Response r = server.send("GET", "/api/v1/alerts", dpo, null, null);
        assertThat(r.status()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        r.body().get("alerts").forEach(out::add);
        return out;
    }

    @Test
    void repeated_refusals_raise_an_alert_the_officer_acknowledges_with_a_note() {
        server.haven.alertJob().run();
        String legal = server.login("legal.worker");
        String shelter = server.login("shelter.worker");
        UUID worker = server.haven.staffAdmin().user("shelter.worker").orElseThrow().id();
        List<UUID> people = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Response p = server.send("POST", "/api/v1/persons", legal, "legal-aid", "{\"displayName\":\"Person " + i + "\",\"preferredLanguage\":\"fa\"}");
            people.add(UUID.fromString(p.body().get("id").asText()));
        }
        for (UUID p : people) {
            assertThat(server.send("GET", "/api/v1/persons/" + p + "/records", shelter, "shelter", null).status()).isEqualTo(404);
        }
        // Raised by this run, or already by the server's own watch (ten times a second once it has run five seconds): once.
        server.haven.alertJob().run();
        assertThat(server.haven.alertJob().run()).as("nothing new, nothing raised").isZero();
        String dpo = server.login("city.dpo");
        List<JsonNode> alerts = open(dpo).stream().filter(a -> a.get("kind").asText().equals("repeated-refusals")).toList();
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.get("organisation").asText()).isEqualTo("city-shelter");
            assertThat(a.get("target").asText()).isEqualTo(worker.toString());
        });
        Response raw = server.send("GET", "/api/v1/alerts", dpo, null, null);
        people.forEach(p -> assertThat(raw.raw()).doesNotContain(p.toString()));

        String id = alerts.get(0).get("id").asText();
        Response noNote = server.send("POST", "/api/v1/alerts/" + id + "/acknowledge", dpo, null, "{\"note\":\"  \"}");
        assertThat(noNote.status()).isEqualTo(400);
        assertThat(server.send("POST", "/api/v1/alerts/" + id + "/acknowledge", shelter, null, "{\"note\":\"x\"}").status()).isEqualTo(403);
        assertThat(server.send("POST", "/api/v1/alerts/" + id + "/acknowledge", dpo, null,
            "{\"note\":\"Asked the shelter: a new worker used the wrong purpose. Explained.\"}").status()).isEqualTo(204);
        assertThat(open(dpo)).noneMatch(a -> a.get("id").asText().equals(id));
        assertThat(server.send("POST", "/api/v1/alerts/" + id + "/acknowledge", dpo, null, "{\"note\":\"again\"}").status()).isEqualTo(404);

        List<String> actions = new ArrayList<>();
        for (long i = 0; i < server.haven.ledger().size(); i++) {
            server.haven.ledger().between(java.time.Instant.EPOCH, java.time.Instant.now().plusSeconds(60), i - 1, 1).events().stream()
                .map(LoggedEvent::event).filter(e -> e.personId().isEmpty()).forEach(e -> actions.add(e.action() + " " + e.role().orElse("")));
        }
        assertThat(actions).contains("alert system", "acknowledge-alert dpo");
        String month = java.time.YearMonth.now(java.time.ZoneId.systemDefault()).toString();
        assertThat(new eu.haven.store.JdbcReportCountRepository(server.haven.database()).between(month, month))
            .as("counted in the report").containsKey(new eu.haven.core.transparency.CountKey(month, "alerts", "", ""));
    }
}
