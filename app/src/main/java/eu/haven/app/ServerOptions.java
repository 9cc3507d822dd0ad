package eu.haven.app;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Options shared by every command that opens an installation. */
public final class ServerOptions {
    @Option(names = "--port", defaultValue = "${env:HAVEN_PORT:-8080}", description = "HTTP port (HAVEN_PORT; default 8080).")
    int port;

    @Option(names = "--config", description = "A configuration file of HAVEN_...=value lines (HAVEN_CONFIG); options and "
        + "environment variables win over it.")
    Optional<Path> config;

    @Option(names = "--staff-token-lifetime", defaultValue = "${env:HAVEN_STAFF_TOKEN_LIFETIME:-PT8H}",
        description = "How long a staff sign-in lasts, ISO 8601 (HAVEN_STAFF_TOKEN_LIFETIME; default PT8H).")
    java.time.Duration staffTokenLifetime;

    @Option(names = "--person-session-lifetime", defaultValue = "${env:HAVEN_PERSON_SESSION_LIFETIME:-PT30M}",
        description = "How long a person's sign-in with their access code lasts (HAVEN_PERSON_SESSION_LIFETIME; default PT30M).")
    java.time.Duration personSessionLifetime;

    @Option(names = "--activation-window", defaultValue = "${env:HAVEN_ACTIVATION_WINDOW:-P7D}",
        description = "How long a new access code may wait to be activated (HAVEN_ACTIVATION_WINDOW; default P7D).")
    java.time.Duration activationWindow;

    @Option(names = "--bind", defaultValue = "${env:HAVEN_BIND}",
        description = "Address to listen on (HAVEN_BIND): 127.0.0.1 for this machine only, 0.0.0.0 for every interface; "
            + "default 0.0.0.0 for serve, 127.0.0.1 for demo.")
    Optional<String> bind;

    @Option(names = "--connections-per-address", defaultValue = "${env:HAVEN_CONNECTIONS_PER_ADDRESS:-64}",
        description = "Open connections one client address may hold; trusted proxies are not limited "
            + "(HAVEN_CONNECTIONS_PER_ADDRESS; default 64).")
    int connectionsPerAddress;

    @Option(names = "--metrics-token", defaultValue = "${env:HAVEN_METRICS_TOKEN}",
        description = "A secret of at least 20 characters that a Prometheus scraper sends as a bearer token to read /metrics "
            + "(HAVEN_METRICS_TOKEN); without it /metrics is not served.")
    Optional<String> metricsToken;

    @Option(names = "--public-url", defaultValue = "${env:HAVEN_PUBLIC_URL}",
        description = "The address people reach Haven at, e.g. https://haven.example-city.eu (HAVEN_PUBLIC_URL): printed on "
            + "access-code receipts; https also sends HSTS. Default: http://localhost:<port>/.")
    Optional<String> publicUrl;

    @Option(names = "--data-dir", defaultValue = "${env:HAVEN_DATA_DIR}",
        description = "Data directory (HAVEN_DATA_DIR; default ./data, ./data/demo for demo).")
    Optional<Path> dataDir;

    @Option(names = "--db-url", defaultValue = "${env:HAVEN_DB_URL}", description = "JDBC URL of a PostgreSQL database (HAVEN_DB_URL); default: embedded H2 in the data directory.")
    Optional<String> dbUrl;

    @Option(names = "--db-user", defaultValue = "${env:HAVEN_DB_USER:-haven}", description = "Database user (HAVEN_DB_USER).")
    String dbUser;

    @Option(names = "--db-password", defaultValue = "${env:HAVEN_DB_PASSWORD:-}", description = "Database password (HAVEN_DB_PASSWORD).")
    String dbPassword;

    @Option(names = "--db-pool", defaultValue = "${env:HAVEN_DB_POOL:-16}",
        description = "Most database connections held at once (HAVEN_DB_POOL; default 16).")
    int dbPool;

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

    @Option(names = "--witness", split = ",", defaultValue = "${env:HAVEN_WITNESSES}",
        description = "A witness to cosign each checkpoint, as <url>=<vkey> (its 'haven witness' prints the vkey); repeat or "
            + "comma-separate for more (HAVEN_WITNESSES).")
    java.util.List<String> witnesses;

