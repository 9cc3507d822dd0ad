package eu.haven.app;

import eu.haven.verify.VerifyCommand;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.haven.app.TestServer.Response;
import eu.haven.core.crypto.MasterKey;
import eu.haven.core.crypto.PersonKeys;
import eu.haven.store.DatabaseConfig;
import eu.haven.store.FilePersonKeyStore;
import eu.haven.store.MasterKeyFile;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import picocli.CommandLine;

/**
 * The person's whole journey over HTTP: sign in with the code, see everything and every access
 * (the firewall refusal included), export, verify a receipt offline, withdraw consent, ask for a
 * correction, ask for erasure; then nothing about them is left readable, not even in a database
 * backup taken before the erasure, and the ledger still verifies.
 */
class PersonJourneyTest {
    private static final String NAME = "Yaqtovian Brellisandre";
    private static final String ROOM = "room-journey-9352";
    private static final String CORRECTION = "My room number is wrong-xq81";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void sign_in_see_everything_export_verify_withdraw_correct_erase() throws Exception {
        try (TestServer server = new TestServer()) {
            journey(server, true);
        }
    }

    /** The same journey on PostgreSQL, when HAVEN_TEST_POSTGRES names one (without the H2 backup step). */
    @Test
    @EnabledIfEnvironmentVariable(named = "HAVEN_TEST_POSTGRES", matches = ".+")
    void the_journey_on_postgresql() throws Exception {
        String schema = "journey_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        DatabaseConfig pg = new DatabaseConfig(System.getenv("HAVEN_TEST_POSTGRES"),
            System.getenv().getOrDefault("HAVEN_TEST_POSTGRES_USER", "postgres"),
            System.getenv().getOrDefault("HAVEN_TEST_POSTGRES_PASSWORD", ""), java.util.Optional.of(schema));
        HavenConfig config = HavenConfig.embedded(Files.createTempDirectory("haven-journey-pg")).withDatabase(pg);
        try (TestServer server = new TestServer(config, UnaryOperator.identity())) {
            journey(server, false);
            server.haven.database().autonomous(h -> h.execute("DROP SCHEMA " + schema + " CASCADE"));
        }
    }

    private void journey(TestServer server, boolean h2) throws Exception {
        {
            String shelter = server.login("shelter.worker");
            String legal = server.login("legal.worker");
            Response created = server.send("POST", "/api/v1/persons", shelter, "shelter",
                "{\"displayName\":\"" + NAME + "\",\"preferredLanguage\":\"ar\",\"birthDate\":\"1990-04-02\"}");
            assertThat(created.status()).isEqualTo(201);
            UUID person = UUID.fromString(created.body().get("id").asText());
            String code = created.body().get("accessCode").asText();
            String records = "/api/v1/persons/" + person + "/records";
            Response housing = server.send("POST", records, shelter, "shelter", "{\"category\":\"housing\",\"data\":{\"room\":\"" + ROOM + "\"}}");
            String housingId = housing.body().get("id").asText();
            assertThat(server.send("GET", records, shelter, "immigration-enforcement", null).error()).isEqualTo("firewall");
            String consentId = server.send("POST", "/api/v1/persons/" + person + "/consents", shelter, "shelter",
                "{\"recipient\":\"legal-aid\",\"purposes\":[\"legal-aid\"],\"categories\":[\"identity\",\"housing\"],"
                    + "\"method\":\"verbal\",\"language\":\"ar\"}").body().get("id").asText();
            String referralId = server.send("POST", "/api/v1/referrals", shelter, "shelter", "{\"personId\":\"" + person
                + "\",\"to\":\"legal-aid\",\"purpose\":\"legal-aid\",\"categories\":[\"identity\",\"housing\"],\"consentId\":\""
                + consentId + "\"}").body().get("id").asText();
            assertThat(server.send("POST", "/api/v1/referrals/" + referralId + "/accept", legal, "legal-aid", null).status()).isEqualTo(200);
            assertThat(server.send("GET", records, legal, "legal-aid", null).raw()).contains(ROOM);

            // Sign in: the code as a person might type it, in lower case with spaces.
            Response session = server.personSignIn(code.toLowerCase(Locale.ROOT).replace('-', ' '));
            assertThat(session.status()).isEqualTo(201);
            String token = session.body().get("token").asText();

            Response me = server.send("GET", "/api/v1/me?lang=en", token, null, null);
            assertThat(me.status()).isEqualTo(200);
            JsonNode view = me.body();
            assertThat(view.get("direction").asText()).isEqualTo("ltr");
            JsonNode shelterData = view.get("data").get(0);
            assertThat(shelterData.get("organisation").get("id").asText()).isEqualTo("city-shelter");
            assertThat(me.raw()).contains(NAME, ROOM);
            List<String> categories = new ArrayList<>();
            shelterData.get("categories").forEach(c -> categories.add(c.get("category").asText()));
            assertThat(categories).containsExactly("identity", "housing");
            JsonNode history = view.get("accessHistory");
            JsonNode legalRead = find(history, e -> "legal-aid".equals(e.get("organisation").get("id").asText())
                && "read".equals(e.get("action").asText()) && e.get("permitted").asBoolean());
            assertThat(legalRead.get("purposeLabel").asText()).isEqualTo("legal counselling and legal aid");
            assertThat(legalRead.get("roleLabel").asText()).isEqualTo("Caseworker");
            JsonNode refusal = find(history, e -> "firewall".equals(e.path("reason").asText()));
            assertThat(refusal.get("permitted").asBoolean()).isFalse();
            assertThat(refusal.get("summary").asText()).startsWith("A request for immigration enforcement was refused.");
            assertThat(refusal.get("organisation").get("name").asText()).isNotBlank();
            find(history, e -> "view-own".equals(e.get("action").asText()) && "person".equals(e.get("role").asText()));
            find(history, e -> "activate-access-code".equals(e.get("action").asText()));
            assertThat(view.get("consents").get(0).get("withdraw").asText()).endsWith("/withdraw");
            assertThat(view.get("referrals").get(0).get("status").asText()).isEqualTo("accepted");

            // The same in the person's own language: Arabic, right to left.
            JsonNode arabic = server.send("GET", "/api/v1/me", token, null, null).body();
            assertThat(arabic.get("language").asText()).isEqualTo("ar");
            assertThat(arabic.get("direction").asText()).isEqualTo("rtl");
            assertThat(find(arabic.get("accessHistory"), e -> "firewall".equals(e.path("reason").asText())).get("summary").asText())
                .contains("إنفاذ قوانين الهجرة");

            // Export: one document, everything in it.
            HttpResponse<String> export = HTTP.send(TestServer.request(server.base(), "GET", "/api/v1/me/export", token, null, null),
                HttpResponse.BodyHandlers.ofString());
            assertThat(export.statusCode()).isEqualTo(200);
            assertThat(export.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
            JsonNode exported = TestServer.JSON.readTree(export.body());
            assertThat(exported.get("format").asText()).isEqualTo("haven.person-export/v1");
            assertThat(export.body()).contains(NAME, ROOM);
            assertThat(exported.get("accessHistory").size()).isGreaterThan(history.size());

            // A receipt for the firewall refusal, verified offline with haven verify receipt.
            long refusalIndex = refusal.get("ledgerIndex").asLong();
            Response receipt = server.send("GET", "/api/v1/me/receipts/" + refusalIndex, token, null, null);
            assertThat(receipt.status()).isEqualTo(200);
            assertThat(receipt.raw()).startsWith("c2sp.org/tlog-proof@v1");
            Path receiptFile = Files.createTempFile("haven-receipt", ".tlog-proof");
            Files.writeString(receiptFile, receipt.raw());
            String vkey = new String(server.bytes("/ledger/vkey").orElseThrow(), StandardCharsets.UTF_8).trim();
            assertThat(new CommandLine(new VerifyCommand()).execute("receipt", "--vkey", vkey, receiptFile.toString())).isZero();
            // Nobody gets a receipt for someone else's access.
            long othersIndex = server.send("POST", "/api/v1/persons", shelter, "shelter",
                "{\"displayName\":\"Other\",\"preferredLanguage\":\"en\"}").body().get("ledgerIndex").asLong();
            assertThat(server.send("GET", "/api/v1/me/receipts/" + othersIndex, token, null, null).status()).isEqualTo(404);

            // Withdrawal by the person: effective at once.
            Response withdrawn = server.send("POST", "/api/v1/me/consents/" + consentId + "/withdraw", token, null, null);
            assertThat(withdrawn.status()).isEqualTo(200);
            assertThat(withdrawn.body().get("state").asText()).isEqualTo("dpv:ConsentWithdrawn");
            Response legalAfter = server.send("GET", records, legal, "legal-aid", null);
            assertThat(legalAfter.status()).isEqualTo(403);
            assertThat(legalAfter.error()).isEqualTo("consent-withdrawn");

            // Correction: the person asks, the shelter corrects and answers, the person sees it.
            Response asked = server.send("POST", "/api/v1/me/corrections", token, null,
                "{\"organisation\":\"city-shelter\",\"recordId\":\"" + housingId + "\",\"text\":\"" + CORRECTION + "\"}");
            assertThat(asked.status()).isEqualTo(201);
            String correctionId = asked.body().get("id").asText();
            Response queue = server.send("GET", "/api/v1/corrections", shelter, "shelter", null);
            assertThat(queue.raw()).contains(correctionId).doesNotContain(CORRECTION);
            assertThat(server.send("GET", "/api/v1/corrections/" + correctionId, shelter, "shelter", null).raw()).contains(CORRECTION);
            assertThat(server.send("GET", "/api/v1/corrections/" + correctionId, legal, "legal-aid", null).status()).isEqualTo(404);
            assertThat(server.send("PUT", records + "/" + housingId, shelter, "shelter",
                "{\"data\":{\"room\":\"" + ROOM + "-b\"}}").status()).isEqualTo(204);
            assertThat(server.send("POST", "/api/v1/corrections/" + correctionId + "/answer", shelter, "shelter",
                "{\"status\":\"corrected\",\"answer\":\"Fixed, sorry.\"}").status()).isEqualTo(200);
            JsonNode corrected = server.send("GET", "/api/v1/me?lang=en", token, null, null).body().get("corrections").get(0);
            assertThat(corrected.get("status").asText()).isEqualTo("corrected");
            assertThat(corrected.get("answer").asText()).isEqualTo("Fixed, sorry.");

            // A backup of the database taken before the erasure (H2's SCRIPT; on PostgreSQL, pg_dump's job).
            Path backup = Files.createTempFile("haven-backup", ".sql");
            Files.delete(backup);
            if (h2) {
                server.haven.database().autonomous(h -> h.execute("SCRIPT TO '" + backup + "'"));
            }

            // Erasure: shelter and legal aid name no retention obligation, so it happens at once.
            Response erased = server.send("POST", "/api/v1/me/erasure", token, null, null);
            assertThat(erased.status()).isEqualTo(200);
            assertThat(erased.body().get("erased").asBoolean()).isTrue();

            assertThat(server.send("GET", records, shelter, "shelter", null).status()).isEqualTo(404);
            assertThat(server.send("GET", records, legal, "legal-aid", null).status()).isEqualTo(404);
            assertThat(server.send("GET", "/api/v1/me", token, null, null).status()).isEqualTo(401);
            Response again = server.personSignIn(code);
            assertThat(again.status()).isEqualTo(401);
            assertThat(again.error()).isEqualTo("invalid-credentials");

            // The raw database, table by table: nothing about the person, nothing readable.
            if (h2) {
                assertNothingAbout(server.haven.database().with(h -> h.createQuery("SCRIPT").mapTo(String.class).list()), person,
                    NAME, ROOM, CORRECTION);
            }
            for (String table : List.of("persons", "records", "consents", "referrals", "relationships", "corrections",
                "person_sessions", "erasure_requests", "ledger_events")) {
                String column = table.equals("persons") ? "id" : "person_id";
                long rows = server.haven.database().with(h -> h.createQuery("SELECT COUNT(*) FROM " + table + " WHERE " + column + " = :p")
                    .bind("p", person).mapTo(Long.class).one());
                assertThat(rows).as(table).isZero();
            }
            assertThat(server.haven.ledger().forPerson(person)).isEmpty();

            // The ledger still verifies, over HTTP, and the old receipt still holds.
            server.haven.ledger().checkpoint();
            Path state = Files.createTempFile("haven-verify", ".state");
            Files.delete(state);
            assertThat(new CommandLine(new VerifyCommand()).execute("--vkey", vkey, "--state", state.toString(),
                server.base() + "/ledger")).isZero();
            assertThat(new CommandLine(new VerifyCommand()).execute("receipt", "--vkey", vkey, receiptFile.toString())).isZero();

            if (h2) {
                assertBackupYieldsNothing(server, backup, person, code);
            }
        }
    }

    /**
     * Restores the pre-erasure backup into a fresh database: the rows are there, sealed, but the
     * person's key is gone from the key store, so nothing opens; a Haven started on the copy refuses
     * the code and answers staff with 404.
     */
    private void assertBackupYieldsNothing(TestServer server, Path backup, UUID person, String code) throws Exception {
        String name = "restored" + UUID.randomUUID();
        DatabaseConfig restoredDb = DatabaseConfig.h2Memory(name);
        try (Connection keepAlive = DriverManager.getConnection(restoredDb.url(), "haven", "")) {
            keepAlive.createStatement().execute("RUNSCRIPT FROM '" + backup + "'");
            try (var rs = keepAlive.createStatement().executeQuery("SELECT COUNT(*) FROM persons WHERE id = '" + person + "'")) {
                rs.next();
                assertThat(rs.getInt(1)).as("the backup holds the person's (sealed) row").isEqualTo(1);
            }
            MasterKey master = MasterKeyFile.loadOrCreate(server.haven.config().masterKeyFile());
            PersonKeys keys = new PersonKeys(master, new FilePersonKeyStore(server.haven.config().keyStoreDir()));
            assertThat(keys.find(person)).as("the key was destroyed").isEmpty();

            // A Haven on the restored copy. Its ledger is behind the checkpoint copy kept beside the
            // key (the rollback check would stop it), so it gets a fresh copy location.
            Path ledgerDir = Files.createTempDirectory("haven-restored-ledger");
            Files.copy(server.haven.config().ledger().keyFile(), ledgerDir.resolve("ledger.key"));
            HavenConfig config = server.haven.config().withDatabase(restoredDb)
                .withLedger(new HavenConfig.LedgerConfig(server.haven.config().ledger().origin(), ledgerDir.resolve("ledger.key"),
                    server.haven.config().ledger().checkpointInterval()));
            try (TestServer restored = new TestServer(config, UnaryOperator.identity())) {
                Response signIn = restored.send("POST", "/api/v1/me/session", null, null,
                    "{\"accessCode\":\"" + code + "\",\"secret\":\"" + TestServer.SECRET + "\"}");
                assertThat(signIn.status()).isEqualTo(401);
                String shelter = restored.login("shelter.worker");
                Response read = restored.send("GET", "/api/v1/persons/" + person + "/records", shelter, "shelter", null);
                assertThat(read.status()).isEqualTo(404);
                assertThat(read.raw()).doesNotContain(NAME).doesNotContain(ROOM);
            }
            List<String> dump = new ArrayList<>();
            try (var rs = keepAlive.createStatement().executeQuery("SCRIPT")) {
                while (rs.next()) {
                    dump.add(rs.getString(1));
                }
            }
            assertThat(String.join("\n", dump)).doesNotContain(NAME).doesNotContain(ROOM).doesNotContain(CORRECTION);
        }
    }

    private static void assertNothingAbout(List<String> dump, UUID person, String... secrets) {
        String all = String.join("\n", dump);
        assertThat(all).contains("INSERT INTO");
        assertThat(all).doesNotContain(person.toString());
        for (String s : secrets) {
            assertThat(all).doesNotContain(s);
            assertThat(all.toLowerCase(Locale.ROOT)).doesNotContain(java.util.HexFormat.of().formatHex(s.getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static JsonNode find(JsonNode array, java.util.function.Predicate<JsonNode> test) {
        for (JsonNode n : array) {
            if (test.test(n)) {
                return n;
            }
        }
        throw new AssertionError("no entry matches in " + array);
    }

}
