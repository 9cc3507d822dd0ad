package eu.haven.app;

import static org.assertj.core.api.Assertions.assertThat;

import eu.haven.app.TestServer.Response;
import eu.haven.core.audit.AccessEvent;
import eu.haven.core.audit.AccessLog;
import eu.haven.core.audit.LedgerUnavailableException;
import eu.haven.core.audit.LoggedEvent;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** When the access log cannot be written, no personal data leaves: 503 ledger-unavailable. */
class FailClosedTest {

    @Test
    void no_data_without_a_durable_access_event() {
        AtomicBoolean broken = new AtomicBoolean(false);
        try (TestServer server = new TestServer(log -> new AccessLog() {
            public long append(AccessEvent event) {
                if (broken.get()) {
                    throw new LedgerUnavailableException(new IllegalStateException("disk full"));
                }
                return log.append(event);
            }

            public List<LoggedEvent> forPerson(UUID personId) {
                return log.forPerson(personId);
            }

            public long size() {
                return log.size();
            }
        })) {
            String token = server.login("shelter.worker");
            String id = server.send("POST", "/api/v1/persons", token, "shelter",
                "{\"displayName\":\"Failclosed Name\",\"preferredLanguage\":\"en\"}").body().get("id").asText();
            assertThat(server.send("GET", "/api/v1/persons/" + id + "/records", token, "shelter", null).status()).isEqualTo(200);
            broken.set(true);
            Response r = server.send("GET", "/api/v1/persons/" + id + "/records", token, "shelter", null);
            assertThat(r.status()).isEqualTo(503);
            assertThat(r.error()).isEqualTo("ledger-unavailable");
            assertThat(r.raw()).doesNotContain("Failclosed");
            Response write = server.send("POST", "/api/v1/persons/" + id + "/records", token, "shelter",
                "{\"category\":\"housing\",\"data\":{\"room\":\"9\"}}");
            assertThat(write.status()).isEqualTo(503);
            broken.set(false);
            Response back = server.send("GET", "/api/v1/persons/" + id + "/records", token, "shelter", null);
            assertThat(back.body().get("records")).hasSize(1);
        }
    }
}
