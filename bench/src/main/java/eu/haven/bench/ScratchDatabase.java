package eu.haven.bench;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * A PostgreSQL database of its own for one benchmark run, on the server named by
 * {@code HAVEN_BENCH_POSTGRES} (default the local {@code test} database, user {@code postgres});
 * dropped on close.
 */
final class ScratchDatabase implements AutoCloseable {
    private final String adminUrl;
    private final String name;

    private ScratchDatabase(String adminUrl, String name) {
        this.adminUrl = adminUrl;
        this.name = name;
    }

    /** The server's admin URL, when it answers. */
    static Optional<String> server() {
        String url = Optional.ofNullable(System.getenv("HAVEN_BENCH_POSTGRES")).orElse("jdbc:postgresql://127.0.0.1:5432/test");
        try (var c = DriverManager.getConnection(url, user(), password())) {
            return Optional.of(url);
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    static ScratchDatabase create(String adminUrl, String prefix) throws SQLException {
        String name = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try (var c = DriverManager.getConnection(adminUrl, user(), password())) {
            c.createStatement().execute("CREATE DATABASE " + name);
        }
        return new ScratchDatabase(adminUrl, name);
    }

    String url() {
        return adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + name;
    }

    static String user() {
        return Optional.ofNullable(System.getenv("HAVEN_BENCH_POSTGRES_USER")).orElse("postgres");
    }

    static String password() {
        return System.getenv().getOrDefault("HAVEN_BENCH_POSTGRES_PASSWORD", "");
    }

    @Override
    public void close() throws SQLException {
        try (var c = DriverManager.getConnection(adminUrl, user(), password())) {
            c.createStatement().execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
