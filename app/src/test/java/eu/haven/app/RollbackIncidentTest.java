package eu.haven.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.haven.core.audit.LedgerIntegrityException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database restored from a backup holds a shorter ledger than the server last signed: the server refuses to start
 * until the operator accepts the rollback, which keeps the evidence and records the acceptance in the ledger.
 */
class RollbackIncidentTest {
    private static void copy(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path f : files.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    @Test
    void a_restored_database_stops_the_start_until_the_rollback_is_accepted_and_recorded(@TempDir Path tmp) throws Exception {
        HavenConfig config = HavenConfig.embedded(tmp.resolve("data"));
        try (Haven haven = new Haven(config)) {
            DemoData.seed(haven.staffAdmin());
            haven.ledger().checkpoint();
        }
        Path backup = tmp.resolve("backup");
        copy(tmp.resolve("data").resolve("db"), backup);
        try (Haven haven = new Haven(config)) {
            haven.staffAdmin().createOrganisation(Optional.empty(), "later-org", "Later", "shelter");
            haven.ledger().checkpoint();
        }
        assertThat(Main.cli().execute("ledger", "accept-rollback", "--data-dir", tmp.resolve("data").toString(), "--reason", "none"))
            .as("nothing was rolled back yet").isEqualTo(LedgerCommand.NOTHING_TO_ACCEPT);
        copy(backup, tmp.resolve("data").resolve("db"));
        assertThatThrownBy(() -> new Haven(config)).isInstanceOf(LedgerIntegrityException.class).hasMessageContaining("rolled back");

        assertThat(Main.cli().execute("ledger", "accept-rollback", "--data-dir", tmp.resolve("data").toString(),
            "--reason", "Disk failure on " + UUID.randomUUID() + "; reported to the supervisory authority")).isZero();
        Path incidents = config.ledger().keyFile().resolveSibling("ledger-incidents");
        try (var files = Files.list(incidents)) {
            var kept = files.map(p -> p.getFileName().toString()).toList();
            assertThat(kept).anyMatch(n -> n.endsWith(".txt")).anyMatch(n -> n.endsWith(".ledger-checkpoint"));
        }
        try (var files = Files.list(incidents)) {
            String evidence = Files.readString(files.filter(p -> p.toString().endsWith(".txt")).findFirst().orElseThrow());
            assertThat(evidence).contains("Disk failure", "Last checkpoint the server signed", "-- last signed checkpoint --", "\u2014 ");
        }
        try (Haven haven = new Haven(config)) {
            long size = haven.ledger().size();
            assertThat(haven.ledger().forPerson(UUID.randomUUID())).isEmpty();
            var last = new eu.haven.store.JdbcLedgerStore(haven.database()).events(size - 1, 1).get(0).opening().orElseThrow().event();
            assertThat(last.action()).isEqualTo("accept-rollback");
            assertThat(last.role()).contains("operator");
        }
        assertThat(Main.cli().execute("ledger", "accept-rollback", "--data-dir", tmp.resolve("data").toString(), "--reason", "again"))
            .isEqualTo(LedgerCommand.NOTHING_TO_ACCEPT);
    }
}
