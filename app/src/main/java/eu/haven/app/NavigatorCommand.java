package eu.haven.app;

import eu.haven.navigator.directory.Directory;
import eu.haven.navigator.hsds.BadRow;
import eu.haven.navigator.hsds.DirectoryExport;
import eu.haven.navigator.hsds.ImportResult;
import eu.haven.navigator.hsds.JsonImport;
import eu.haven.navigator.hsds.TabularImport;
import eu.haven.store.Database;
import eu.haven.store.JdbcDirectoryRepository;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.IntConsumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(mixinStandardHelpOptions = true, name = "navigator", description = "The public service directory: import and export in HSDS 3.0.",
    subcommands = {NavigatorCommand.Import.class, NavigatorCommand.Export.class})
public final class NavigatorCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    /** Exit status when the import found bad rows and changed nothing. */
    static final int BAD_ROWS = 3;

    @Command(mixinStandardHelpOptions = true, name = "import", description = "Replace the directory with the HSDS files in DIR: the "
        + "tabular datapackage (CSV files) when DIR holds any, else HSDS JSON files. Every row is checked first; one bad row and "
        + "nothing changes (exit 3, each bad row named). With the embedded database, stop the server first; a server on "
        + "PostgreSQL serves the new directory after a restart.")
    static final class Import implements Callable<Integer> {
        @Mixin
        ServerOptions options;
        @Parameters(paramLabel = "DIR")
        Path dir;

        @Override
        public Integer call() throws IOException {
            ImportResult result = read(dir, System.err);
            if (!result.ok()) {
                for (BadRow bad : result.badRows()) {
                    System.out.println(bad);
                }
                System.out.println(result.badRows().size() + " bad row(s). Nothing was changed.");
                return BAD_ROWS;
            }
            Directory d = result.directory();
            HavenConfig config = options.config(Path.of("data"));
            try (Database db = Database.open(Installation.prepare(config))) {
                new JdbcDirectoryRepository(db).replaceAll(d, eu.haven.navigator.directory.Metadata.imported(d,
                    "haven navigator import", Instant.now().toString()));
            }
            System.out.printf("Imported %d organizations, %d services, %d locations, %d categories and %d questions.%n",
                d.organizations().size(), d.services().size(), d.locations().size(), d.terms().size(), d.questions().size());
            if (!result.skippedFiles().isEmpty()) {
                System.out.println("Not read (Haven keeps no such table): " + String.join(", ", result.skippedFiles()));
            }
            return 0;
        }
    }

    /** Reads DIR as the tabular datapackage or as JSON files, printing the rows read as it goes. */
    static ImportResult read(Path dir, PrintStream progress) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new ConfigurationException(dir + " is not a directory.");
        }
        List<Path> files;
        try (var list = Files.list(dir)) {
            files = list.filter(Files::isRegularFile).sorted().toList();
        }
        IntConsumer rows = n -> {
            if (n % 1000 == 0) {
                progress.print("\rRead " + n + " rows...");
            }
        };
        boolean tabular = files.stream().anyMatch(f -> f.toString().endsWith(".csv"));
        ImportResult result = tabular ? new TabularImport().read(dir, rows)
            : new JsonImport().read(files.stream().filter(f -> f.toString().endsWith(".json")).toList(), rows);
        progress.println("\rRead " + (tabular ? "the tabular datapackage" : "the JSON files") + " in " + dir + ".");
        return result;
    }

    @Command(mixinStandardHelpOptions = true, name = "export", description = "Write the directory to DIR as HSDS 3.0, both as JSON "
        + "files and as the tabular datapackage (CSV), with Haven's translations (x_translations) and questions (questions.json).")
    static final class Export implements Callable<Integer> {
        @Mixin
        ServerOptions options;
        @Parameters(paramLabel = "DIR", description = "Target directory (created if needed).")
        Path dir;

        @Override
        public Integer call() throws IOException {
            HavenConfig config = options.config(Path.of("data"));
            Directory d;
            try (Database db = Database.open(Installation.existing(config))) {
                d = new JdbcDirectoryRepository(db).load();
            }
            Files.createDirectories(dir);
            new DirectoryExport().writeJson(d, dir);
            new DirectoryExport().writeTabular(d, dir);
            System.out.printf("Exported %d services to %s (JSON and CSV).%n", d.services().size(), dir.toAbsolutePath());
            return 0;
        }
    }
}
