package eu.haven.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.haven.core.audit.LedgerStore;
import eu.haven.store.DatabaseConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** A Haven on a free port with an in-memory database, the demo organisations and staff. */
final class TestServer implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    final Haven haven;
    final Path dir;
    private final HttpClient client = HttpClient.newHttpClient();

    TestServer() {
        this(UnaryOperator.identity());
    }

    TestServer(UnaryOperator<LedgerStore> storeDecorator) {
        this(inMemory(), storeDecorator);
    }

    /** A server on the given installation (seeded with the demo staff if they are missing). */
    TestServer(HavenConfig config, UnaryOperator<LedgerStore> storeDecorator) {
        dir = config.dataDir();
        haven = new Haven(config, storeDecorator);
        DemoData.seed(haven.staffAdmin());
        haven.start();
    }

    static HavenConfig inMemory() {
        try {
            Path dir = Files.createTempDirectory("haven-test");
            return HavenConfig.embedded(dir)
                .withDatabase(DatabaseConfig.h2Memory("t" + UUID.randomUUID()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Response(int status, JsonNode body, String raw) {
        String error() {
            return body.path("error").asText();
        }
    }

    /** The secret people choose in tests when they activate their access code. */
    static final String SECRET = "2468";
    private final java.util.Set<String> activated = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * A person signs in as a person would: the first time with the code alone, choosing the secret
     * (activation), afterwards with the code and the secret.
     */
    Response personSignIn(String code) {
        String key = eu.haven.core.person.AccessCodes.normalise(code).orElse(code);
        String body = "{\"accessCode\":\"" + code + "\",\"secret\":\"" + SECRET + "\"}";
        if (activated.contains(key)) {
            return send("POST", "/api/v1/me/session", null, null, body);
        }
        Response r = send("POST", "/api/v1/me/activate", null, null, body);
        if (r.status() == 201) {
            activated.add(key);
        }
        return r;
    }

    /** The person's session token (activating the code the first time). */
    String personToken(String code) {
        Response r = personSignIn(code);
        if (r.status() != 201) {
            throw new IllegalStateException("person sign-in failed: " + r.raw());
        }
        return r.body().get("token").asText();
    }

    String login(String username) {
        Response r = send("POST", "/api/v1/auth/token", null, null,
            "{\"username\":\"" + username + "\",\"password\":\"" + DemoData.PASSWORD + "\"}");
        if (r.status() != 200) {
            throw new IllegalStateException("login failed: " + r.raw());
        }
        return r.body().get("token").asText();
    }

    /** An API request as a client sends it: JSON body, bearer token and Purpose header when given. */
    static HttpRequest request(String base, String method, String path, String token, String purpose, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(java.time.Duration.ofSeconds(30))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (purpose != null) {
            b.header("Purpose", purpose);
        }
        return b.build();
    }

    Response send(String method, String path, String token, String purpose, String body) {
        try {
            HttpResponse<String> resp = client.send(request(base(), method, path, token, purpose, body), HttpResponse.BodyHandlers.ofString());
            JsonNode json;
            try {
                json = resp.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(resp.body());
            } catch (IOException e) {
                json = JSON.createObjectNode();
            }
            return new Response(resp.statusCode(), json, resp.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The raw bytes of a GET, or empty for any status but 200. */
    Optional<byte[]> bytes(String path) {
        try {
            HttpResponse<byte[]> resp = client.send(HttpRequest.newBuilder(URI.create(base() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
            return resp.statusCode() == 200 ? Optional.of(resp.body()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String base() {
        return "http://localhost:" + haven.port();
    }

    @Override
    public void close() {
        haven.close();
    }
}
