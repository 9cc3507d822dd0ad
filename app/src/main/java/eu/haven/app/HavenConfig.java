package eu.haven.app;

import eu.haven.store.DatabaseConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Everything an installation is configured with. Command-line options win over environment
 * variables ({@code HAVEN_PORT}, {@code HAVEN_DATA_DIR}, {@code HAVEN_DB_URL}, ...), which win
 * over the defaults.
 */
public record HavenConfig(int port, Path dataDir, DatabaseConfig database, Optional<Path> frameworkFile,
                          Path masterKeyFile, Path keyStoreDir, Duration tokenLifetime, Clock clock) {

    public static HavenConfig of(int port, Path dataDir, Optional<String> dbUrl, String dbUser, String dbPassword,
                                 Optional<Path> frameworkFile, Optional<Path> masterKeyFile, Optional<Path> keyDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        DatabaseConfig db = dbUrl.filter(u -> !u.isBlank())
            .map(u -> new DatabaseConfig(u, dbUser, dbPassword, Optional.empty()))
            .orElseGet(() -> DatabaseConfig.h2File(dir));
        return new HavenConfig(port, dir, db, frameworkFile,
            masterKeyFile.orElse(dir.resolve("keys").resolve("master.key")),
            keyDir.orElse(dir.resolve("keys").resolve("persons")), Duration.ofHours(8), Clock.systemUTC());
    }

    public HavenConfig withDatabase(DatabaseConfig d) {
        return new HavenConfig(port, dataDir, d, frameworkFile, masterKeyFile, keyStoreDir, tokenLifetime, clock);
    }
}
