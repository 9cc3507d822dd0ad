package eu.haven.bench;

import com.fasterxml.jackson.databind.JsonNode;
import eu.haven.app.DemoData;
import eu.haven.app.Haven;
import eu.haven.app.HavenConfig;
import eu.haven.core.audit.Ledger;
import eu.haven.event.AccessEvent;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code GET /api/v1/me} for a person with 1,000 access events in a ledger of 1,000,000 (100,000
 * with --quick): a real Haven on embedded H2 (file), over HTTP, one request at a time; each request
 * is itself recorded in the ledger before it answers.
 */
final class MeBench {
    private static final int OWN_EVENTS = 1_000;
    private static final int WRITERS = 64;

    private MeBench() {}

    static boolean run(boolean quick) throws Exception {
        int total = quick ? 100_000 : 1_000_000;
        int samples = quick ? 100 : 300;
        Path dir = Files.createTempDirectory("haven-bench-me");
        System.out.println("== me: GET /api/v1/me, person with " + OWN_EVENTS + " access events in a ledger of " + total
            + " events, embedded H2 (file, " + dir + ")");
        HavenConfig config = HavenConfig.embedded(dir).withConnectionsPerAddress(4096);
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("haven.http")).setLevel(ch.qos.logback.classic.Level.WARN);
        try (Haven haven = new Haven(config)) {
            DemoData.seed(haven.staffAdmin());
            haven.start();
            BenchClient client = new BenchClient("http://localhost:" + haven.port());
            String staff = client.login("shelter.worker");
            JsonNode created = client.post("/api/v1/persons", staff, "shelter",
                "{\"displayName\":\"Bench Person\",\"preferredLanguage\":\"uk\"}");
            UUID person = UUID.fromString(created.get("id").asText());
            for (int i = 0; i < 3; i++) {
                client.post("/api/v1/persons/" + person + "/records", staff, "shelter",
                    "{\"category\":\"housing\",\"data\":{\"room\":\"" + i + "\",\"notes\":\"" + "x".repeat(200) + "\"}}");
            }
            long start = System.nanoTime();
            fill(haven.ledger(), person, total - (int) haven.ledger().size());
            System.out.printf(Locale.ROOT, "filled the ledger to %,d events in %.1f s%n", haven.ledger().size(),
                (System.nanoTime() - start) / 1e9);
            String token = client.post("/api/v1/me/activate", null, null,
                "{\"accessCode\":\"" + created.get("accessCode").asText() + "\",\"secret\":\"2468\"}").get("token").asText();
            for (int i = 0; i < 30; i++) {
                client.get("/api/v1/me", token);
            }
            long[] nanos = new long[samples];
            int history = 0;
            long bytes = 0;
            for (int i = 0; i < samples; i++) {
                long t0 = System.nanoTime();
                HttpResponse<String> r = client.get("/api/v1/me", token);
                nanos[i] = System.nanoTime() - t0;
                if (i == samples - 1) {
                    history = BenchClient.JSON.readTree(r.body()).get("accessHistory").size();
                    bytes = r.body().length();
                }
            }
            Arrays.sort(nanos);
            double median = nanos[samples / 2] / 1e6;
            double p90 = nanos[(int) (samples * 0.9)] / 1e6;
            double p99 = nanos[Math.min(samples - 1, (int) (samples * 0.99))] / 1e6;
            System.out.printf(Locale.ROOT, "GET /api/v1/me: median %.1f ms, p90 %.1f ms, p99 %.1f ms over %d requests "
                + "(ledger %,d events, %d in the person's history, %,d characters of JSON)%n",
                median, p90, p99, samples, haven.ledger().size(), history, bytes);
            boolean holds = median <= 50;
            System.out.printf(Locale.ROOT, "GOAL me median <= 50 ms with 1,000 events in a 1,000,000-event ledger: %s%s%n",
                holds ? "HOLDS" : "FAILS", quick ? " (quick run: 100,000-event ledger)" : "");
            return holds;
        } finally {
            HttpBench.delete(dir);
        }
    }

    /** Appends {@code count} events through the real sequencer; every (count / 1,000)th names the person. */
    private static void fill(Ledger ledger, UUID person, int count) throws Exception {
        int every = Math.max(1, count / OWN_EVENTS);
        Parallel.forEach(WRITERS, count, i -> {
            boolean own = i % every == 0 && i / every < OWN_EVENTS;
            ledger.append(event(own ? person : randomPerson(), i % 97 == 0));
        });
        ledger.checkpoint();
    }

    private static UUID randomPerson() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return new UUID(r.nextLong(), r.nextLong());
    }

    private static AccessEvent event(UUID person, boolean refused) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return AccessEvent.byCaseworker(Instant.now(), new UUID(r.nextLong(), r.nextLong()), refused ? "city-shelter" : "legal-aid", "read",
            refused ? "immigration-enforcement" : "legal-aid", person, new LinkedHashSet<>(List.of("identity", "housing")),
            refused ? Optional.of("firewall") : Optional.empty());
    }
}
