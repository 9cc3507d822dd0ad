package eu.haven.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import eu.haven.app.TestServer.Response;
import eu.haven.core.audit.LedgerIntegrityException;
import eu.haven.core.audit.LoggedEvent;
import eu.haven.store.Database;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attack of someone who can write to the database: blank the opening of a person's event and
 * rewrite it (a firewall refusal turned into a shelter read), or blank it whole (a read gone from
 * the person's history). The person is never shown the forged fields, the DPO is alerted, and the
 * next start refuses to serve; a real erasure still passes.
 */
class LedgerBlankTest {
    @TempDir
    Path tmp;

    private HavenConfig config() {
        return HavenConfig.embedded(tmp.resolve("data"));
    }

    private record Person(UUID id, String code) {}

    private static Person takeOn(TestServer server, String shelter) {
        Response r = server.send("POST", "/api/v1/persons", shelter, "shelter", "{\"displayName\":\"Blank Test\",\"preferredLanguage\":\"fr\"}");
        return new Person(UUID.fromString(r.body().get("id").asText()), r.body().get("accessCode").asText());
    }

    private static long firewallRefusal(TestServer server, String shelter, UUID person) {
        Response refused = server.send("GET", "/api/v1/persons/" + person + "/records", shelter, "immigration-enforcement", null);
        assertThat(refused.error()).isEqualTo("firewall");
        return server.haven.ledger().forPerson(person).stream().filter(e -> e.event().reason().equals(Optional.of("firewall")))
            .mapToLong(LoggedEvent::index).findFirst().orElseThrow();
    }

    @Test
    void a_refusal_rewritten_as_a_shelter_read_behind_a_blank_salt_is_never_shown_and_stops_the_next_start() {
        HavenConfig config = config();
        long refusal;
        try (TestServer server = new TestServer(config, UnaryOperator.identity())) {
            String shelter = server.login("shelter.worker");
            Person p = takeOn(server, shelter);
            refusal = firewallRefusal(server, shelter, p.id());
            String token = server.personToken(p.code());
            JsonNode before = server.send("GET", "/api/v1/me", token, null, null).body();
            assertThat(before.get("accessHistory")).anySatisfy(e -> assertThat(e.get("ledgerIndex").asLong()).isEqualTo(refusal));
            assertThat(before.has("accessHistoryWithheld")).isFalse();

            server.haven.database().autonomous(h -> h.execute("UPDATE ledger_events SET salt = NULL, purpose = 'shelter', "
                + "permitted = TRUE, reason = NULL WHERE idx = " + refusal));

            for (int view = 0; view < 2; view++) {
                JsonNode after = server.send("GET", "/api/v1/me", token, null, null).body();
                assertThat(after.get("accessHistory")).noneSatisfy(e -> assertThat(e.get("ledgerIndex").asLong()).isEqualTo(refusal));
                assertThat(after.at("/accessHistoryWithheld/count").asInt()).isEqualTo(1);
                assertThat(after.at("/accessHistoryWithheld/message").asText()).contains("base de données").doesNotContain("{");
            }
            Response receipt = server.send("GET", "/api/v1/me/receipts/" + refusal, token, null, null);
            assertThat(receipt.status()).isEqualTo(404);
            JsonNode alerts = server.send("GET", "/api/v1/alerts", server.login("city.dpo"), null, null).body().get("alerts");
            assertThat(alerts).filteredOn(a -> a.get("kind").asText().equals("ledger-altered")).as("one incident, one open alert").hasSize(1);
            assertThat(alerts.toString()).doesNotContain(p.id().toString());
        }
        assertThatThrownBy(() -> new Haven(config)).isInstanceOf(LedgerIntegrityException.class)
            .hasMessageContaining("index " + refusal + " has no opening and no erasure record");
    }

    @Test
    void a_read_blanked_out_of_the_history_is_found_by_the_whole_audit_after_the_next_start_while_a_real_erasure_passes()
        throws InterruptedException, java.io.IOException {
        HavenConfig config = config();
        long read;
        try (TestServer server = new TestServer(config, UnaryOperator.identity())) {
            String shelter = server.login("shelter.worker");
            Person erased = takeOn(server, shelter);
            firewallRefusal(server, shelter, erased.id());
            Person living = takeOn(server, shelter);
            assertThat(server.send("GET", "/api/v1/persons/" + living.id() + "/records", shelter, "shelter", null).status()).isEqualTo(200);
            read = server.haven.ledger().forPerson(living.id()).stream().filter(e -> e.event().action().equals("read"))
                .mapToLong(LoggedEvent::index).findFirst().orElseThrow();
            server.haven.erasure().eraseNow(erased.id());
            assertThat(server.haven.ledger().forPerson(erased.id())).isEmpty();
        }
        try (Haven haven = new Haven(config)) {
            // A whole audit passes over the real erasure, and marks the ledger audited up to here.
            assertThat(haven.ledger().auditNow().passed()).isTrue();
        }

        try (Database db = Database.open(Installation.existing(config))) {
            db.autonomous(h -> h.execute("UPDATE ledger_events SET salt = NULL, id = NULL, at = NULL, actor_user = NULL, "
                + "organisation_id = NULL, role = NULL, action = NULL, purpose = NULL, person_id = NULL, categories = NULL, "
                + "permitted = NULL, reason = NULL, target_id = NULL WHERE idx = " + read));
        }
        // The start checks what came after the mark; the whole audit that follows it in the background finds the blank.
        try (Haven haven = new Haven(config)) {
            assertThat(haven.ledger().startupAudit().passed()).isTrue();
            // A server begins the background audit once it listens; this one serves nothing, so it is begun here.
            haven.ledger().startBackgroundAudit();
            for (int i = 0; i < 200 && haven.ledger().lastAudit().passed(); i++) {
                Thread.sleep(50);
            }
            assertThat(haven.ledger().lastAudit().passed()).isFalse();
            assertThat(haven.ledger().lastAudit().detail()).contains("index " + read + " has no opening and no erasure record");
            assertThat(haven.ready()).as("an altered ledger is no longer ready").isFalse();
        }
        // Without the mark (lost, or another installation's), the start audits the whole ledger and refuses to serve.
        java.nio.file.Files.delete(config.ledger().auditedCopy());
        assertThatThrownBy(() -> new Haven(config)).isInstanceOf(LedgerIntegrityException.class)
            .hasMessageContaining("index " + read + " has no opening and no erasure record");
    }
}
