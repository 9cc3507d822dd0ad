package eu.haven.app;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;

/** For tests that start Haven in a process of its own: a free port, waiting for it to answer, and plain calls to it. */
final class ServerProcess {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ServerProcess() {}

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Waits (at most a minute) until {@code /health} answers 200. */
    static void awaitHealth(String base) throws Exception {
        for (int i = 0; i < 600; i++) {
            try {
                if (call(base, "GET", "/health", null, null, null).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("the server did not start");
    }

    static HttpResponse<String> call(String base, String method, String path, String token, String purpose, String body)
        throws IOException, InterruptedException {
        return CLIENT.send(TestServer.request(base, method, path, token, purpose, body), HttpResponse.BodyHandlers.ofString());
    }
}
