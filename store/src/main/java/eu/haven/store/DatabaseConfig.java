package eu.haven.store;

import java.nio.file.Path;
import java.util.Optional;

/** Where the database is. {@code schema} isolates an installation (or a test) inside one database. */
public record DatabaseConfig(String url, String user, String password, Optional<String> schema) {

    /** Never prints the password. */
    @Override
    public String toString() {
        return "DatabaseConfig[url=" + url + ", user=" + user + ", password=" + (password.isEmpty() ? "(none)" : "(set)")
            + ", schema=" + schema.orElse("(default)") + "]";
    }

    /** The embedded H2 file database in the data directory, in PostgreSQL mode, flushed on commit. */
    public static DatabaseConfig h2File(Path dataDir) {
        Path file = dataDir.resolve("db").resolve("haven").toAbsolutePath();
        return new DatabaseConfig("jdbc:h2:file:" + file + h2Options(), "haven", "", Optional.empty());
    }

    /** A private in-memory H2 database, for tests and benchmarks. */
    public static DatabaseConfig h2Memory(String name) {
        return new DatabaseConfig("jdbc:h2:mem:" + name + h2Options() + ";DB_CLOSE_DELAY=-1", "haven", "", Optional.empty());
    }

    private static String h2Options() {
        return ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";
    }
}
