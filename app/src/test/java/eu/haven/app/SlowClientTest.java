package eu.haven.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * 250 unauthenticated requests that trickle their bodies, a byte at a time, from one address:
 * the server must go on answering everyone else.
 */
class SlowClientTest {

    @Test
    void a_slow_body_flood_leaves_health_answering_within_a_second() throws Exception {
        try (TestServer server = new TestServer()) {
            List<Socket> slow = new ArrayList<>();
            ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
            try {
                for (int i = 0; i < 250; i++) {
                    Socket s = new Socket();
                    s.bind(new InetSocketAddress("127.0.0.2", 0));
                    try {
                        s.connect(new InetSocketAddress("127.0.0.1", server.haven.port()), 2000);
                        s.getOutputStream().write(("POST /api/v1/auth/token HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                            + "Content-Length: 100000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
                        slow.add(s);
                    } catch (java.io.IOException refused) {
                        s.close();
                    }
                }
                trickle.scheduleAtFixedRate(() -> {
                    for (Socket s : slow) {
                        try {
                            OutputStream out = s.getOutputStream();
                            out.write(' ');
                            out.flush();
                        } catch (java.io.IOException closed) {
                            // the server cut it off: what it should do
                        }
                    }
                }, 200, 200, TimeUnit.MILLISECONDS);
                Thread.sleep(1500);
                HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
                for (int i = 0; i < 10; i++) {
                    long start = System.nanoTime();
                    HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(server.base() + "/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                    long ms = (System.nanoTime() - start) / 1_000_000;
                    assertThat(health.statusCode()).isEqualTo(200);
                    assertThat(ms).as("/health took %d ms during the flood", ms).isLessThan(1000);
                    Thread.sleep(300);
                }
            } finally {
                trickle.shutdownNow();
                for (Socket s : slow) {
                    s.close();
                }
            }
        }
    }
}
