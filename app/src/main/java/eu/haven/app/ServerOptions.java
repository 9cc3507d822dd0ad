package eu.haven.app;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Options shared by every command that opens an installation. */
public final class ServerOptions {
    @Option(names = "--port", defaultValue = "${env:HAVEN_PORT:-8080}", description = "HTTP port (HAVEN_PORT; default 8080).")
    int port;

    @Option(names = "--bind", defaultValue = "${env:HAVEN_BIND}",
        description = "Address to listen on (HAVEN_BIND): 127.0.0.1 for this machine only, 0.0.0.0 for every interface; "
            + "default 0.0.0.0 for serve, 127.0.0.1 for demo.")
    Optional<String> bind;

    @Option(names = "--public-url", defaultValue = "${env:HAVEN_PUBLIC_URL}",
        description = "The address people reach Haven at, e.g. https://haven.example-city.eu (HAVEN_PUBLIC_URL): printed on "
            + "access-code receipts; https also sends HSTS. Default: http://localhost:<port>/.")
    Optional<String> publicUrl;

    @Option(names = "--data-dir", description = "Data directory (HAVEN_DATA_DIR; default ./data, ./data/demo for demo).")
    Optional<Path> dataDir;

    @Option(names = "--db-url", defaultValue = "${env:HAVEN_DB_URL}", description = "JDBC URL of a PostgreSQL database (HAVEN_DB_URL); default: embedded H2 in the data directory.")
    Optional<String> dbUrl;

    @Option(names = "--db-user", defaultValue = "${env:HAVEN_DB_USER:-haven}", description = "Database user (HAVEN_DB_USER).")
    String dbUser;

    @Option(names = "--db-password", defaultValue = "${env:HAVEN_DB_PASSWORD:-}", description = "Database password (HAVEN_DB_PASSWORD).")
    String dbPassword;

    @Option(names = "--framework", defaultValue = "${env:HAVEN_FRAMEWORK}", description = "The city's data-sharing framework file, YAML or JSON (HAVEN_FRAMEWORK); default: the demo city's.")
    Optional<Path> framework;

    @Option(names = "--master-key", defaultValue = "${env:HAVEN_MASTER_KEY_FILE}", description = "Master key file (HAVEN_MASTER_KEY_FILE); default <data-dir>/keys/master.key, created on first start.")
    Optional<Path> masterKey;

    @Option(names = "--key-dir", defaultValue = "${env:HAVEN_KEY_DIR}", description = "Folder of person data keys (HAVEN_KEY_DIR); default <data-dir>/keys/persons.")
    Optional<Path> keyDir;

    @Option(names = "--ledger-origin", defaultValue = "${env:HAVEN_LEDGER_ORIGIN}",
        description = "The access ledger's public name, e.g. haven.example-city.eu/access (HAVEN_LEDGER_ORIGIN). Fixed when the "
            + "ledger key is made (default " + HavenConfig.DEFAULT_ORIGIN + "; a demo gets a name of its own) and kept with it.")
    Optional<String> ledgerOrigin;

    @Option(names = "--ledger-key", defaultValue = "${env:HAVEN_LEDGER_KEY_FILE}", description = "Ledger signing key file (HAVEN_LEDGER_KEY_FILE); default <data-dir>/keys/ledger.key, created on first start.")
    Optional<Path> ledgerKey;

    @Option(names = "--checkpoint-interval", defaultValue = "${env:HAVEN_CHECKPOINT_INTERVAL:-PT1S}",
        description = "Shortest time between two signed ledger checkpoints, ISO 8601 (HAVEN_CHECKPOINT_INTERVAL; default PT1S).")
    java.time.Duration checkpointInterval;

    @Option(names = "--guardian-age", defaultValue = "${env:HAVEN_GUARDIAN_AGE:-16}",
        description = "Below this age consent is given by a guardian (HAVEN_GUARDIAN_AGE; default 16).")
    int guardianAge;

    @Option(names = "--retention-interval", defaultValue = "${env:HAVEN_RETENTION_INTERVAL:-PT24H}",
        description = "How often the retention job ends expired records, ISO 8601 (HAVEN_RETENTION_INTERVAL; default PT24H).")
    java.time.Duration retentionInterval;

    @Option(names = "--trusted-proxy", split = ",", defaultValue = "${env:HAVEN_TRUSTED_PROXIES}",
        description = "Addresses of reverse proxies whose X-Forwarded-For is believed, comma-separated (HAVEN_TRUSTED_PROXIES); "
            + "without it, wrong access codes are counted per proxy.")
    java.util.List<String> trustedProxies;

    /** Says in one line, before anything is created, that the port is taken. */
    static void requireFreePort(String bind, int port) {
        if (port == 0) {
            return;
        }
        try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new java.net.InetSocketAddress(bind, port));
        } catch (java.io.IOException e) {
            throw new ConfigurationException("Port " + port + " on " + bind + " is already in use (is Haven already running?). "
                + "Stop the other program or choose another port with --port.");
        }
    }

    /** Where the server can be reached, as it listens: never "localhost" for a server open to every interface. */
    static String where(String bind, int port) {
        return switch (bind) {
            case "0.0.0.0", "::", "[::]" -> "listening on every network interface, port " + port + "; from this machine: http://localhost:" + port + "/";
            case "127.0.0.1", "localhost" -> "http://localhost:" + port + "/ (this machine only; --bind 0.0.0.0 to open it to the network)";
            default -> "http://" + (bind.contains(":") ? "[" + bind + "]" : bind) + ":" + port + "/";
        };
    }

    HavenConfig config(Path defaultDataDir, String defaultBind) {
        publicUrl.filter(u -> !u.isBlank() && !u.matches("https?://[^\\s/?#]+(/[^\\s?#]*)?")).ifPresent(u -> {
            throw new ConfigurationException("--public-url must be an http:// or https:// address such as https://haven.example-city.eu.");
        });
        return config(defaultDataDir).withBind(bind.filter(b -> !b.isBlank()).orElse(defaultBind))
            .withPublicUrl(publicUrl.filter(u -> !u.isBlank()));
    }

    HavenConfig config(Path defaultDataDir) {
        Path dir = dataDir.or(() -> Optional.ofNullable(System.getenv("HAVEN_DATA_DIR")).filter(s -> !s.isBlank()).map(Path::of))
            .orElse(defaultDataDir);
        HavenConfig c = HavenConfig.of(port, dir, dbUrl, dbUser, dbPassword, framework, masterKey, keyDir);
        return c.withLedger(new HavenConfig.LedgerConfig(ledgerOrigin.filter(o -> !o.isBlank()), ledgerKey.orElse(c.ledger().keyFile()), checkpointInterval))
            .withPeople(new HavenConfig.PeopleConfig(guardianAge, retentionInterval, c.people().sessions(),
                java.util.Set.copyOf(trustedProxies == null ? java.util.List.<String>of()
                    : trustedProxies.stream().map(String::trim).filter(t -> !t.isEmpty()).toList())));
    }
}
