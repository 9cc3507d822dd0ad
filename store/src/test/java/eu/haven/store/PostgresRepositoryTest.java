package eu.haven.store;

import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The same suite on PostgreSQL, in a schema of its own that is dropped afterwards. Runs when
 * HAVEN_TEST_POSTGRES holds a JDBC URL (the CI script sets it for the local server).
 */
@EnabledIfEnvironmentVariable(named = "HAVEN_TEST_POSTGRES", matches = "jdbc:postgresql:.+")
class PostgresRepositoryTest extends RepositoryContract {
    private String schema;

    @Override
    protected DatabaseConfig config() {
        schema = "haven_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return new DatabaseConfig(System.getenv("HAVEN_TEST_POSTGRES"), System.getenv().getOrDefault("HAVEN_TEST_POSTGRES_USER", "postgres"),
            System.getenv().getOrDefault("HAVEN_TEST_POSTGRES_PASSWORD", ""), Optional.of(schema));
    }

    @AfterEach
    void dropSchema() {
        try (Database cleanup = Database.open(new DatabaseConfig(System.getenv("HAVEN_TEST_POSTGRES"),
            System.getenv().getOrDefault("HAVEN_TEST_POSTGRES_USER", "postgres"),
            System.getenv().getOrDefault("HAVEN_TEST_POSTGRES_PASSWORD", ""), Optional.of(schema)))) {
            cleanup.with(h -> h.execute("DROP SCHEMA " + schema + " CASCADE"));
        }
    }
}
