package eu.haven.app;

import static org.assertj.core.api.Assertions.assertThat;

import eu.haven.ledger.Cosigner;
import eu.haven.ledger.CosignatureVerifier;
import eu.haven.ledger.NoteVerifier;
import eu.haven.ledger.Witness;
import eu.haven.store.FileWitnessState;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code haven witness} over HTTP, fed by a running Haven's own ledger: it cosigns the ledger's
 * checkpoints as it grows (c2sp.org/tlog-witness), keeps its key and state across a restart, and
 * refuses a stale submission with the size it knows.
 */
class WitnessCommandTest {
    private static HttpResponse<String> submit(String base, long old, List<byte[]> proof, String note) throws Exception {
        StringBuilder body = new StringBuilder("old ").append(old).append('\n');
        proof.forEach(p -> body.append(Base64.getEncoder().encodeToString(p)).append('\n'));
        body.append('\n').append(note);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/add-checkpoint"))
            .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void the_witness_cosigns_a_havens_ledger_as_it_grows_and_keeps_its_state() throws Exception {
        Path state = Files.createTempDirectory("haven-witness");
        try (TestServer haven = new TestServer()) {
            var ledger = haven.haven.ledger();
            Cosigner key = WitnessCommand.key(state, "dpa.example/witness");
            Witness witness = new Witness(key, Map.of(ledger.origin(), NoteVerifier.fromVkey(ledger.vkey())),
                new FileWitnessState(state, Clock.systemUTC()), Clock.systemUTC());
            Javalin server = WitnessCommand.start(witness, "127.0.0.1", 0);
            try {
                String base = "http://127.0.0.1:" + server.port();
                haven.login("shelter.worker");
                ledger.checkpoint();
                String first = ledger.signedCheckpoint();
                long size = ledger.checkpointHead().size();
                HttpResponse<String> r = submit(base, 0, List.of(), first);
                assertThat(r.statusCode()).isEqualTo(200);
                CosignatureVerifier verifier = CosignatureVerifier.fromVkey(key.vkey());
                assertThat(verifier.verify(first + r.body())).isPresent();

                String shelter = haven.login("shelter.worker");
                assertThat(haven.send("POST", "/api/v1/persons", shelter, "shelter", "{\"displayName\":\"Someone\",\"preferredLanguage\":\"en\"}")
                    .status()).isEqualTo(201);
                ledger.checkpoint();
                String second = ledger.signedCheckpoint();
                assertThat(ledger.checkpointHead().size()).isGreaterThan(size);
                HttpResponse<String> grown = submit(base, size, ledger.consistencyProof(size), second);
                assertThat(grown.statusCode()).isEqualTo(200);
                assertThat(verifier.verify(second + grown.body())).isPresent();

                HttpResponse<String> stale = submit(base, 0, List.of(), second);
                assertThat(stale.statusCode()).isEqualTo(409);
                assertThat(stale.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/x.tlog.size"));
                assertThat(stale.body().strip()).isEqualTo(Long.toString(ledger.checkpointHead().size()));
            } finally {
                server.stop();
            }
            assertThat(WitnessCommand.key(state, "dpa.example/witness").vkey()).as("the same key after a restart").isEqualTo(key.vkey());
            assertThat(new FileWitnessState(state, Clock.systemUTC()).latest(ledger.origin())).get()
                .satisfies(c -> assertThat(c.size()).isEqualTo(ledger.checkpointHead().size()));
            assertThat(Files.getPosixFilePermissions(state.resolve("witness.key")).toString()).isEqualTo("[OWNER_READ, OWNER_WRITE]");
        }
    }
}
