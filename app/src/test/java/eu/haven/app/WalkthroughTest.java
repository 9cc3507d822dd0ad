package eu.haven.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import eu.haven.app.TestServer.Response;
import eu.haven.core.audit.Ledger;
import eu.haven.core.audit.LoggedEvent;
import eu.haven.event.EventCommitment;
import eu.haven.ledger.Checkpoint;
import eu.haven.ledger.NoteVerifier;
import eu.haven.ledger.TilePath;
import eu.haven.ledger.TlogProof;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The core walkthrough over HTTP, with the access events of every step. */
class WalkthroughTest {
    private static final String NAME = "Zorbalina Quexwatts";
    private static final String HEALTH_NOTE = "asthma-inhaler-7731";
    /** Distinctive on purpose: a short value such as "4B" also occurs in H2's generated constraint names. */
    private static final String ROOM = "room-qzv-4417";
    private TestServer server;
    private ListAppender<ILoggingEvent> logs;

    @BeforeEach
    void start() {
        logs = new ListAppender<>();
        logs.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
        server = new TestServer();
    }

    @AfterEach
    void stop() {
        server.close();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
    }

    private List<String> steps(UUID person) {
        List<String> out = new ArrayList<>();
        for (LoggedEvent e : server.haven.ledger().forPerson(person)) {
            out.add(e.event().action() + " " + e.event().organisation().orElse("?") + " "
                + (e.event().permitted() ? "permit" : "deny " + e.event().reason().orElse("?")));
        }
        return out;
    }

    @Test
    void shelter_legal_aid_consent_referral_withdrawal() throws Exception {
        String shelter = server.login("shelter.worker");
        String legal = server.login("legal.worker");

        Response created = server.send("POST", "/api/v1/persons", shelter, "shelter",
            "{\"displayName\":\"" + NAME + "\",\"preferredLanguage\":\"ar\"}");
        assertThat(created.status()).isEqualTo(201);
        UUID person = UUID.fromString(created.body().get("id").asText());
        assertThat(created.body().get("accessCode").asText()).hasSize(29);
        String records = "/api/v1/persons/" + person + "/records";

        assertThat(server.send("POST", records, shelter, "shelter", "{\"category\":\"housing\",\"data\":{\"room\":\"" + ROOM + "\"}}").status()).isEqualTo(201);
        assertThat(server.send("POST", records, shelter, "shelter",
            "{\"category\":\"health\",\"data\":{\"note\":\"" + HEALTH_NOTE + "\"}}").status()).isEqualTo(201);

        Response own = server.send("GET", records, shelter, "shelter", null);
        assertThat(own.status()).isEqualTo(200);
        assertThat(categories(own)).containsExactly("identity", "housing", "health");
        assertThat(own.raw()).contains(NAME, HEALTH_NOTE);

        Response firewall = server.send("GET", records, shelter, "immigration-enforcement", null);
        assertThat(firewall.status()).isEqualTo(403);
        assertThat(firewall.error()).isEqualTo("firewall");
        assertThat(firewall.raw()).doesNotContain(NAME);

        Response stranger = server.send("GET", records, legal, "legal-aid", null);
        assertThat(stranger.status()).isEqualTo(404);
        Response nobody = server.send("GET", "/api/v1/persons/" + UUID.randomUUID() + "/records", legal, "legal-aid", null);
        assertThat(nobody.status()).isEqualTo(404);
        assertThat(nobody.raw()).isEqualTo(stranger.raw());

        Response consent = server.send("POST", "/api/v1/persons/" + person + "/consents", shelter, "shelter",
            "{\"recipient\":\"legal-aid\",\"purposes\":[\"legal-aid\"],\"categories\":[\"identity\",\"housing\"],"
                + "\"method\":\"verbal\",\"language\":\"ar\"}");
        assertThat(consent.status()).isEqualTo(201);
        assertThat(consent.body().get("state").asText()).isEqualTo("dpv:ConsentGiven");
        assertThat(consent.body().get("legalBasis").get(0).asText()).endsWith("A6-1-a");
        String consentId = consent.body().get("id").asText();

        Response referral = server.send("POST", "/api/v1/referrals", shelter, "shelter",
            "{\"personId\":\"" + person + "\",\"to\":\"legal-aid\",\"purpose\":\"legal-aid\","
                + "\"categories\":[\"identity\",\"housing\"],\"consentId\":\"" + consentId + "\"}");
        assertThat(referral.status()).isEqualTo(201);
        String referralId = referral.body().get("id").asText();
        assertThat(server.send("GET", records, legal, "legal-aid", null).status()).as("pending referral gives nothing").isEqualTo(404);
        assertThat(server.send("GET", "/api/v1/referrals", legal, "legal-aid", null).raw()).contains(referralId);
        Response accepted = server.send("POST", "/api/v1/referrals/" + referralId + "/accept", legal, "legal-aid", null);
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.body().get("status").asText()).isEqualTo("accepted");