    @Option(names = "--witness-refresh", defaultValue = "${env:HAVEN_WITNESS_REFRESH:-PT10M}",
        description = "While nothing is appended, each witness is asked to cosign the unchanged checkpoint again this often, so that "
            + "its timestamp tells a quiet ledger from a frozen one; ISO 8601 (HAVEN_WITNESS_REFRESH; default PT10M).")
    java.time.Duration witnessRefresh;

    @Option(names = "--guardian-age", defaultValue = "${env:HAVEN_GUARDIAN_AGE:-16}",
        description = "Below this age consent is given by a guardian (HAVEN_GUARDIAN_AGE; default 16).")
    int guardianAge;

    @Option(names = "--retention-interval", defaultValue = "${env:HAVEN_RETENTION_INTERVAL:-PT24H}",
        description = "How often the retention job ends expired records, ISO 8601 (HAVEN_RETENTION_INTERVAL; default PT24H).")
    java.time.Duration retentionInterval;

    @Option(names = "--alert-unusual-people", defaultValue = "${env:HAVEN_ALERT_UNUSUAL_PEOPLE:-30}",
        description = "Alert when a member of staff opens more different people in a day than this, and than --alert-unusual-factor "
            + "times their usual (HAVEN_ALERT_UNUSUAL_PEOPLE; default 30).")
    int alertUnusualPeople;

    @Option(names = "--alert-unusual-factor", defaultValue = "${env:HAVEN_ALERT_UNUSUAL_FACTOR:-3}",
        description = "How many times their usual day (the average of their last 14 working days) is unusual (HAVEN_ALERT_UNUSUAL_FACTOR; default 3).")
    double alertUnusualFactor;

    @Option(names = "--office-hours", defaultValue = "${env:HAVEN_OFFICE_HOURS:-07:00-20:00}",
        description = "Office hours; an access outside them alerts the data protection officer (HAVEN_OFFICE_HOURS; default 07:00-20:00).")
    String officeHours;

    @Option(names = "--office-days", defaultValue = "${env:HAVEN_OFFICE_DAYS:-MON-SAT}",
        description = "Office days, a range such as MON-FRI (HAVEN_OFFICE_DAYS; default MON-SAT).")
    String officeDays;

    @Option(names = "--alert-refusals", defaultValue = "${env:HAVEN_ALERT_REFUSALS:-5}",
        description = "Alert when one member of staff is refused this many times within 10 minutes (HAVEN_ALERT_REFUSALS; default 5).")
    int alertRefusals;

    @Option(names = "--alert-firewall-burst", defaultValue = "${env:HAVEN_ALERT_FIREWALL_BURST:-3}",
        description = "Alert when the firewall refuses this many requests within 10 minutes (HAVEN_ALERT_FIREWALL_BURST; default 3).")
    int alertFirewallBurst;

    @Option(names = "--trusted-proxy", split = ",", defaultValue = "${env:HAVEN_TRUSTED_PROXIES}",
        description = "Addresses of reverse proxies whose X-Forwarded-For is believed, comma-separated (HAVEN_TRUSTED_PROXIES); "
            + "without it, wrong access codes are counted per proxy.")
    java.util.List<String> trustedProxies;

    private eu.haven.core.rights.PersonSessions.Settings sessions(eu.haven.core.rights.PersonSessions.Settings d) {
        if (personSessionLifetime.isNegative() || personSessionLifetime.isZero() || activationWindow.isNegative() || activationWindow.isZero()
            || staffTokenLifetime.isNegative() || staffTokenLifetime.isZero()) {
            throw new ConfigurationException("Lifetimes and windows must be positive durations such as PT30M or P7D.");
        }
        return new eu.haven.core.rights.PersonSessions.Settings(d.failures(), d.window(), personSessionLifetime, activationWindow,
            d.secretFailures());
    }

