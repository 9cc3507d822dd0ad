package eu.haven.app;

import static org.assertj.core.api.Assertions.assertThat;

import eu.haven.app.TestServer.Response;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** When the ledger's store cannot be written, no personal data leaves: 503 ledger-unavailable. */
class FailClosedTest {

    @Test
    void no_data_without_a_durable_access_event() {
        AtomicReference<SwitchableLedgerStore> store = new AtomicReference<>();
        try (TestServer server = new TestServer(s -> {
            store.set(new SwitchableLedgerStore(s));
            return store.get();
        })) {
            String token = server.login("shelter.worker");
            Response person = server.send("POST", "/api/v1/persons", token, "shelter",
                "{\"displayName\":\"Failclosed Name\",\"preferredLanguage\":\"en\"}");
            String id = person.body().get("id").asText();
            String code = person.body().get("accessCode").asText();
            String self = server.personToken(code);
            assertThat(server.send("GET", "/api/v1/persons/" + id + "/records", token, "shelter", null).status()).isEqualTo(200);
            long before = server.haven.ledger().size();
            server.haven.ledger().checkpoint();
            assertThat(server.send("GET", "/ready", null, null, null).status()).isEqualTo(200);
            store.get().broken.set(true);
            assertThat(server.send("GET", "/health", null, null, null).status()).as("the process is alive").isEqualTo(200);
            Response ready = server.send("GET", "/ready", null, null, null);
            assertThat(ready.status()).as("but it cannot serve data").isEqualTo(503);
            assertThat(ready.error()).isEqualTo("ledger-unavailable");
            Response r = server.send("GET", "/api/v1/persons/" + id + "/records", token, "shelter", null);
            assertThat(r.status()).isEqualTo(503);
            assertThat(r.error()).isEqualTo("ledger-unavailable");
            assertThat(r.raw()).doesNotContain("Failclosed");
            Response write = server.send("POST", "/api/v1/persons/" + id + "/records", token, "shelter",
                "{\"category\":\"housing\",\"data\":{\"room\":\"9\"}}");
            assertThat(write.status()).isEqualTo(503);
            Response created = server.send("POST", "/api/v1/persons", token, "shelter",
                "{\"displayName\":\"Nobody Stored\",\"preferredLanguage\":\"en\"}");
            assertThat(created.status()).isEqualTo(503);
            assertThat(server.send("GET", "/ledger/tile/entries/000.p/1", null, null, null).status()).isEqualTo(503);
            for (String path : List.of("/api/v1/me", "/api/v1/me/export")) {
                Response mine = server.send("GET", path, self, null, null);
                assertThat(mine.status()).as(path).isEqualTo(503);
                assertThat(mine.raw()).doesNotContain("Failclosed");
            }
            assertThat(server.personSignIn(code).status()).isEqualTo(503);
            assertThat(server.send("POST", "/api/v1/me/erasure", self, null, null).status()).isEqualTo(503);
            assertThat(server.haven.ledger().size()).isEqualTo(before);

            store.get().broken.set(false);
            assertThat(server.send("GET", "/ready", null, null, null).status()).isEqualTo(200);
            Response back = server.send("GET", "/api/v1/persons/" + id + "/records", token, "shelter", null);
            assertThat(back.status()).isEqualTo(200);
            assertThat(back.body().get("records")).hasSize(1);
            assertThat(server.haven.ledger().size()).isEqualTo(before + 1);
        }
    }
}
