package eu.haven.app;

import eu.haven.core.consent.Guardianship;
import eu.haven.core.rights.PersonSessions;
import eu.haven.store.DatabaseConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Everything an installation is configured with. On the command line each value comes from the
 * option, else the environment variable ({@code HAVEN_PORT}, ...), else the configuration file,
 * else the default (docs/CONFIGURATION.md).
 */
public record HavenConfig(String bind, int port, int connectionsPerAddress, Optional<String> metricsToken, Optional<String> publicUrl, Path dataDir, DatabaseConfig database, Optional<Path> frameworkFile,
                          Path masterKeyFile, Path keyStoreDir, Duration tokenLifetime, Clock clock, LedgerConfig ledger,
                          PeopleConfig people, eu.haven.core.alert.WatchSettings alerts) {

    public static final String DEFAULT_ORIGIN = "haven.localhost/access";
    public static final int DEFAULT_CONNECTIONS_PER_ADDRESS = 64;

    /**
     * The access ledger's origin (its public name, e.g. {@code haven.example-city.eu/access}) as
     * configured, its signing key file (out of the database; the origin is kept with the key when
     * the key is made, {@link #DEFAULT_ORIGIN} if none is configured) and how often a new checkpoint
     * may be signed.
     */
    public record LedgerConfig(Optional<String> origin, Path keyFile, Duration checkpointInterval, java.util.List<String> witnesses,
                               Duration witnessRefresh) {
        /** How long a witness's cosignature of an unchanged checkpoint stands before it is asked to cosign again (as tessera does). */
        public static final Duration DEFAULT_WITNESS_REFRESH = Duration.ofMinutes(10);

        /** Without witnesses. */
        public LedgerConfig(Optional<String> origin, Path keyFile, Duration checkpointInterval) {
            this(origin, keyFile, checkpointInterval, java.util.List.of());
        }

        public LedgerConfig(Optional<String> origin, Path keyFile, Duration checkpointInterval, java.util.List<String> witnesses) {
            this(origin, keyFile, checkpointInterval, witnesses, DEFAULT_WITNESS_REFRESH);
        }

        /** The copy of the latest signed checkpoint, kept beside the signing key. */
        public Path checkpointCopy() {
            return keyFile.resolveSibling("ledger-checkpoint");
        }

        /** The log's keys with the tree sizes each signed, written when the key is rotated; without it, the signing key alone. */
        public Path trustedKeys() {
            return keyFile.resolveSibling("ledger-trusted-keys");
        }

        /** The checkpoint of the last whole audit that passed, kept beside the signing key: start-up audits what came after. */
        public Path auditedCopy() {
            return keyFile.resolveSibling("ledger-audited");
        }
    }

    /**
     * What concerns people themselves: below which age consent comes from a guardian, how often the
     * retention job runs, how sign-ins with access codes are throttled, and which reverse proxies
     * may say where a request comes from (X-Forwarded-For), so that throttling counts per client.
     */
    public record PeopleConfig(int guardianAge, Duration retentionInterval, PersonSessions.Settings sessions,
                               java.util.Set<String> trustedProxies) {
        public static PeopleConfig defaults() {
            return new PeopleConfig(Guardianship.DEFAULT_AGE, Duration.ofHours(24), PersonSessions.Settings.defaults(),
                java.util.Set.of());
        }
    }

    /** An installation in {@code dataDir} with everything at its default: embedded database, keys in the folder, any free port. */
    public static HavenConfig embedded(Path dataDir) {
        return of(0, dataDir, Optional.empty(), "", "", Optional.empty(), Optional.empty(), Optional.empty());
    }

    public static HavenConfig of(int port, Path dataDir, Optional<String> dbUrl, String dbUser, String dbPassword,
                                 Optional<Path> frameworkFile, Optional<Path> masterKeyFile, Optional<Path> keyDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        DatabaseConfig db = dbUrl.filter(u -> !u.isBlank())
            .map(u -> new DatabaseConfig(u, dbUser, dbPassword, Optional.empty()))
            .orElseGet(() -> DatabaseConfig.h2File(dir));
        return new HavenConfig("127.0.0.1", port, DEFAULT_CONNECTIONS_PER_ADDRESS, Optional.empty(), Optional.empty(), dir, db, frameworkFile,
            masterKeyFile.orElse(dir.resolve("keys").resolve("master.key")),
            keyDir.orElse(dir.resolve("keys").resolve("persons")), Duration.ofHours(8), Clock.systemUTC(),
            new LedgerConfig(Optional.empty(), dir.resolve("keys").resolve("ledger.key"), Duration.ofSeconds(1)),
            PeopleConfig.defaults(), eu.haven.core.alert.WatchSettings.defaults(java.time.ZoneId.systemDefault()));
    }

    /** The address to listen on: 127.0.0.1 (this machine only, the default), 0.0.0.0 (every interface), or one address. */
    public HavenConfig withBind(String address) {
        return new HavenConfig(address, port, connectionsPerAddress, metricsToken, publicUrl, dataDir, database, frameworkFile, masterKeyFile, keyStoreDir, tokenLifetime, clock, ledger, people, alerts);
    }

    /** The address people reach Haven at, e.g. https://haven.example-city.eu: printed on receipts; https turns on HSTS. */
    public HavenConfig withPublicUrl(Optional<String> url) {
        return new HavenConfig(bind, port, connectionsPerAddress, metricsToken, url, dataDir, database, frameworkFile, masterKeyFile, keyStoreDir, tokenLifetime, clock, ledger, people, alerts);
    }

    /** Open connections one client address may hold (trusted proxies are not limited). */
    public HavenConfig withConnectionsPerAddress(int limit) {
        return new HavenConfig(bind, port, limit, metricsToken, publicUrl, dataDir, database, frameworkFile, masterKeyFile, keyStoreDir, tokenLifetime, clock, ledger, people, alerts);
    }

    /** The token a Prometheus scraper sends to read {@code /metrics}; without one, {@code /metrics} is not served. */
    public HavenConfig withMetricsToken(Optional<String> token) {
        return new HavenConfig(bind, port, connectionsPerAddress, token, publicUrl, dataDir, database, frameworkFile, masterKeyFile, keyStoreDir,
            tokenLifetime, clock, ledger, people, alerts);
    }

    public HavenConfig withTokenLifetime(Duration lifetime) {
        return new HavenConfig(bind, port, connectionsPerAddress, metricsToken, publicUrl, dataDir, database, frameworkFile, masterKeyFile, keyStoreDir, lifetime, clock, ledger, people, alerts);
    }

    public HavenConfig withDatabase(DatabaseConfig d) {
        return new HavenConfig(bind, port, connectionsPerAddress, metricsToken, publicUrl, dataDir, d, frameworkFile, masterKeyFile, keyStoreDir, tokenLifetime, clock, ledger, people, alerts);
    }

    public HavenConfig withLedger(LedgerConfig l) {
        return new HavenConfig(bind, port, connectionsPerAddress, metricsToken, publicUrl, dataDir, database, frameworkFile, masterKeyFile, keyStoreDir, tokenLifetime, clock, l, people, alerts);
    }

    public HavenConfig withPeople(PeopleConfig p) {
        return new HavenConfig(bind, port, connectionsPerAddress, metricsToken, publicUrl, dataDir, database, frameworkFile, masterKeyFile, keyStoreDir, tokenLifetime, clock, ledger, p, alerts);
    }

    /** The access watch's thresholds (the data protection officer's alerts). */
    public HavenConfig withAlerts(eu.haven.core.alert.WatchSettings a) {
        return new HavenConfig(bind, port, connectionsPerAddress, metricsToken, publicUrl, dataDir, database, frameworkFile, masterKeyFile, keyStoreDir, tokenLifetime, clock, ledger, people, a);
    }

    public HavenConfig withClock(Clock c) {
        return new HavenConfig(bind, port, connectionsPerAddress, metricsToken, publicUrl, dataDir, database, frameworkFile, masterKeyFile, keyStoreDir, tokenLifetime, c, ledger, people, alerts);
    }

    /** Names no secret: the database's password and the metrics token are only said to be set. */
    @Override
    public String toString() {
        return "HavenConfig[bind=" + bind + ", port=" + port + ", publicUrl=" + publicUrl.orElse("(none)") + ", dataDir=" + dataDir
            + ", database=" + database + ", masterKeyFile=" + masterKeyFile + ", keyStoreDir=" + keyStoreDir
            + ", metricsToken=" + (metricsToken.isPresent() ? "(set)" : "(none)") + ", ledger=" + ledger + "]";
    }
}
