package eu.haven.app;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * Run in its own JVM with a small heap: sixty simultaneous wrong access codes and sixty wrong
 * passwords, each from its own address, so that no throttle stops them before the Argon2id work.
 * Prints the statuses it got; exits 1 if the server could not be reached.
 */
final class ArgonBurst {
    private ArgonBurst() {}

    public static void main(String[] args) {
        HttpClient client = HttpClient.newHttpClient();
        Map<String, Integer> statuses = new TreeMap<>();
        try (TestServer server = SignInAbuseTest.behindProxy()) {
            List<CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                String from = "10.1." + (i / 200) + "." + (i % 200 + 1);
                all.add(client.sendAsync(SignInAbuseTest.post(server.base(), "/api/v1/me/session",
                    "{\"accessCode\":\"2222-2222-2222-2222-2222-" + String.format("%04d", i) + "\",\"secret\":\"2468\"}", from),
                    HttpResponse.BodyHandlers.ofString()));
                all.add(client.sendAsync(SignInAbuseTest.post(server.base(), "/api/v1/auth/token",
                    "{\"username\":\"shelter.worker\",\"password\":\"guess-" + i + "\"}", "10.2.0." + (i + 1)), HttpResponse.BodyHandlers.ofString()));
            }
            for (CompletableFuture<HttpResponse<String>> f : all) {
                try {
                    HttpResponse<String> r = f.join();
                    String key = Integer.toString(r.statusCode());
                    if (r.statusCode() == 503 && r.headers().firstValue("Retry-After").isEmpty()) {
                        key = "503-without-retry-after";
                    }
                    statuses.merge(key, 1, Integer::sum);
                } catch (RuntimeException e) {
                    statuses.merge("error", 1, Integer::sum);
                }
            }
        }
        System.out.println("statuses " + statuses);
        System.exit(statuses.isEmpty() ? 1 : 0);
    }
}
