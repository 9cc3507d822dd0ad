package eu.haven.core.admin;

/** Where the administrator's online backups of the embedded database go. */
public interface DatabaseBackups {
    /** A backup of the whole database taken now, consistent, while the server runs; returns its file's name. */
    Backup backup();

    record Backup(String file, long bytes) {}
}
