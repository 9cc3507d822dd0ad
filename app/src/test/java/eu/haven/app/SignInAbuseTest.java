package eu.haven.app;

import static org.assertj.core.api.Assertions.assertThat;

import eu.haven.core.rights.PersonSessions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sign-in abuse as an attacker would try it: locking a caseworker out from elsewhere, spraying
 * usernames, parallel guesses that all slip past a throttle counted too late, and a burst of
 * Argon2id work against a small heap.
 */
class SignInAbuseTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private TestServer server;

    /** A server behind a "proxy" on the loopback address, so each test request can say where it comes from. */
    static TestServer behindProxy() {
        return new TestServer(TestServer.inMemory().withPeople(new HavenConfig.PeopleConfig(16, Duration.ofHours(24),
            PersonSessions.Settings.defaults(), Set.of("127.0.0.1", "0:0:0:0:0:0:0:1"))), UnaryOperator.identity());
    }

    @BeforeEach
    void start() {
        server = behindProxy();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static HttpRequest post(String base, String path, String body, String from) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
            .header("X-Forwarded-For", from).timeout(Duration.ofSeconds(60))
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    }

    private HttpResponse<String> signIn(String user, String password, String from) throws Exception {
        return CLIENT.send(post(server.base(), "/api/v1/auth/token", "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}", from),
            HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void wrong_passwords_from_one_address_do_not_lock_the_caseworker_out_from_another() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        long lastWait = 0;
        for (int i = 0; i < 8; i++) {
            HttpResponse<String> r = signIn("shelter.worker", "guess-" + i, "203.0.113.7");
            statuses.add(r.statusCode());
            if (r.statusCode() == 429) {
                long wait = Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow());
                assertThat(wait).isPositive();
                assertThat(r.body()).contains("\"error\":\"rate-limited\"");
                lastWait = wait;
                Thread.sleep(wait * 1000);
            }
        }
        assertThat(statuses.subList(0, 5)).containsOnly(401);
        assertThat(statuses).contains(429);
        assertThat(lastWait).as("the waits grow").isGreaterThanOrEqualTo(2);
        assertThat(signIn("shelter.worker", DemoData.PASSWORD, "198.51.100.2").statusCode()).as("from the office").isEqualTo(200);
        assertThat(signIn("shelter.worker", "one-more-guess", "203.0.113.7").statusCode()).isEqualTo(401);
        assertThat(signIn("shelter.worker", DemoData.PASSWORD, "203.0.113.7").statusCode())
            .as("the guesser's address waits again, even with the right password").isEqualTo(429);
    }

    @Test
    void usernames_that_do_not_exist_are_counted_against_the_address() throws Exception {
        Map<Integer, Integer> counts = new TreeMap<>();
        for (int i = 0; i < 55; i++) {
            counts.merge(signIn("nobody-" + i, "x", "192.0.2.9").statusCode(), 1, Integer::sum);
        }
        assertThat(counts).containsEntry(401, 50).containsEntry(429, 5);
    }

    @Test
    void fifty_parallel_wrong_codes_from_one_address_are_counted_before_the_work() {
        List<CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            all.add(CLIENT.sendAsync(post(server.base(), "/api/v1/me/session",
                "{\"accessCode\":\"2222-2222-2222-2222-2222-" + String.format("%04d", i) + "\",\"secret\":\"2468\"}", "203.0.113.50"),
                HttpResponse.BodyHandlers.ofString()));
        }
        Map<Integer, Integer> counts = new TreeMap<>();
        all.forEach(f -> counts.merge(f.join().statusCode(), 1, Integer::sum));
        assertThat(counts).as("the first five are checked, every other one waits").containsEntry(401, 5).containsEntry(429, 45);
        assertThat(all).allSatisfy(f -> {
            if (f.join().statusCode() == 429) {
                assertThat(f.join().headers().firstValue("Retry-After")).isPresent();
            }
        });
    }

    @Test
    void a_burst_of_sign_ins_on_a_256_mb_heap_gives_no_500() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"), ArgonBurst.class.getName())
            .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
        String statuses = out.lines().filter(l -> l.startsWith("statuses ")).findFirst().orElseThrow(() -> new AssertionError(out));
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(statuses).as(out).doesNotContain("500").doesNotContain("error");
        assertThat(out).doesNotContain("OutOfMemoryError");
        System.out.println("256 MB burst: " + statuses);
    }
}
