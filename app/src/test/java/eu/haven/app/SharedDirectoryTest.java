package eu.haven.app;

import static org.assertj.core.api.Assertions.assertThat;

import eu.haven.navigator.directory.NavigatorService;
import eu.haven.store.Database;
import eu.haven.store.DatabaseConfig;
import eu.haven.store.JdbcDirectoryRepository;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** Two servers' navigators on one PostgreSQL database: an import through one is read by the other once it looks. */
@EnabledIfEnvironmentVariable(named = "HAVEN_TEST_POSTGRES", matches = "jdbc:postgresql:.+")
class SharedDirectoryTest {
    @Test
    void the_other_server_reads_the_directory_again_when_it_changed() {
        String schema = "shared_directory_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        DatabaseConfig pg = new DatabaseConfig(System.getenv("HAVEN_TEST_POSTGRES"),
            System.getenv().getOrDefault("HAVEN_TEST_POSTGRES_USER", "postgres"),
            System.getenv().getOrDefault("HAVEN_TEST_POSTGRES_PASSWORD", ""), Optional.of(schema));
        try (Database one = Database.open(pg); Database two = Database.open(pg)) {
            try {
                NavigatorService first = new NavigatorService(new JdbcDirectoryRepository(one), Clock.systemUTC(), ZoneId.of("Europe/Berlin"));
                NavigatorService second = new NavigatorService(new JdbcDirectoryRepository(two), Clock.systemUTC(), ZoneId.of("Europe/Berlin"));
                assertThat(second.reloadIfChanged()).as("nothing changed yet").isFalse();
                DemoData.directory(first);
                assertThat(first.directory().services()).hasSize(40);
                assertThat(second.directory().services()).isEmpty();
                assertThat(second.reloadIfChanged()).isTrue();
                assertThat(second.directory().services()).hasSize(40);
                assertThat(second.reloadIfChanged()).as("read already").isFalse();
                assertThat(first.reloadIfChanged()).as("its own import").isFalse();
            } finally {
                one.with(h -> h.execute("DROP SCHEMA " + schema + " CASCADE"));
            }
        }
    }
}
