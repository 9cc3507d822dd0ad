package eu.haven.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.haven.app.TestServer.Response;
import eu.haven.store.LedgerKeyFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The installation on disk, as a city's IT team and someone holding a copy of it would find it. */
class InstallationTest {
    @TempDir
    Path tmp;

    private HavenConfig config(Path data, Optional<Path> masterKey) {
        return HavenConfig.of(0, data, Optional.empty(), "", "", Optional.empty(), masterKey, Optional.empty());
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void a_copy_of_the_data_directory_without_the_master_key_opens_nothing() throws Exception {
        Path data = tmp.resolve("data");
        Path secret = tmp.resolve("secret").resolve("master.key");
        HavenConfig real = config(data, Optional.of(secret));
        assertThat(Installation.masterKeyWarning(real)).isEmpty();
        assertThat(Installation.masterKeyWarning(config(tmp.resolve("other"), Optional.empty()))).get().asString().contains("inside the data directory");
        try (TestServer server = new TestServer(real, UnaryOperator.identity())) {
            String token = server.login("shelter.worker");
            Response p = server.send("POST", "/api/v1/persons", token, "shelter", "{\"displayName\":\"Zahra Copytest\",\"preferredLanguage\":\"fa\"}");
            server.send("POST", "/api/v1/persons/" + p.body().get("id").asText() + "/records", token, "shelter",
                "{\"category\":\"housing\",\"data\":{\"room\":\"Room-Copytest-17\"}}");
        }
        assertThat(mode(data)).isEqualTo("rwx------");
        assertThat(mode(data.resolve("db"))).isEqualTo("rwx------");
        assertThat(mode(data.resolve("db").resolve("haven.mv.db"))).isEqualTo("rw-------");
        Path password = secret.resolveSibling("database.password");
        assertThat(mode(password)).isEqualTo("rw-------");
        String url = real.database().url();
        assertThatThrownBy(() -> DriverManager.getConnection(url, "haven", "").close()).isInstanceOf(SQLException.class);

        Path copy = tmp.resolve("copy");
        try (Stream<Path> files = Files.walk(data)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path to = copy.resolve(data.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to);
                }
            }
        }
        HavenConfig stolen = config(copy, Optional.empty());
        assertThatThrownBy(() -> new Haven(stolen)).isInstanceOf(ConfigurationException.class).hasMessageContaining("master key");
        assertThat(copy.resolve("keys").resolve("master.key")).doesNotExist();
        byte[] raw = Files.readAllBytes(copy.resolve("db").resolve("haven.mv.db"));
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        assertThat(text).doesNotContain("Copytest");
    }

    @Test
    void an_embedded_database_made_without_a_password_gets_one() throws Exception {
        HavenConfig old = config(tmp.resolve("old"), Optional.empty());
        Files.createDirectories(old.dataDir());
        eu.haven.store.Database.open(old.database()).close();
        new Haven(old).close();
        assertThat(Installation.passwordFile(old)).exists();
        assertThatThrownBy(() -> DriverManager.getConnection(old.database().url(), "haven", "").close()).isInstanceOf(SQLException.class);
        new Haven(old).close();
    }

    @Test
    void the_demo_refuses_an_installation_it_did_not_create() {
        HavenConfig real = config(tmp.resolve("real"), Optional.empty());
        new Haven(real).close();
        assertThatThrownBy(() -> DemoCommand.demo(real)).isInstanceOf(ConfigurationException.class).hasMessageContaining("did not create");

        HavenConfig demo = DemoCommand.demo(config(tmp.resolve("demo"), Optional.empty()));
        String first = demo.ledger().origin().orElseThrow();
        new Haven(demo).close();
        assertThat(DemoCommand.demo(demo).ledger().keyFile()).exists();
        HavenConfig other = DemoCommand.demo(config(tmp.resolve("demo2"), Optional.empty()));
        assertThat(other.ledger().origin().orElseThrow()).as("two demos, two ledger names").isNotEqualTo(first);
    }

    @Test
    void commands_that_read_create_nothing_and_say_so() {
        Path nowhere = tmp.resolve("nowhere");
        assertThat(Main.cli().execute("ledger", "vkey", "--data-dir", nowhere.toString())).isEqualTo(2);
        assertThat(Main.cli().execute("ledger", "export", "--data-dir", nowhere.toString(), tmp.resolve("out").toString())).isEqualTo(2);
        assertThat(nowhere).doesNotExist();
        assertThat(Main.cli().execute("ledger", "vkey")).as("in a folder with no ./data").isEqualTo(2);
        assertThat(Path.of("data")).doesNotExist();
    }

    @Test
    void the_ledger_name_is_kept_with_its_key_and_a_different_one_later_is_a_clear_configuration_error() throws Exception {
        HavenConfig named = config(tmp.resolve("city"), Optional.empty());
        HavenConfig.LedgerConfig l = named.ledger();
        new Haven(named.withLedger(new HavenConfig.LedgerConfig(Optional.of("haven.city.example/access"), l.keyFile(),
            l.checkpointInterval()))).close();
        assertThat(Files.readString(l.keyFile())).contains("origin haven.city.example/access");
        try (Haven again = new Haven(named)) {
            assertThat(again.ledger().origin()).isEqualTo("haven.city.example/access");
        }
        HavenConfig renamed = named.withLedger(new HavenConfig.LedgerConfig(Optional.of("other.example/access"), l.keyFile(),
            l.checkpointInterval()));
        assertThatThrownBy(() -> new Haven(renamed)).isInstanceOf(LedgerKeyFile.OriginMismatch.class)
            .hasMessageContaining("cannot change").hasMessageNotContaining("tamper");
        assertThat(Main.cli().execute("ledger", "vkey", "--data-dir", tmp.resolve("city").toString())).isZero();
    }

    @Test
    void verify_pointed_at_a_wrong_address_cannot_read_rather_than_crying_tampering() {
        try (TestServer server = new TestServer()) {
            assertThat(Main.cli().execute("verify", "--vkey", server.haven.ledger().vkey(), "--state", tmp.resolve("w").toString(),
                server.base() + "/not-the-ledger")).isEqualTo(2);
        }
    }
}