    private static Optional<String> metricsToken(Optional<String> given) {
        Optional<String> token = given.map(String::strip).filter(t -> !t.isEmpty());
        if (token.isPresent() && token.get().length() < 20) {
            throw new ConfigurationException("--metrics-token must be at least 20 characters long.");
        }
        return token;
    }

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
        if (connectionsPerAddress < 1) {
            throw new ConfigurationException("--connections-per-address must be at least 1.");
        }
        return config(defaultDataDir).withAlerts(watch()).withBind(bind.filter(b -> !b.isBlank()).orElse(defaultBind))
            .withConnectionsPerAddress(connectionsPerAddress)
            .withMetricsToken(metricsToken(metricsToken))
            .withPublicUrl(publicUrl.filter(u -> !u.isBlank()));
    }

    /** The access watch's thresholds, checked. */
    eu.haven.core.alert.WatchSettings watch() {
        java.util.regex.Matcher hours = java.util.regex.Pattern.compile("(\\d{2}:\\d{2})-(\\d{2}:\\d{2})").matcher(officeHours.strip());
        java.util.regex.Matcher days = java.util.regex.Pattern.compile("([A-Za-z]{3})-([A-Za-z]{3})").matcher(officeDays.strip());
        try {
            if (!hours.matches() || !days.matches()) {
                throw new IllegalArgumentException("format");
            }
            java.time.DayOfWeek first = day(days.group(1));
            java.time.DayOfWeek last = day(days.group(2));
            java.util.Set<java.time.DayOfWeek> office = java.util.EnumSet.noneOf(java.time.DayOfWeek.class);
            for (java.time.DayOfWeek d = first; ; d = d.plus(1)) {
                office.add(d);
                if (d == last) {
                    break;
                }
            }
            eu.haven.core.alert.WatchSettings d = eu.haven.core.alert.WatchSettings.defaults(java.time.ZoneId.systemDefault());
            return new eu.haven.core.alert.WatchSettings(alertUnusualPeople, alertUnusualFactor, d.baselineDays(),
                java.time.LocalTime.parse(hours.group(1)), java.time.LocalTime.parse(hours.group(2)), office, alertRefusals, d.refusalWindow(),
                alertFirewallBurst, d.firewallWindow(), d.zone());
        } catch (RuntimeException e) {
            throw new ConfigurationException("The alert settings are out of range: --office-hours is like 07:00-20:00, --office-days like "
                + "MON-FRI, --alert-unusual-people at least 1, --alert-unusual-factor at least 1, --alert-refusals at least 2, "
                + "--alert-firewall-burst at least 1.");
        }
    }

    private static java.time.DayOfWeek day(String abbreviation) {
        return java.util.Arrays.stream(java.time.DayOfWeek.values())
            .filter(d -> d.name().startsWith(abbreviation.toUpperCase(java.util.Locale.ROOT))).findFirst().orElseThrow();
    }

    HavenConfig config(Path defaultDataDir) {
        Path dir = dataDir.filter(d -> !d.toString().isBlank()).orElse(defaultDataDir);
        if (witnessRefresh.compareTo(java.time.Duration.ofSeconds(1)) < 0) {
            throw new ConfigurationException("--witness-refresh must be at least PT1S.");
        }
        if (dbPool < 2 || dbPool > 1000) {
            throw new ConfigurationException("--db-pool must be between 2 and 1000.");
        }
        HavenConfig base = HavenConfig.of(port, dir, dbUrl, dbUser, dbPassword, framework, masterKey, keyDir);
        HavenConfig c = base.withDatabase(base.database().withPoolSize(dbPool));
        return c.withLedger(new HavenConfig.LedgerConfig(ledgerOrigin.filter(o -> !o.isBlank()), ledgerKey.orElse(c.ledger().keyFile()), checkpointInterval,
                witnesses == null ? java.util.List.of() : witnesses.stream().map(String::strip).filter(w -> !w.isEmpty()).toList(),
                witnessRefresh))
            .withTokenLifetime(staffTokenLifetime)
            .withPeople(new HavenConfig.PeopleConfig(guardianAge, retentionInterval, sessions(c.people().sessions()),
                java.util.Set.copyOf(trustedProxies == null ? java.util.List.<String>of()
                    : trustedProxies.stream().map(String::trim).filter(t -> !t.isEmpty()).toList())));
    }
}
