package eu.haven.store;

import java.nio.file.Path;
import java.util.Optional;

/** Where the database is. {@code schema} isolates an installation (or a test) inside one database. */
public record DatabaseConfig(String url, String user, String password, Optional<String> schema, int poolSize) {
    public static final int DEFAULT_POOL = 16;

    public DatabaseConfig(String url, String user, String password, Optional<String> schema) {
        this(url, user, password, schema, DEFAULT_POOL);
    }

    /** How many connections the pool keeps at most. */
    public DatabaseConfig withPoolSize(int size) {
        if (size < 2 || size > 1000) {
            throw new IllegalArgumentException("the database pool needs 2 to 1000 connections");
        }
        return new DatabaseConfig(url, user, password, schema, size);
    }


    /** Never prints the password. */
    @Override
    public String toString() {
        return "DatabaseConfig[url=" + url + ", user=" + user + ", password=" + (password.isEmpty() ? "(none)" : "(set)")
            + ", schema=" + schema.orElse("(default)") + ", poolSize=" + poolSize + "]";
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
        return ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;QUERY_CACHE_SIZE=64";
    }
}
