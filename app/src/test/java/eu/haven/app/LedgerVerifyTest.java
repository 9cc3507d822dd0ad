package eu.haven.app;

import eu.haven.verify.VerifyCommand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.haven.core.audit.LedgerIntegrityException;
import eu.haven.core.audit.LoggedEvent;
import eu.haven.ledger.TlogProof;
import eu.haven.store.Database;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code haven verify} over HTTP and on an export, {@code verify receipt}, and the start-up refusal. */
class LedgerVerifyTest {
    @TempDir
    Path tmp;

    private static int run(Object command, String... args) {
        return new CommandLine(command).execute(args);
    }

    private static UUID activity(TestServer server) {
        String token = server.login("shelter.worker");
        UUID person = UUID.fromString(server.send("POST", "/api/v1/persons", token, "shelter",
            "{\"displayName\":\"Verify Person\",\"preferredLanguage\":\"fr\"}").body().get("id").asText());
        for (int i = 0; i < 300; i++) {
            server.send("GET", "/api/v1/persons/" + person + "/records", token, i % 10 == 0 ? "immigration-enforcement" : "shelter", null);
        }
        server.haven.ledger().checkpoint();
        return person;
    }

    @Test
    void verifiesOverHttpAndOnAnExportAndCatchesTampering() throws Exception {
        try (TestServer server = new TestServer()) {
            UUID person = activity(server);
            String vkey = server.haven.ledger().vkey();
            String state = tmp.resolve("witness").toString();
            assertThat(run(new VerifyCommand(), "--vkey", vkey, "--state", state, server.base() + "/ledger")).isZero();
            activity(server);
            assertThat(run(new VerifyCommand(), "--vkey", vkey, "--state", state, server.base() + "/ledger")).isZero();
            assertThat(Files.readString(Path.of(state))).isEqualTo(server.haven.ledger().signedCheckpoint());

            Path export = tmp.resolve("export");
            String url = server.haven.config().database().url();
            assertThat(run(new LedgerCommand(), "export", "--data-dir", server.dir.toString(), "--db-url", url, "--db-user", "haven",
                export.toString())).isZero();
            assertThat(Files.readString(export.resolve("vkey")).trim()).isEqualTo(vkey);
            assertThat(run(new VerifyCommand(), "--vkey", vkey, "--state", tmp.resolve("w2").toString(), export.toString())).isZero();

            Path bundle = export.resolve("tile/entries/001");
            byte[] b = Files.readAllBytes(bundle);
            b[40] ^= 1;
            Files.write(bundle, b);
            assertThat(run(new VerifyCommand(), "--vkey", vkey, "--state", tmp.resolve("w3").toString(), export.toString())).isEqualTo(1);
            String otherKey = "other.example/log+00000000+" + vkey.substring(vkey.lastIndexOf('+') + 1);
            assertThat(run(new VerifyCommand(), "--vkey", otherKey, "--state", tmp.resolve("w4").toString(), export.toString())).isEqualTo(1);

            LoggedEvent refusal = server.haven.ledger().forPerson(person).stream().filter(e -> !e.event().permitted()).findFirst().orElseThrow();
            TlogProof receipt = server.haven.ledger().receipt(refusal.index()).orElseThrow();
            Path file = tmp.resolve("event.tlog-proof");
            Files.writeString(file, receipt.format());
            assertThat(run(new VerifyCommand(), "receipt", "--vkey", vkey, file.toString())).isZero();

            String forged = new String(receipt.extra().orElseThrow(), StandardCharsets.UTF_8).replace("decision deny", "decision permit");
            Files.writeString(file, new TlogProof(Optional.of(forged.getBytes(StandardCharsets.UTF_8)), receipt.index(), receipt.proof(),
                receipt.checkpoint()).format());
            assertThat(run(new VerifyCommand(), "receipt", "--vkey", vkey, file.toString())).isEqualTo(1);
            Files.writeString(file, receipt.format().replace("extra " + Base64.getEncoder().encodeToString(receipt.extra().get()) + "\n", ""));
            assertThat(run(new VerifyCommand(), "receipt", "--vkey", vkey, file.toString())).isEqualTo(1);
        }
    }

    @Test
    void refusesToStartWhenTheStoredTreeDisagreesWithItsCheckpoint() {
        HavenConfig config = HavenConfig.embedded(tmp.resolve("data"));
        try (TestServer server = new TestServer(config, java.util.function.UnaryOperator.identity())) {
            String token = server.login("shelter.worker");
            server.send("POST", "/api/v1/persons", token, "shelter", "{\"displayName\":\"Start Check\",\"preferredLanguage\":\"en\"}");
        }
        String original;
        try (Database db = Database.open(Installation.existing(config))) {
            original = db.autonomous(h -> h.createQuery("SELECT purpose FROM ledger_events WHERE idx = 0").mapTo(String.class).one());
            db.autonomous(h -> h.execute("UPDATE ledger_events SET purpose = 'legal-aid' WHERE idx = 0"));
        }
        assertThat(Main.cli().execute("ledger", "audit", "--data-dir", config.dataDir().toString())).as("the audit command sees it too")
            .isEqualTo(4);
        assertThatThrownBy(() -> new Haven(config)).isInstanceOf(LedgerIntegrityException.class)
            .hasMessageContaining("index 0");
        try (Database db = Database.open(Installation.existing(config))) {
            db.autonomous(h -> h.createUpdate("UPDATE ledger_events SET purpose = :p WHERE idx = 0").bind("p", original).execute());
        }
        new Haven(config).close();
        assertThat(Main.cli().execute("ledger", "audit", "--data-dir", config.dataDir().toString())).isZero();
    }
}
