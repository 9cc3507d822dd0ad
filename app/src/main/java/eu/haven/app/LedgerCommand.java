package eu.haven.app;

import eu.haven.core.audit.LedgerExport;
import eu.haven.ledger.TrustedKeys;
import eu.haven.store.Database;
import eu.haven.store.JdbcLedgerStore;
import eu.haven.store.LedgerKeyFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(mixinStandardHelpOptions = true, name = "ledger", description = "The access ledger's public files and key.",
    subcommands = {LedgerCommand.Export.class, LedgerCommand.Vkey.class, LedgerCommand.Audit.class,
        LedgerCommand.AcceptRollback.class, LedgerCommand.RotateKey.class})
public final class LedgerCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Command(mixinStandardHelpOptions = true, name = "export", description = "Write the ledger's public files, as of its latest signed checkpoint, to a directory "
        + "that 'haven verify DIR' can check offline. Reads only. With the embedded database, stop the server first.")
    static final class Export implements Callable<Integer> {
        @Mixin
        ServerOptions options;
        @Parameters(paramLabel = "DIR", description = "Target directory (created if needed).")
        Path dir;

        @Override
        public Integer call() throws Exception {
            HavenConfig config = options.config(Path.of("data"));
            String vkey = vkey(config);
            System.err.println("Reading the installation in " + config.dataDir());
            try (Database db = Database.open(Installation.existing(config))) {
                long size = LedgerExport.export(new JdbcLedgerStore(db), (path, content) -> {
                    Path file = dir.resolve(path);
                    Files.createDirectories(file.getParent());
                    Files.write(file, content);
                });
                Files.writeString(dir.resolve("vkey"), vkey + "\n", StandardCharsets.UTF_8);
                System.out.println("Exported " + size + " entries to " + dir.toAbsolutePath());
                System.out.println("Check with: haven verify --vkey " + vkey + " " + dir);
            }
            return 0;
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "audit", description = "Check the whole stored ledger as the server does at "
        + "start: every private event against its public entry, every blank against the erasure records, every tile, the signed "
        + "checkpoints. Reads only. Exit 0 when it holds, 4 when it does not. With the embedded database, stop the server first.")
    static final class Audit implements Callable<Integer> {
        @Mixin
        ServerOptions options;

        @Override
        public Integer call() {
            HavenConfig config = options.config(Path.of("data"));
            System.err.println("Auditing the ledger of the installation in " + config.dataDir());
            long started = System.nanoTime();
            try (Database db = Database.open(Installation.existing(config))) {
                eu.haven.core.audit.LedgerAudit.Report report = new eu.haven.core.audit.LedgerAudit(new JdbcLedgerStore(db),
                    trusted(config), new eu.haven.store.FileCheckpointMirror(config.ledger().checkpointCopy())).run();
                System.out.printf("OK: the ledger's %,d entries, their openings, erasure records, tiles and signed checkpoints "
                    + "agree (%.1f s).%n", report.edge().size(), (System.nanoTime() - started) / 1e9);
                return 0;
            }
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "vkey", description = "Print the ledger's verifier key (publish it; verifiers need it).")
    static final class Vkey implements Callable<Integer> {
        @Mixin
        ServerOptions options;

        @Override
        public Integer call() {
            HavenConfig config = options.config(Path.of("data"));
            System.err.println("The ledger key of the installation in " + config.dataDir() + ":");
            System.out.println(vkey(config));
            return 0;
        }
    }

    /** Exit status when there is no rollback to accept. */
    static final int NOTHING_TO_ACCEPT = 2;

    @Command(mixinStandardHelpOptions = true, name = "accept-rollback", description = "After a database restore the ledger is "
        + "shorter than the last checkpoint the server signed, and the server refuses to start. Once the incident is reported "
        + "(to the supervisory authority), this keeps the evidence (both checkpoints, the reason, the time) in keys/ledger-incidents, "
        + "moves the checkpoint copy and the audit mark aside, audits the restored ledger whole and records the acceptance in it. "
        + "With the embedded database, stop the server first.")
    static final class AcceptRollback implements Callable<Integer> {
        @Mixin
        ServerOptions options;
        @picocli.CommandLine.Option(names = "--reason", required = true, description = "Why the database was restored, and to whom the incident was reported.")
        String reason;

        @Override
        public Integer call() throws Exception {
            HavenConfig config = options.config(Path.of("data"));
            TrustedKeys key = trusted(config);
            Path copy = config.ledger().checkpointCopy();
            if (!Files.exists(copy)) {
                System.out.println("There is no copy of a signed checkpoint beside the key: nothing to accept.");
                return NOTHING_TO_ACCEPT;
            }
            String lastSigned = Files.readString(copy, StandardCharsets.UTF_8);
            long signedSize = key.open(lastSigned).size();
            java.util.Optional<String> inDatabase;
            long entries;
            try (Database db = Database.open(Installation.existing(config))) {
                JdbcLedgerStore store = new JdbcLedgerStore(db);
                inDatabase = store.latestCheckpoint();
                entries = store.extent().end();
            }
            long databaseSize = inDatabase.map(n -> key.open(n).size()).orElse(0L);
            if (signedSize <= databaseSize && signedSize <= entries) {
                System.out.println("The ledger was not rolled back (the database holds the last signed checkpoint): nothing to accept.");
                return NOTHING_TO_ACCEPT;
            }
            String at = java.time.Instant.now().toString();
            Path incidents = Files.createDirectories(config.ledger().keyFile().resolveSibling("ledger-incidents"));
            String name = "rollback-" + at.replace(':', '-');
            Files.writeString(incidents.resolve(name + ".txt"), "Rollback of the access ledger accepted at " + at + "\n"
                + "Reason: " + reason.replace('\n', ' ') + "\n"
                + "Last checkpoint the server signed: " + signedSize + " entries\n"
                + "Latest checkpoint in the restored database: " + databaseSize + " entries; entries in it: " + entries + "\n\n"
                + "-- last signed checkpoint --\n" + lastSigned + "\n-- latest checkpoint in the restored database --\n"
                + inDatabase.orElse("(none)\n"), StandardCharsets.UTF_8);
            Files.move(copy, incidents.resolve(name + ".ledger-checkpoint"));
            Path mark = config.ledger().auditedCopy();
            if (Files.exists(mark)) {
                Files.move(mark, incidents.resolve(name + ".ledger-audited"));
            }
            try (Haven haven = Haven.alone(config)) {
                long index = haven.recordRollbackAccepted();
                System.out.printf("Accepted: the ledger goes on from %d entries (the server had signed %d). Recorded as ledger entry %d; "
                    + "the evidence is in %s.%n", entries, signedSize, index, incidents.resolve(name + ".txt"));
            }
            return 0;
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "rotate-key", description = "Retire the ledger's signing key and sign with a new one "
        + "from now on. Records the rotation in the ledger (signed by the old key), writes the trusted-keys file (each key with the tree "
        + "sizes it signs) beside the key, and puts the new key in place; the old private key is not kept. With the server stopped. "
        + "Publish the printed file: verifiers give it to 'haven verify --trusted-keys', witnesses need the new key.")
    static final class RotateKey implements Callable<Integer> {
        @Mixin
        ServerOptions options;

        @Override
        public Integer call() throws Exception {
            HavenConfig config = options.config(Path.of("data"));
            TrustedKeys trusted = trusted(config);
            Path keyFile = config.ledger().keyFile();
            Path trustedFile = config.ledger().trustedKeys();
            eu.haven.ledger.NoteSigner next = LedgerKeyFile.next(keyFile);
            if (trusted.keys().stream().noneMatch(k -> k.vkey().equals(next.vkey()))) {
                try (Haven haven = Haven.alone(config)) {
                    long index = haven.recordLedgerKeyRotated();
                    System.err.println("Recorded the rotation as ledger entry " + index + ", signed by the old key.");
                }
                TrustedKeys before = trusted;
                long lastOld;
                try (Database db = Database.open(Installation.existing(config))) {
                    lastOld = new JdbcLedgerStore(db).latestCheckpoint().map(n -> before.open(n).size()).orElse(0L);
                }
                trusted = before.rotated(next.vkey(), lastOld);
                eu.haven.store.SecureFiles.writeAtomically(trustedFile, trusted.text().getBytes(StandardCharsets.UTF_8));
            }
            LedgerKeyFile.commitNext(keyFile);
            System.out.println("The ledger " + next.name() + " is signed from now on by " + next.vkey());
            System.out.println("Its keys, in " + trustedFile + " (publish this file beside the old key; 'haven verify --trusted-keys FILE' "
                + "takes it, and each witness needs the new key as its --log):");
            System.out.print(trusted.text());
            return 0;
        }
    }

    /** The ledger's keys with their windows (the signing key alone until a rotation). */
    private static TrustedKeys trusted(HavenConfig config) {
        vkey(config);
        return LedgerKeyFile.trustedKeys(config.ledger().trustedKeys(), LedgerKeyFile.load(config.ledger().keyFile(), config.ledger().origin()));
    }

    private static String vkey(HavenConfig config) {
        if (!java.nio.file.Files.exists(config.ledger().keyFile())) {
            throw new Installation.NoInstallation("There is no ledger key at " + config.ledger().keyFile() + ": this is not the "
                + "data directory of a Haven installation. Give its --data-dir (or --ledger-key).");
        }
        return LedgerKeyFile.load(config.ledger().keyFile(), config.ledger().origin()).vkey();
    }
}
