package eu.haven.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.haven.core.audit.Ledger;
import eu.haven.core.audit.LoggedEvent;
import eu.haven.ledger.Checkpoint;
import eu.haven.ledger.Merkle;
import eu.haven.ledger.NoteVerifier;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real server process with SIGKILL in the middle of a write load, then reopens its data:
 * every acknowledged event is there, the ledger passes its audit, and the new checkpoint is
 * consistent with every checkpoint the server published before it died.
 */
class CrashTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    @Test
    void everyAcknowledgedEventSurvivesKillNine() throws Exception {
        int port = ServerProcess.freePort();
        String base = "http://localhost:" + port;
        Process server = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
            "-cp", System.getProperty("java.class.path"), "eu.haven.app.Main", "demo", "--data-dir", data.toString(),
            "--port", String.valueOf(port), "--checkpoint-interval", "PT0.2S")
            .redirectErrorStream(true).redirectOutput(data.resolveSibling(data.getFileName() + "-server.log").toFile()).start();
        try {
            ServerProcess.awaitHealth(base);
            String token = JSON.readTree(ServerProcess.call(base, "POST", "/api/v1/auth/token", null, null,
                "{\"username\":\"shelter.worker\",\"password\":\"" + DemoData.PASSWORD + "\"}").body()).get("token").asText();
            List<UUID> persons = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                persons.add(UUID.fromString(JSON.readTree(ServerProcess.call(base, "POST", "/api/v1/persons", token, "shelter",
                    "{\"displayName\":\"Crash " + i + "\",\"preferredLanguage\":\"en\"}").body()).get("id").asText()));
            }
            Map<String, AtomicInteger> acked = new ConcurrentHashMap<>();
            Set<String> checkpoints = ConcurrentHashMap.newKeySet();
            AtomicBoolean go = new AtomicBoolean(true);
            List<Thread> load = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                load.add(Thread.ofPlatform().start(() -> {
                    while (go.get()) {
                        UUID p = persons.get(ThreadLocalRandom.current().nextInt(persons.size()));
                        boolean write = ThreadLocalRandom.current().nextInt(4) == 0;
                        try {
                            HttpResponse<String> r = write
                                ? ServerProcess.call(base, "POST", "/api/v1/persons/" + p + "/records", token, "shelter", "{\"category\":\"housing\",\"data\":{\"n\":1}}")
                                : ServerProcess.call(base, "GET", "/api/v1/persons/" + p + "/records", token, "shelter", null);
                            if (r.statusCode() == 200 || r.statusCode() == 201) {
                                acked.computeIfAbsent(p + (write ? " write" : " read"), k -> new AtomicInteger()).incrementAndGet();
                            }
                        } catch (IOException | InterruptedException e) {
                            return;
                        }
                    }
                }));
            }
            Thread watcher = Thread.ofPlatform().start(() -> {
                while (go.get()) {
                    try {
                        checkpoints.add(ServerProcess.call(base, "GET", "/ledger/checkpoint", null, null, null).body());
                        Thread.sleep(50);
                    } catch (IOException | InterruptedException e) {
                        return;
                    }
                }
            });
            Thread.sleep(2500);
            server.destroyForcibly();
            assertThat(server.waitFor(20, TimeUnit.SECONDS)).isTrue();
            go.set(false);
            for (Thread t : load) {
                t.join();
            }
            watcher.join();
            int total = acked.values().stream().mapToInt(AtomicInteger::get).sum();
            assertThat(total).as("acknowledged requests before the kill").isGreaterThan(100);
            assertThat(checkpoints).hasSizeGreaterThan(1);

            HavenConfig config = HavenConfig.embedded(data);
            try (Haven reopened = new Haven(config)) {
                Ledger ledger = reopened.ledger();
                for (UUID p : persons) {
                    List<LoggedEvent> events = ledger.forPerson(p);
                    long reads = events.stream().filter(e -> e.event().action().equals("read") && e.event().permitted()).count();
                    long writes = events.stream().filter(e -> e.event().action().equals("write") && e.event().permitted()).count();
                    assertThat(reads).isGreaterThanOrEqualTo(acked.getOrDefault(p + " read", new AtomicInteger()).get());
                    assertThat(writes).isGreaterThanOrEqualTo(acked.getOrDefault(p + " write", new AtomicInteger()).get());
                }
                ledger.checkpoint();
                Checkpoint head = ledger.checkpointHead();
                NoteVerifier key = NoteVerifier.fromVkey(ledger.vkey());
                for (String note : checkpoints) {
                    Checkpoint before = Checkpoint.open(note, key);
                    assertThat(before.size()).isLessThanOrEqualTo(head.size());
                    if (before.size() > 0) {
                        Merkle.verifyConsistency(before.size(), head.size(), ledger.consistencyProof(before.size()), before.root(), head.root());
                    }
                }
            }
        } finally {
            server.destroyForcibly();
        }
    }
}