        Response shared = server.send("GET", records, legal, "legal-aid", null);
        assertThat(shared.status()).isEqualTo(200);
        assertThat(categories(shared)).containsExactly("identity", "housing");
        assertThat(shared.raw()).contains(NAME).doesNotContain(HEALTH_NOTE);

        Response withdrawn = server.send("POST", "/api/v1/consents/" + consentId + "/withdraw", shelter, "shelter", null);
        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(withdrawn.body().get("state").asText()).isEqualTo("dpv:ConsentWithdrawn");

        Response after = server.send("GET", records, legal, "legal-aid", null);
        assertThat(after.status()).isEqualTo(403);
        assertThat(after.error()).isEqualTo("consent-withdrawn");
        assertThat(after.raw()).doesNotContain(NAME);

        assertThat(steps(person)).containsExactly(
            "create-person city-shelter permit",
            "write city-shelter permit",
            "write city-shelter permit",
            "read city-shelter permit",
            "read city-shelter deny firewall",
            "read legal-aid deny no-relationship",
            "consent city-shelter permit",
            "refer city-shelter permit",
            "read legal-aid deny no-relationship",
            "list legal-aid permit",
            "respond-referral legal-aid permit",
            "read legal-aid permit",
            "record-withdrawal city-shelter permit",
            "read legal-aid deny consent-withdrawn");
        assertThat(server.haven.metrics().counter("haven.firewall.refusals").count()).isEqualTo(1.0);

