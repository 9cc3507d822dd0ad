package eu.haven.app;

import eu.haven.core.admin.DatabaseBackups;
import eu.haven.store.Database;
import eu.haven.store.H2Backups;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code haven backup DIR}: a consistent backup of the embedded database into DIR, with the server
 * stopped. While the server runs, the administrator takes one online with
 * {@code POST /api/v1/admin/backup} (into the installation's {@code backups} folder). PostgreSQL is
 * backed up with {@code pg_dump}. The key store and the keys are never in a database backup.
 */
@Command(mixinStandardHelpOptions = true, name = "backup", description = "Back up the embedded database into DIR (a zip). With the server "
    + "running, use POST /api/v1/admin/backup instead; on PostgreSQL, pg_dump. Keep the key store and the keys apart (docs/BACKUP.md).")
public final class BackupCommand implements Callable<Integer> {
    @Mixin
    ServerOptions options;
    @Parameters(paramLabel = "DIR", description = "Where the backup goes (created if needed, owner-only).")
    Path dir;

    @Override
    public Integer call() {
        HavenConfig config = options.config(Path.of("data"));
        if (config.database().url().startsWith("jdbc:postgresql:")) {
            System.err.println("This installation runs on PostgreSQL: back it up with pg_dump (docs/BACKUP.md), and the key store apart.");
            return 2;
        }
        Database db;
        try {
            db = Database.open(Installation.existing(config));
        } catch (RuntimeException e) {
            if (String.valueOf(rootMessage(e)).contains("already in use") || String.valueOf(rootMessage(e)).contains("locked")) {
                System.err.println("The server is running on this installation, so its database is in use. Take the backup online: "
                    + "POST /api/v1/admin/backup with an administrator's token (it goes to " + config.dataDir().resolve("backups") + "), "
                    + "or stop the server and run this again.");
                return 3;
            }
            throw e;
        }
        try (db) {
            DatabaseBackups.Backup b = new H2Backups(db, dir, Clock.systemUTC()).backup();
            System.out.printf("Wrote %s (%,d bytes) to %s%n", b.file(), b.bytes(), dir.toAbsolutePath());
            System.out.println("It holds the database only. The person key store (" + config.keyStoreDir() + ") goes to one place apart, "
                + "latest copy only; the master key and the ledger key were put away once (docs/BACKUP.md).");
            return 0;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        StringBuilder all = new StringBuilder();
        while (t != null) {
            all.append(t.getMessage()).append(' ');
            t = t.getCause();
        }
        return all.toString();
    }
}
