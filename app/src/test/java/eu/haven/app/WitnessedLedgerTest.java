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
        return witness(name, logVkey, origin, Clock.systemUTC());
    }

    private static Running witness(String name, String logVkey, String origin, Clock clock) throws Exception {
        Path state = Files.createTempDirectory("haven-witness");
        Cosigner key = WitnessCommand.key(state, name);
        Witness w = new Witness(key, Map.of(origin, NoteVerifier.fromVkey(logVkey)), new FileWitnessState(state, clock), clock);
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
            // The server's own submitter runs every 250 ms beside this call: which of the two cosigned first does not matter.
            server.haven.submitToWitnesses();
            assertThat(server.haven.ledger().isCosigned(a.key().name()) && server.haven.ledger().isCosigned(b.key().name())).isTrue();
            String note = server.send("GET", "/ledger/checkpoint", null, null, null).raw();
            assertThat(NoteVerifier.fromVkey(vkey).open(note)).as("the log's own signature still holds").isNotBlank();
            assertThat(CosignatureVerifier.quorum(note, policy, 2)).isTrue();

            for (int i = 0; i < 3; i++) {
                server.send("POST", "/api/v1/persons", shelter, "shelter", "{\"displayName\":\"P" + i + "\",\"preferredLanguage\":\"en\"}");
                server.haven.ledger().checkpoint();
                server.haven.submitToWitnesses();
                assertThat(server.haven.ledger().isCosigned(a.key().name()) && server.haven.ledger().isCosigned(b.key().name()))
                    .as("both cosign the grown ledger").isTrue();
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
            server.haven.submitToWitnesses();
            assertThat(server.haven.ledger().isCosigned(a.key().name())).isTrue();
            assertThat(server.haven.ledger().isCosigned(b.key().name())).isFalse();
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

    @Test
    void a_quiet_ledger_is_cosigned_again_at_the_refresh_interval_and_a_stale_cosignature_fails_a_max_age_policy() throws Exception {
        MovableClock clock = new MovableClock();
        HavenConfig base = TestServer.inMemory().withClock(clock);
        HavenConfig.LedgerConfig l = base.ledger();
        eu.haven.ledger.NoteSigner logKey = eu.haven.store.LedgerKeyFile.loadOrCreate(l.keyFile(), l.origin(), HavenConfig.DEFAULT_ORIGIN);
        Running a = witness("fresh.example/witness", logKey.vkey(), logKey.name(), clock);
        HavenConfig config = base.withLedger(new HavenConfig.LedgerConfig(l.origin(), l.keyFile(), l.checkpointInterval(),
            List.of("http://127.0.0.1:" + a.server().port() + "=" + a.key().vkey()), java.time.Duration.ofMinutes(10)));
        CosignatureVerifier w = CosignatureVerifier.fromVkey(a.key().vkey());
        try (TestServer server = new TestServer(config, UnaryOperator.identity())) {
            String shelter = server.login("shelter.worker");
            server.send("POST", "/api/v1/persons", shelter, "shelter", "{\"displayName\":\"Quiet\",\"preferredLanguage\":\"en\"}");
            server.haven.ledger().checkpoint();
            server.haven.submitToWitnesses();
            assertThat(server.haven.ledger().isCosigned(a.key().name())).isTrue();
            String first = server.send("GET", "/ledger/checkpoint", null, null, null).raw();
            long firstAt = w.verify(first).orElseThrow();
            assertThat(server.haven.submitToWitnesses()).as("not asked again before the interval").isZero();

            Path state = Files.createTempDirectory("haven-verify").resolve("state");
            String[] verify = {"verify", "--vkey", logKey.vkey(), "--witness", a.key().vkey(), "--max-age", "PT30M",
                "--state", state.toString(), server.base() + "/ledger"};
            assertThat(Main.cli().execute(verify)).as("a fresh cosignature meets the policy").isZero();

            // Eleven quiet minutes: nothing appended, the same checkpoint, cosigned again with a new time.
            clock.advance(java.time.Duration.ofMinutes(11));
            server.haven.submitToWitnesses();
            String again = server.send("GET", "/ledger/checkpoint", null, null, null).raw();
            assertThat(NoteVerifier.text(again)).as("the same checkpoint").isEqualTo(NoteVerifier.text(first));
            assertThat(w.verify(again).orElseThrow()).isGreaterThanOrEqualTo(firstAt + 600);
            assertThat(Main.cli().execute(verify)).isZero();

            // The witness goes away: the last cosignature ages, and past the policy's age the log looks frozen.
            a.server().stop();
            clock.advance(java.time.Duration.ofMinutes(31));
            server.haven.submitToWitnesses();
            String stale = server.send("GET", "/ledger/checkpoint", null, null, null).raw();
            assertThat(w.verify(stale)).as("the old cosignature is still served").isPresent();
            // The verifier reads the system clock: the stale note is checked with the policy directly at the moved time.
            var policy = new eu.haven.ledger.WitnessPolicy(List.of(w), 1, Optional.of(java.time.Duration.ofMinutes(30)));
            assertThat(policy.check(stale, clock.instant()).holds()).isFalse();
            assertThat(policy.check(stale, clock.instant().minus(java.time.Duration.ofMinutes(31))).holds()).isTrue();
        } finally {
            a.server().stop();
        }
    }

    @Test
    void a_receipt_carries_the_witnesses_cosignatures_and_verify_receipt_checks_the_policy() throws Exception {
        HavenConfig base = TestServer.inMemory();
        HavenConfig.LedgerConfig l = base.ledger();
        eu.haven.ledger.NoteSigner logKey = eu.haven.store.LedgerKeyFile.loadOrCreate(l.keyFile(), l.origin(), HavenConfig.DEFAULT_ORIGIN);
        Running a = witness("r1.example/witness", logKey.vkey(), logKey.name());
        Running b = witness("r2.example/witness", logKey.vkey(), logKey.name());
        // Checkpoints only when the test asks, so that the receipt's is the one the witness cosigned.
        HavenConfig config = base.withLedger(new HavenConfig.LedgerConfig(l.origin(), l.keyFile(), java.time.Duration.ofHours(1),
            List.of("http://127.0.0.1:" + a.server().port() + "=" + a.key().vkey())));
        try (TestServer server = new TestServer(config, UnaryOperator.identity())) {
            String shelter = server.login("shelter.worker");
            String code = server.send("POST", "/api/v1/persons", shelter, "shelter", "{\"displayName\":\"Receipt\",\"preferredLanguage\":\"en\"}")
                .body().get("accessCode").asText();
            String token = server.personToken(code);
            long index = server.send("GET", "/api/v1/me", token, null, null).body().get("accessHistory").get(0).get("ledgerIndex").asLong();
            server.haven.ledger().checkpoint();
            server.haven.submitToWitnesses();
            assertThat(server.haven.ledger().isCosigned(a.key().name())).isTrue();
            String receipt = server.send("GET", "/api/v1/me/receipts/" + index, token, null, null).raw();
            Path file = Files.createTempFile("receipt", ".tlog-proof");
            Files.writeString(file, receipt);
            assertThat(Main.cli().execute("verify", "receipt", "--vkey", logKey.vkey(), "--witness", a.key().vkey(), file.toString()))
                .as("cosigned by the witness the server uses").isZero();
            assertThat(Main.cli().execute("verify", "receipt", "--vkey", logKey.vkey(), "--witness", a.key().vkey(), "--witness",
                b.key().vkey(), file.toString())).as("2 of 2, and the second witness never saw it").isEqualTo(1);
            assertThat(Main.cli().execute("verify", "receipt", "--vkey", logKey.vkey(), "--witness", a.key().vkey(), "--witness",
                b.key().vkey(), "--quorum", "1", file.toString())).isZero();
        } finally {
            a.server().stop();
            b.server().stop();
        }
    }
}