        // No log line names the person or the record contents.
        assertThat(logs.list).isNotEmpty();
        for (ILoggingEvent line : logs.list) {
            assertThat(line.getFormattedMessage()).doesNotContain(NAME).doesNotContain(HEALTH_NOTE)
                .doesNotContain(person.toString());
        }
        // The raw database holds no plaintext of the name or the records.
        assertRawDatabaseHasNo(NAME, HEALTH_NOTE, ROOM);
        assertLedgerHoldsEveryStepAndHidesWhoAndWhat(person);
    }

    /** Every event above, refusals included, is in the published ledger; its public files name nobody. */
    private void assertLedgerHoldsEveryStepAndHidesWhoAndWhat(UUID person) {
        Ledger ledger = server.haven.ledger();
        ledger.checkpoint();
        NoteVerifier key = NoteVerifier.fromVkey(new String(server.bytes("/ledger/vkey").orElseThrow(), StandardCharsets.UTF_8).trim());
        Checkpoint head = Checkpoint.open(new String(server.bytes("/ledger/checkpoint").orElseThrow(), StandardCharsets.UTF_8), key);
        List<LoggedEvent> events = ledger.forPerson(person);
        assertThat(events).hasSize(14);
        List<String> secrets = new ArrayList<>(List.of(NAME, HEALTH_NOTE, ROOM, person.toString()));
        List<byte[]> rawSecrets = new ArrayList<>(List.of(uuidBytes(person)));
        for (LoggedEvent e : events) {
            assertThat(e.index()).isLessThan(head.size());
            TlogProof receipt = ledger.receipt(e.index()).orElseThrow();
            EventCommitment.Opening opening = EventCommitment.parseOpening(receipt.extra().orElseThrow());
            assertThat(opening.event()).isEqualTo(e.event());
            receipt.verify(opening.entry(), key);
            e.event().actorUser().ifPresent(u -> {
                secrets.add(u.toString());
                rawSecrets.add(uuidBytes(u));
            });
        }
        ByteArrayOutputStream published = new ByteArrayOutputStream();
        published.writeBytes(server.bytes("/ledger/checkpoint").orElseThrow());
        for (long t = 0; t * 256 < head.size(); t++) {
            int width = (int) Math.min(256, head.size() - t * 256);
            published.writeBytes(server.bytes("/ledger/" + TilePath.entries(t, width)).orElseThrow());
            published.writeBytes(server.bytes("/ledger/" + TilePath.hashes(0, t, width)).orElseThrow());
        }
        byte[] all = published.toByteArray();
        String text = new String(all, StandardCharsets.ISO_8859_1);
        String hex = HexFormat.of().formatHex(all);
        for (String secret : secrets) {
            assertThat(text).doesNotContain(secret);
            assertThat(hex).doesNotContain(HexFormat.of().formatHex(secret.getBytes(StandardCharsets.UTF_8)));
        }
        for (byte[] raw : rawSecrets) {
            assertThat(hex).doesNotContain(HexFormat.of().formatHex(raw));
        }
        assertThat(text).doesNotContain("city-shelter").doesNotContain("legal-aid").doesNotContain("immigration");
    }

    private static byte[] uuidBytes(UUID u) {
        return java.nio.ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits()).array();
    }

    private void assertRawDatabaseHasNo(String... secrets) {
        List<String> dump = server.haven.database().with(h -> h.createQuery("SCRIPT").mapTo(String.class).list());
        String all = String.join("\n", dump);
        assertThat(all).contains("INSERT INTO").contains("records");
        for (String secret : secrets) {
            assertThat(all).doesNotContain(secret);
            assertThat(all.toLowerCase()).doesNotContain(HexFormat.of().formatHex(secret.getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static List<String> categories(Response r) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : r.body().get("records")) {
            out.add(n.get("category").asText());
        }
        return out;
    }

    @Test
    void firewall_holds_for_every_spelling_and_does_not_reveal_existence() {
        String shelter = server.login("shelter.worker");
        UUID person = UUID.fromString(server.send("POST", "/api/v1/persons", shelter, "shelter",
            "{\"displayName\":\"A\",\"preferredLanguage\":\"en\"}").body().get("id").asText());
        for (String purpose : List.of("immigration-enforcement", "Law-Enforcement", "sector-law:ImmigrationBorderControlManagement",
            "https://w3id.org/dpv/sector/law#CrimeInvestigation", "http://w3id.org/dpv#ProtectionOfNationalSecurity")) {
            Response existing = server.send("GET", "/api/v1/persons/" + person + "/records", shelter, purpose, null);
            Response missing = server.send("GET", "/api/v1/persons/" + UUID.randomUUID() + "/records", shelter, purpose, null);
            assertThat(existing.status()).as(purpose).isEqualTo(403);
            assertThat(existing.error()).isEqualTo("firewall");
            assertThat(missing.raw()).isEqualTo(existing.raw());
            Response write = server.send("POST", "/api/v1/persons/" + person + "/records", shelter, purpose,
                "{\"category\":\"housing\",\"data\":{}}");
            assertThat(write.error()).isEqualTo("firewall");
        }
        Response consent = server.send("POST", "/api/v1/persons/" + person + "/consents", shelter, "shelter",
            "{\"recipient\":\"legal-aid\",\"purposes\":[\"immigration-enforcement\"],\"categories\":[\"identity\"],"
                + "\"method\":\"written\",\"language\":\"en\"}");
        assertThat(consent.status()).isEqualTo(403);
        assertThat(consent.error()).isEqualTo("firewall");
        assertThat(server.haven.ledger().forPerson(person).stream().filter(e -> e.event().reason().equals(Optional.of("firewall"))))
            .hasSize(11);
    }
}
