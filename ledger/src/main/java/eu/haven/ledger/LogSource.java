package eu.haven.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Where a verifier reads a log's files ({@code checkpoint}, {@code tile/...}): a web server or a directory. */
@FunctionalInterface
public interface LogSource {

    /** The file at {@code path} (relative, e.g. {@code tile/0/000}), or empty if there is none. */
    Optional<byte[]> fetch(String path) throws IOException;

    /** A log published under {@code base}, e.g. {@code https://haven.example-city.eu/ledger}. */
    static LogSource http(String base) {
        String prefix = base.endsWith("/") ? base : base + "/";
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL).build();
        return path -> {
            HttpRequest req = HttpRequest.newBuilder(URI.create(prefix + path)).timeout(Duration.ofSeconds(30)).GET().build();
            try {
                HttpResponse<byte[]> res = client.send(req, HttpResponse.BodyHandlers.ofByteArray());
                if (res.statusCode() == 404) {
                    return Optional.empty();
                }
                if (res.statusCode() != 200) {
                    throw new IOException(prefix + path + " answered HTTP " + res.statusCode());
                }
                return Optional.of(res.body());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        };
    }

    /** A log exported to a directory, laid out as on the web server. */
    static LogSource directory(Path dir) {
        return path -> {
            Path file = dir.resolve(path).normalize();
            if (!file.startsWith(dir.normalize())) {
                throw new UncheckedIOException(new IOException("path escapes the directory"));
            }
            return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
        };
    }
}
