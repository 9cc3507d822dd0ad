package eu.haven.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.haven.core.audit.Ledger;
import eu.haven.core.audit.LoggedEvent;
import eu.haven.ledger.Checkpoint;
import eu.haven.ledger.Merkle;
import eu.haven.ledger.NoteVerifier;
import eu.haven.store.DatabaseConfig;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two server processes on one PostgreSQL database, behind no balancer but the test's own: requests go to either.
 * Under a write load one is killed with SIGKILL: the other keeps serving, nothing either acknowledged is lost, the
 * ledger passes its whole audit, and every checkpoint either published is consistent with the last one.
 */
@EnabledIfEnvironmentVariable(named = "HAVEN_TEST_POSTGRES", matches = "jdbc:postgresql:.+")
class TwoServersTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String url = System.getenv("HAVEN_TEST_POSTGRES");
    private final String user = System.getenv().getOrDefault("HAVEN_TEST_POSTGRES_USER", "postgres");
    private final String password = System.getenv().getOrDefault("HAVEN_TEST_POSTGRES_PASSWORD", "");
    private final String schema = "two_servers_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @TempDir
    Path data;

    private Process server(int port, String name) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx384m",
            "-cp", System.getProperty("java.class.path"), "eu.haven.app.Main", "demo", "--data-dir", data.toString(),
            "--port", String.valueOf(port), "--checkpoint-interval", "PT0.2S", "--db-url", url + (url.contains("?") ? "&" : "?")
                + "currentSchema=" + schema, "--db-user", user, "--db-pool", "8"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
            .redirectOutput(data.resolveSibling(data.getFileName() + "-" + name + ".log").toFile());
        pb.environment().put("HAVEN_DB_PASSWORD", password);
        return pb.start();
    }

    @Test
    void one_dies_under_load_and_the_other_serves_on_with_nothing_lost() throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            c.createStatement().execute("CREATE SCHEMA " + schema);
        }
        int[] ports = {ServerProcess.freePort(), ServerProcess.freePort()};
        String[] bases = {"http://localhost:" + ports[0], "http://localhost:" + ports[1]};
        Process first = server(ports[0], "first");
        Process second = null;
        try {
            ServerProcess.awaitHealth(bases[0]);
            second = server(ports[1], "second");
            ServerProcess.awaitHealth(bases[1]);
            String token = JSON.readTree(ServerProcess.call(bases[1], "POST", "/api/v1/auth/token", null, null,
                "{\"username\":\"shelter.worker\",\"password\":\"" + DemoData.PASSWORD + "\"}").body()).get("token").asText();
            List<UUID> persons = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                // Taken on through one server, read through the other: a token and a person are the database's, not a server's.
                String base = bases[i % 2];
                persons.add(UUID.fromString(JSON.readTree(ServerProcess.call(base, "POST", "/api/v1/persons", token, "shelter",
                    "{\"displayName\":\"Two " + i + "\",\"preferredLanguage\":\"en\"}").body()).get("id").asText()));
            }
            for (UUID p : persons) {
                assertThat(ServerProcess.call(bases[0], "GET", "/api/v1/persons/" + p + "/records", token, "shelter", null).statusCode()).isEqualTo(200);
                assertThat(ServerProcess.call(bases[1], "GET", "/api/v1/persons/" + p + "/records", token, "shelter", null).statusCode()).isEqualTo(200);
            }
            withdrawalThroughOneIsRefusalOnTheOther(bases, token);
            Map<UUID, Set<String>> written = new ConcurrentHashMap<>();
            Map<String, AtomicInteger> reads = new ConcurrentHashMap<>();
            AtomicInteger servedAfterKill = new AtomicInteger();
            AtomicBoolean killed = new AtomicBoolean();
            List<String> checkpoints = java.util.Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean go = new AtomicBoolean(true);
            List<Thread> load = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                load.add(Thread.ofPlatform().start(() -> {
                    while (go.get()) {
                        UUID p = persons.get(ThreadLocalRandom.current().nextInt(persons.size()));
                        String base = bases[ThreadLocalRandom.current().nextInt(2)];
                        boolean write = ThreadLocalRandom.current().nextInt(3) == 0;
                        try {
                            HttpResponse<String> r = write
                                ? ServerProcess.call(base, "POST", "/api/v1/persons/" + p + "/records", token, "shelter", "{\"category\":\"housing\",\"data\":{\"n\":1}}")
                                : ServerProcess.call(base, "GET", "/api/v1/persons/" + p + "/records", token, "shelter", null);
                            if (r.statusCode() == 201) {
                                written.computeIfAbsent(p, k -> ConcurrentHashMap.newKeySet()).add(JSON.readTree(r.body()).get("id").asText());
                            } else if (r.statusCode() == 200) {
                                reads.computeIfAbsent(p.toString(), k -> new AtomicInteger()).incrementAndGet();
                            }
                            if ((r.statusCode() == 200 || r.statusCode() == 201) && killed.get()) {
                                servedAfterKill.incrementAndGet();
                            }
                        } catch (IOException e) {
                            // the killed server: the balancer would send this request to the other
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }));
            }
            Thread watcher = Thread.ofPlatform().start(() -> {
                while (go.get()) {
                    for (String base : bases) {
                        try {
                            checkpoints.add(ServerProcess.call(base, "GET", "/ledger/checkpoint", null, null, null).body());
                        } catch (IOException e) {
                            // the killed server
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            Thread.sleep(3000);
            first.destroyForcibly();
            assertThat(first.waitFor(20, TimeUnit.SECONDS)).isTrue();
            killed.set(true);
            Thread.sleep(2500);
            go.set(false);
            for (Thread t : load) {
                t.join();
            }
            watcher.join();
            int acknowledged = written.values().stream().mapToInt(Set::size).sum() + reads.values().stream().mapToInt(AtomicInteger::get).sum();
            assertThat(acknowledged).as("acknowledged requests").isGreaterThan(100);
            assertThat(servedAfterKill.get()).as("requests the surviving server answered after the kill").isGreaterThan(20);

            // Every record acknowledged by either server is there, read through the survivor.
            for (UUID p : persons) {
                HttpResponse<String> r = ServerProcess.call(bases[1], "GET", "/api/v1/persons/" + p + "/records", token, "shelter", null);
                assertThat(r.statusCode()).isEqualTo(200);
                List<String> ids = new ArrayList<>();
                JSON.readTree(r.body()).get("records").forEach(n -> ids.add(n.get("id").asText()));
                assertThat(ids).containsAll(written.getOrDefault(p, Set.of()));
            }
            second.destroy();
            assertThat(second.waitFor(30, TimeUnit.SECONDS)).isTrue();

            DatabaseConfig pg = new DatabaseConfig(url, user, password, Optional.of(schema));
            try (Haven reopened = new Haven(HavenConfig.embedded(data).withDatabase(pg))) {
                Ledger ledger = reopened.ledger();
                assertThat(ledger.auditNow().passed()).as("the whole audit").isTrue();
                for (UUID p : persons) {
                    List<LoggedEvent> events = ledger.forPerson(p);
                    long permittedReads = events.stream().filter(e -> e.event().action().equals("read") && e.event().permitted()).count();
                    long permittedWrites = events.stream().filter(e -> e.event().action().equals("write") && e.event().permitted()).count();
                    assertThat(permittedReads).isGreaterThanOrEqualTo(reads.getOrDefault(p.toString(), new AtomicInteger()).get());
                    assertThat(permittedWrites).isGreaterThanOrEqualTo(written.getOrDefault(p, Set.of()).size());
                }
                ledger.checkpoint();
                Checkpoint head = ledger.checkpointHead();
                NoteVerifier key = NoteVerifier.fromVkey(ledger.vkey());
                List<Checkpoint> seen = new ArrayList<>();
                for (String note : checkpoints) {
                    seen.add(Checkpoint.open(note, key));
                }
                assertThat(seen.stream().map(Checkpoint::size).distinct().count()).as("checkpoints seen").isGreaterThan(5);
                seen.sort(Comparator.comparingLong(Checkpoint::size));
                for (Checkpoint before : seen) {
                    assertThat(before.size()).isLessThanOrEqualTo(head.size());
                    if (before.size() > 0) {
                        Merkle.verifyConsistency(before.size(), head.size(), ledger.consistencyProof(before.size()), before.root(), head.root());
                    }
                }
                // Two checkpoints of one size from the two servers are one tree.
                for (int i = 1; i < seen.size(); i++) {
                    if (seen.get(i).size() == seen.get(i - 1).size()) {
                        assertThat(seen.get(i).root()).isEqualTo(seen.get(i - 1).root());
                    }
                }
                reopened.database().autonomous(h -> h.execute("DROP SCHEMA " + schema + " CASCADE"));
            }
        } finally {
            first.destroyForcibly();
            if (second != null) {
                second.destroyForcibly();
            }
        }
    }

    /**
     * The insider's try: legal aid reads through one server (which keeps the person's facts in memory), the person
     * withdraws the consent through the other, and legal aid asks the first again at once. Refused, and the person's
     * timeline, read through either server, shows both. A sign-out through one server ends the session on the other.
     */
    private void withdrawalThroughOneIsRefusalOnTheOther(String[] bases, String shelter) throws Exception {
        String legal = JSON.readTree(ServerProcess.call(bases[0], "POST", "/api/v1/auth/token", null, null,
            "{\"username\":\"legal.worker\",\"password\":\"" + DemoData.PASSWORD + "\"}").body()).get("token").asText();
        var created = JSON.readTree(ServerProcess.call(bases[0], "POST", "/api/v1/persons", shelter, "shelter",
            "{\"displayName\":\"Withdraws\",\"preferredLanguage\":\"en\"}").body());
        String person = created.get("id").asText();
        String code = created.get("accessCode").asText();
        String records = "/api/v1/persons/" + person + "/records";
        assertThat(ServerProcess.call(bases[0], "POST", records, shelter, "shelter", "{\"category\":\"housing\",\"data\":{\"room\":\"12\"}}")
            .statusCode()).isEqualTo(201);
        String consent = JSON.readTree(ServerProcess.call(bases[0], "POST", "/api/v1/persons/" + person + "/consents", shelter, "shelter",
            "{\"recipient\":\"legal-aid\",\"purposes\":[\"legal-aid\"],\"categories\":[\"identity\",\"housing\"],"
                + "\"method\":\"verbal\",\"language\":\"en\"}").body()).get("id").asText();
        String referral = JSON.readTree(ServerProcess.call(bases[0], "POST", "/api/v1/referrals", shelter, "shelter", "{\"personId\":\"" + person
            + "\",\"to\":\"legal-aid\",\"purpose\":\"legal-aid\",\"categories\":[\"identity\",\"housing\"],\"consentId\":\""
            + consent + "\"}").body()).get("id").asText();
        assertThat(ServerProcess.call(bases[1], "POST", "/api/v1/referrals/" + referral + "/accept", legal, "legal-aid", null).statusCode()).isEqualTo(200);
        assertThat(ServerProcess.call(bases[1], "GET", records, legal, "legal-aid", null).body()).contains("\"12\"");
        assertThat(ServerProcess.call(bases[0], "GET", records, legal, "legal-aid", null).statusCode()).isEqualTo(200);

        String signIn = "{\"accessCode\":\"" + code + "\",\"secret\":\"" + TestServer.SECRET + "\"}";
        HttpResponse<String> activated = ServerProcess.call(bases[0], "POST", "/api/v1/me/activate", null, null, signIn);
        assertThat(activated.statusCode()).isEqualTo(201);
        String session = JSON.readTree(activated.body()).get("token").asText();
        assertThat(ServerProcess.call(bases[0], "POST", "/api/v1/me/consents/" + consent + "/withdraw", session, null, null).statusCode()).isEqualTo(200);
        HttpResponse<String> after = ServerProcess.call(bases[1], "GET", records, legal, "legal-aid", null);
        assertThat(after.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(after.body()).get("error").asText()).isEqualTo("consent-withdrawn");

        for (String base : bases) {
            var history = JSON.readTree(ServerProcess.call(base, "GET", "/api/v1/me?lang=en", session, null, null).body()).get("accessHistory");
            List<String> legalReads = new ArrayList<>();
            history.forEach(e -> {
                if ("legal-aid".equals(e.path("organisation").path("id").asText()) && "read".equals(e.path("action").asText())) {
                    legalReads.add(e.get("permitted").asBoolean() ? "permitted" : e.path("reason").asText());
                }
            });
            assertThat(legalReads).as("legal aid's reads, as the person sees them through " + base)
                .containsExactlyInAnyOrder("permitted", "permitted", "consent-withdrawn");
        }
        // A court postpones telling the person of an authority's request: registered through one server, it holds on the other.
        String dpo = JSON.readTree(ServerProcess.call(bases[0], "POST", "/api/v1/auth/token", null, null,
            "{\"username\":\"city.dpo\",\"password\":\"" + DemoData.PASSWORD + "\"}").body()).get("token").asText();
        String request = JSON.readTree(ServerProcess.call(bases[0], "POST", "/api/v1/authority-requests", dpo, null, "{\"body\":\"Requesting office\","
            + "\"bodyType\":\"court\",\"legalReference\":\"Az. 12-345\",\"purpose\":\"social-assistance\",\"categories\":[\"identity\"],"
            + "\"letterLanguage\":\"en\"}").body()).get("id").asText();
        assertThat(ServerProcess.call(bases[0], "POST", "/api/v1/authority-requests/" + request + "/postponement", dpo, null,
            "{\"until\":\"" + java.time.LocalDate.now().plusDays(40) + "\",\"reason\":\"Amtsgericht, 3 Gs 45/26\"}").statusCode()).isEqualTo(200);
        assertThat(ServerProcess.call(bases[0], "POST", "/api/v1/authority-requests/" + request + "/persons", dpo, null,
            "{\"personId\":\"" + person + "\"}").statusCode()).isIn(200, 201);
        for (String base : bases) {
            List<String> steps = new ArrayList<>();
            JSON.readTree(ServerProcess.call(base, "GET", "/api/v1/me?lang=en", session, null, null).body()).get("accessHistory")
                .forEach(e -> steps.add(e.path("action").asText()));
            assertThat(steps).as("the person's history through " + base).isNotEmpty().noneMatch(a -> a.startsWith("authority-"));
        }
        assertThat(ServerProcess.call(bases[1], "POST", "/api/v1/me/sign-out", session, null, null).statusCode()).isEqualTo(204);
        assertThat(ServerProcess.call(bases[0], "GET", "/api/v1/me", session, null, null).statusCode()).isEqualTo(401);
    }
}
