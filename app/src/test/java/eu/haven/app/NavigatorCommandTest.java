package eu.haven.app;

import static org.assertj.core.api.Assertions.assertThat;

import eu.haven.store.Database;
import eu.haven.store.JdbcDirectoryRepository;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ./haven navigator import and export: the shared HSDS examples import; a broken file changes nothing and names its rows. */
class NavigatorCommandTest {
    static Path examples() throws Exception {
        return Path.of(NavigatorCommandTest.class.getResource("/hsds-examples/service_full.json").toURI()).getParent();
    }

    private static String run(String... args) {
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int status = Main.cli().execute(args);
            return status + "\n" + captured.toString(StandardCharsets.UTF_8);
        } finally {
            System.setOut(out);
        }
    }

    private static int services(Path data) {
        HavenConfig config = HavenConfig.embedded(data);
        try (Database db = Database.open(Installation.existing(config))) {
            return new JdbcDirectoryRepository(db).load().services().size();
        }
    }

    @Test
    void the_shared_examples_import_as_json_and_as_the_tabular_datapackage_and_export_again(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("data");
        Path json = Files.createDirectories(tmp.resolve("json"));
        for (String f : new String[] {"service_full.json", "organization_full.json", "taxonomy_term.json", "taxonomy.json"}) {
            Files.copy(examples().resolve(f), json.resolve(f));
        }
        assertThat(run("navigator", "import", "--data-dir", data.toString(), json.toString())).startsWith("0\n").contains("1 services");
        assertThat(run("navigator", "import", "--data-dir", data.toString(), examples().resolve("csv").toString()))
            .startsWith("0\n").contains("1 services").contains("Not read").contains("contacts.csv");
        Path out = tmp.resolve("out");
        assertThat(run("navigator", "export", "--data-dir", data.toString(), out.toString())).startsWith("0\n");
        assertThat(out.resolve("services.json")).exists();
        assertThat(out.resolve("services.csv")).exists();
        assertThat(run("navigator", "import", "--data-dir", data.toString(), out.toString())).startsWith("0\n");
        assertThat(services(data)).isEqualTo(1);
    }

    @Test
    void a_broken_file_changes_nothing_and_names_each_bad_row(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("data");
        assertThat(run("navigator", "import", "--data-dir", data.toString(), examples().resolve("csv").toString())).startsWith("0\n");
        Path broken = Files.createDirectories(tmp.resolve("broken"));
        Files.writeString(broken.resolve("services.csv"), """
            id,name,status
            8d5e6a4c-7c4f-4a5e-9d7e-0a1b2c3d4e5f,Good,active
            1d5e6a4c-7c4f-4a5e-9d7e-0a1b2c3d4e5f,Bad status,open
            9d5e6a4c-7c4f-4a5e-9d7e-0a1b2c3d4e5f,Good too,active
            not-a-uuid,Bad id,active
            """);
        String answer = run("navigator", "import", "--data-dir", data.toString(), broken.toString());
        assertThat(answer).startsWith(NavigatorCommand.BAD_ROWS + "\n").contains("services.csv row 2: ").contains("services.csv row 4: ")
            .doesNotContain("row 1:").doesNotContain("row 3:").contains("Nothing was changed");
        assertThat(services(data)).as("the earlier directory is still there, whole").isEqualTo(1);
    }
}
