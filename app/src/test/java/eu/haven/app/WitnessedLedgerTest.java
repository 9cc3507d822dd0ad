package eu.haven.app;

import static org.assertj.core.api.Assertions.assertThat;

import eu.haven.ledger.Cosigner;
import eu.haven.ledger.CosignatureVerifier;
import eu.haven.ledger.NoteVerifier;
import eu.haven.ledger.Witness;
import eu.haven.store.FileWitnessState;
import io.javalin.Javalin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Haven with two witnesses: each new checkpoint is cosigned by both as the ledger grows and served
 * with their cosignatures at {@code /ledger/checkpoint}; with one witness gone, a "2 of 2" policy
 * fails on the next checkpoint, and "1 of 2" still holds.
 */
class WitnessedLedgerTest {
    private record Running(Cosigner key, Javalin server) {}

    private static Running witness(String name, String logVkey, String origin) throws Exception {
        Path state = Files.createTempDirectory("haven-witness");
        Cosigner key = WitnessCommand.key(state, name);
        Witness w = new Witness(key, Map.of(origin, NoteVerifier.fromVkey(logVkey)), new FileWitnessState(state, Clock.systemUTC()), Clock.systemUTC());
        return new Running(key, WitnessCommand.start(w, "127.0.0.1", 0));
    }

    @Test
    void two_witnesses_cosign_as_the_ledger_grows_and_a_missing_one_breaks_a_two_of_two_policy() throws Exception {
        HavenConfig base = TestServer.inMemory();
        // The ledger's key, made before the first start, as an operator would to configure the witnesses.
        HavenConfig.LedgerConfig l = base.ledger();
        eu.haven.ledger.NoteSigner logKey = eu.haven.store.LedgerKeyFile.loadOrCreate(l.keyFile(), l.origin(), HavenConfig.DEFAULT_ORIGIN);
        String vkey = logKey.vkey();
        String origin = logKey.name();
        Running a = witness("a.example/witness", vkey, origin);
        Running b = witness("b.example/witness", vkey, origin);
        HavenConfig config = base.withLedger(new HavenConfig.LedgerConfig(l.origin(), l.keyFile(), l.checkpointInterval(),
            List.of("http://127.0.0.1:" + a.server().port() + "=" + a.key().vkey(), "http://127.0.0.1:" + b.server().port() + "/=" + b.key().vkey())));
        List<CosignatureVerifier> policy = List.of(CosignatureVerifier.fromVkey(a.key().vkey()), CosignatureVerifier.fromVkey(b.key().vkey()));
        try (TestServer server = new TestServer(config, UnaryOperator.identity())) {
            String shelter = server.login("shelter.worker");
            server.send("POST", "/api/v1/persons", shelter, "shelter", "{\"displayName\":\"One\",\"preferredLanguage\":\"en\"}");
            server.haven.ledger().checkpoint();
            assertThat(server.haven.submitToWitnesses()).isEqualTo(2);
            String note = server.send("GET", "/ledger/checkpoint", null, null, null).raw();
            assertThat(NoteVerifier.fromVkey(vkey).open(note)).as("the log's own signature still holds").isNotBlank();
            assertThat(CosignatureVerifier.quorum(note, policy, 2)).isTrue();

            for (int i = 0; i < 3; i++) {
                server.send("POST", "/api/v1/persons", shelter, "shelter", "{\"displayName\":\"P" + i + "\",\"preferredLanguage\":\"en\"}");
                server.haven.ledger().checkpoint();
                assertThat(server.haven.submitToWitnesses()).as("both cosign the grown ledger").isEqualTo(2);
            }
            String grown = server.send("GET", "/ledger/checkpoint", null, null, null).raw();
            assertThat(CosignatureVerifier.quorum(grown, policy, 2)).isTrue();
            Path state = Files.createTempDirectory("haven-verify").resolve("state");
            String[] verify = {"verify", "--vkey", vkey, "--witness", a.key().vkey(), "--witness", b.key().vkey(), "--quorum", "2",
                "--state", state.toString(), server.base() + "/ledger"};
            assertThat(Main.cli().execute(verify)).as("haven verify with a 2 of 2 policy").isZero();
            assertThat(grown).isNotEqualTo(note);

            b.server().stop();
            server.send("POST", "/api/v1/persons", shelter, "shelter", "{\"displayName\":\"After\",\"preferredLanguage\":\"en\"}");
            server.haven.ledger().checkpoint();
            assertThat(server.haven.submitToWitnesses()).isEqualTo(1);
            String half = server.send("GET", "/ledger/checkpoint", null, null, null).raw();
            assertThat(CosignatureVerifier.quorum(half, policy, 2)).as("2 of 2 fails with one witness missing").isFalse();
            assertThat(CosignatureVerifier.quorum(half, policy, 1)).isTrue();
            assertThat(Main.cli().execute(verify)).as("haven verify fails the 2 of 2 policy").isEqualTo(1);
            verify[8] = "1";
            assertThat(Main.cli().execute(verify)).as("and meets 1 of 2").isZero();
        } finally {
            a.server().stop();
        }
    }
}
