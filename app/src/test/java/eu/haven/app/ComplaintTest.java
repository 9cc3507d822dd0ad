package eu.haven.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.haven.app.TestServer.Response;
import eu.haven.core.audit.LoggedEvent;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A complaint goes from the person's portal to the data protection officer's queue and back, every step in the person's history. */
class ComplaintTest {
    private TestServer server;

    @BeforeEach
    void start() {
        server = new TestServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void a_complaint_goes_to_the_officer_and_back_and_is_handed_over() {
        String shelter = server.login("shelter.worker");
        Response created = server.send("POST", "/api/v1/persons", shelter, "shelter", "{\"displayName\":\"Dariush Test\",\"preferredLanguage\":\"fa\"}");
        UUID person = UUID.fromString(created.body().get("id").asText());
        String me = server.personToken(created.body().get("accessCode").asText());
        String text = "یک کارمند پناهگاه بدون اجازهٔ من داده‌هایم را به دیگران نشان داد.";
        Response sent = server.send("POST", "/api/v1/me/complaints", me, null, "{\"text\":\"" + text + "\"}");
        assertThat(sent.status()).isEqualTo(201);
        assertThat(sent.body().get("language").asText()).isEqualTo("fa");
        assertThat(server.send("POST", "/api/v1/me/complaints", me, null, "{\"text\":\"  \"}").status()).isEqualTo(400);

        String dpo = server.login("city.dpo");
        Response queue = server.send("GET", "/api/v1/complaints", dpo, null, null);
        assertThat(queue.body().get("complaints")).hasSize(1);
        assertThat(queue.raw()).as("the queue says when and in which language, never who or what").doesNotContain(person.toString())
            .doesNotContain(text).contains("\"fa\"");
        String id = queue.body().get("complaints").get(0).get("id").asText();
        for (String other : List.of("shelter.worker", "dpa.auditor", "admin")) {
            String token = server.login(other);
            assertThat(server.send("GET", "/api/v1/complaints", token, null, null).status()).as(other).isEqualTo(403);
            assertThat(server.send("GET", "/api/v1/complaints/" + id, token, null, null).status()).as(other).isEqualTo(403);
        }
        Response read = server.send("GET", "/api/v1/complaints/" + id, dpo, null, null);
        assertThat(read.body().get("text").asText()).isEqualTo(text);
        Response answered = server.send("POST", "/api/v1/complaints/" + id + "/answer", dpo, null,
            "{\"answer\":\"We looked into it; the worker has been told. You may also complain to the supervisory authority.\"}");
        assertThat(answered.status()).isEqualTo(200);
        assertThat(answered.body().get("status").asText()).isEqualTo("answered");
        assertThat(server.send("POST", "/api/v1/complaints/" + id + "/answer", dpo, null, "{\"answer\":\"again\"}").status()).isEqualTo(409);
        assertThat(server.send("GET", "/api/v1/complaints", dpo, null, null).body().get("complaints")).as("answered: no longer waiting").isEmpty();
        Response handed = server.send("POST", "/api/v1/complaints/" + id + "/hand-over", dpo, null, "{\"body\":\"equality-body\"}");
        assertThat(handed.body().get("handedTo").asText()).isEqualTo("equality-body");
        assertThat(server.send("POST", "/api/v1/complaints/" + id + "/hand-over", dpo, null, "{\"body\":\"police\"}").status()).isIn(400, 409);

        JsonNode mine = server.send("GET", "/api/v1/me/complaints", me, null, null).body().get("complaints");
        assertThat(mine).singleElement().satisfies(c -> {
            assertThat(c.get("answer").asText()).startsWith("We looked into it");
            assertThat(c.get("handedTo").asText()).isEqualTo("equality-body");
        });
        List<String> steps = server.haven.ledger().forPerson(person).stream().map(LoggedEvent::event)
            .filter(e -> e.target().map(t -> t.toString().equals(id)).orElse(false)).map(e -> e.action() + " " + e.role().orElse("")).toList();
        assertThat(steps).containsExactly("complain person", "read-complaint dpo", "answer-complaint dpo", "hand-to-equality-body dpo");
        JsonNode history = server.send("GET", "/api/v1/me?lang=fa", me, null, null).body().get("accessHistory");
        assertThat(history.toString()).contains("hand-to-equality-body").contains("مسئول حفاظت از داده‌ها شکایت شما را به نهاد برابری ارجاع داد");

        Response page = server.send("GET", "/api/v1/me/complaints", server.personToken(created.body().get("accessCode").asText()), null, null);
        assertThat(page.status()).isEqualTo(200);
        String month = java.time.YearMonth.now(java.time.ZoneId.systemDefault()).toString();
        var counts = new eu.haven.store.JdbcReportCountRepository(server.haven.database()).between(month, month);
        assertThat(counts).containsEntry(new eu.haven.core.transparency.CountKey(month, "complaints", "made", ""), 1L)
            .containsEntry(new eu.haven.core.transparency.CountKey(month, "complaints", "answered", ""), 1L)
            .containsEntry(new eu.haven.core.transparency.CountKey(month, "complaints", "handed-over", ""), 1L);

        assertThat(server.send("POST", "/api/v1/me/erasure", me, null, null).status()).isEqualTo(200);
        assertThat(server.send("GET", "/api/v1/complaints/" + id, dpo, null, null).status()).as("gone with the person").isEqualTo(404);
    }
}
