package eu.haven.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.haven.app.DemoData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The HTTP calls the benchmarks make to set a server up: JSON in, JSON out, anything but 2xx fails. */
final class BenchClient {
    static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;

    BenchClient(String base) {
        this.base = base;
    }

    /** A demo caseworker's bearer token. */
    String login(String username) throws Exception {
        return post("/api/v1/auth/token", null, null,
            "{\"username\":\"" + username + "\",\"password\":\"" + DemoData.PASSWORD + "\"}").get("token").asText();
    }

    JsonNode post(String path, String token, String purpose, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (purpose != null) {
            b.header("Purpose", purpose);
        }
        return JSON.readTree(check(client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)), path).body());
    }

    HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
            .timeout(Duration.ofSeconds(30)).GET().build();
        return check(client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)), path);
    }

    private static HttpResponse<String> check(HttpResponse<String> r, String path) {
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException("HTTP " + r.statusCode() + " on " + path.replaceAll("[0-9a-f-]{36}", "{id}"));
        }
        return r;
    }
}
