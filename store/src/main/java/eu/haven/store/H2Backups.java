package eu.haven.store;

import eu.haven.core.admin.DatabaseBackups;
import eu.haven.core.error.ErrorCode;
import eu.haven.core.error.HavenException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Online backups of the embedded database: H2's {@code BACKUP TO}, which copies a consistent state
 * while the server keeps running, into a zip in the backup folder (owner-only). On PostgreSQL there
 * is none here: {@code pg_dump} is the tool (docs/BACKUP.md).
 */
public final class H2Backups implements DatabaseBackups {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private final Database db;
    private final Path folder;
    private final Clock clock;

    public H2Backups(Database db, Path folder, Clock clock) {
        this.db = db;
        this.folder = folder;
        this.clock = clock;
    }

    @Override
    public Backup backup() {
        if (db.postgres()) {
            throw new HavenException(ErrorCode.CONFLICT, "This installation runs on PostgreSQL: back it up with pg_dump (docs/BACKUP.md).");
        }
        return to(folder, fileName(clock.instant()));
    }

    /** A backup's file name, by the time it was taken. */
    public static String fileName(java.time.Instant at) {
        return "haven-db-" + STAMP.format(at) + ".zip";
    }

    /** A backup into {@code dir} under {@code name}; the folder is made owner-only. */
    public Backup to(Path dir, String name) {
        try {
            SecureFiles.ensureDirectory(dir);
            Path file = dir.resolve(name);
            if (Files.exists(file)) {
                throw new HavenException(ErrorCode.CONFLICT, "A backup of this name is already there.");
            }
            String target = file.toAbsolutePath().toString().replace("'", "''");
            db.autonomous(h -> h.execute("BACKUP TO '" + target + "'"));
            SecureFiles.restrict(dir);
            return new Backup(file.getFileName().toString(), Files.size(file));
        } catch (IOException e) {
            throw new UncheckedIOException("the backup could not be written", e);
        }
    }
}
