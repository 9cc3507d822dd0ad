package eu.haven.navigator.hsds;

import static org.assertj.core.api.Assertions.assertThat;

import eu.haven.navigator.directory.Directory;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportTest {
    static Path examples() throws URISyntaxException {
        return Path.of(ImportTest.class.getResource("/hsds/examples/base.json").toURI()).getParent();
    }

    static List<Path> jsonFiles(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    @Test
    void the_shared_json_examples_import_cleanly() throws Exception {
        ImportResult r = new JsonImport().read(jsonFiles(examples()), n -> { });
        assertThat(r.badRows()).isEmpty();
        Directory d = r.directory();
        assertThat(d.services()).extracting(s -> s.name()).contains("Community Counselling");
        assertThat(d.organizations()).isNotEmpty();
        assertThat(d.locations()).isNotEmpty();
        assertThat(d.serviceAtLocations()).isNotEmpty();
        assertThat(d.terms()).isNotEmpty();
        assertThat(r.skippedFiles()).contains("base.json", "tabular.json");
    }

    @Test
    void the_shared_tabular_examples_import_cleanly() throws Exception {
        ImportResult r = new TabularImport().read(examples().resolve("csv"), n -> { });
        assertThat(r.badRows()).isEmpty();
        Directory d = r.directory();
        assertThat(d.services()).hasSize(1);
        var service = d.services().get(0);
        assertThat(service.schedules()).isNotEmpty();
        assertThat(service.phones()).isNotEmpty();
        assertThat(d.locations().get(0).addresses()).isNotEmpty();
        assertThat(r.skippedFiles()).contains("contacts.csv", "funding.csv");
    }

    @Test
    void a_broken_file_names_each_bad_row_and_the_reason(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("services.json"), """
            [{"id": "8d5e6a4c-7c4f-4a5e-9d7e-0a1b2c3d4e5f", "name": "Good", "status": "active"},
             {"id": "not-a-uuid", "name": "Bad id", "status": "active"},
             {"id": "1d5e6a4c-7c4f-4a5e-9d7e-0a1b2c3d4e5f", "name": "Bad status", "status": "open"},
             {"id": "2d5e6a4c-7c4f-4a5e-9d7e-0a1b2c3d4e5f", "status": "active"},
             {"id": "3d5e6a4c-7c4f-4a5e-9d7e-0a1b2c3d4e5f", "name": "Lost", "status": "active",
              "organization_id": "4d5e6a4c-7c4f-4a5e-9d7e-0a1b2c3d4e5f"}]
            """);
        ImportResult r = new JsonImport().read(List.of(dir.resolve("services.json")), n -> { });
        assertThat(r.ok()).isFalse();
        assertThat(r.badRows()).extracting(BadRow::row).containsExactlyInAnyOrder(2, 3, 4, 5);
        assertThat(r.badRows()).allSatisfy(b -> assertThat(b.file()).isEqualTo("services.json"));
        assertThat(r.badRows().stream().filter(b -> b.row() == 3).findFirst().orElseThrow().reason()).contains("status");
        assertThat(r.badRows().stream().filter(b -> b.row() == 4).findFirst().orElseThrow().reason()).contains("name");
        assertThat(r.badRows().toString()).doesNotContain("open").doesNotContain("not-a-uuid");
    }

    @Test
    void a_bad_csv_row_is_named_by_its_file_and_row(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("services.csv"), """
            id,name,status,minimum_age
            8d5e6a4c-7c4f-4a5e-9d7e-0a1b2c3d4e5f,Good,active,12
            1d5e6a4c-7c4f-4a5e-9d7e-0a1b2c3d4e5f,Bad age,active,twelve
            """);
        ImportResult r = new TabularImport().read(dir, n -> { });
        assertThat(r.badRows()).singleElement().satisfies(b -> {
            assertThat(b.file()).isEqualTo("services.csv");
            assertThat(b.row()).isEqualTo(2);
            assertThat(b.reason()).contains("minimum_age");
        });
    }

    @Test
    void what_is_exported_imports_again_as_the_same_directory(@TempDir Path dir) throws Exception {
        Directory d = new JsonImport().read(jsonFiles(examples()), n -> { }).directory();
        Path json = Files.createDirectory(dir.resolve("json"));
        Path csv = Files.createDirectory(dir.resolve("csv"));
        new DirectoryExport().writeJson(d, json);
        new DirectoryExport().writeTabular(d, csv);
        ImportResult fromJson = new JsonImport().read(jsonFiles(json), n -> { });
        ImportResult fromCsv = new TabularImport().read(csv, n -> { });
        assertThat(fromJson.badRows()).isEmpty();
        assertThat(fromCsv.badRows()).isEmpty();
        assertThat(fromJson.directory().services()).isEqualTo(d.services());
        assertThat(fromCsv.directory().services()).extracting(s -> s.name()).isEqualTo(d.services().stream().map(s -> s.name()).toList());
        assertThat(fromCsv.directory().locations()).hasSameSizeAs(d.locations());
    }
}
