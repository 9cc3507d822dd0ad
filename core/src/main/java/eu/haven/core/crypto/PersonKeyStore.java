package eu.haven.core.crypto;

import java.util.Optional;
import java.util.UUID;

/**
 * Where wrapped person data keys live: apart from the database and its backups, so that
 * destroying a key erases the person's data for good, even from an old database backup.
 */
public interface PersonKeyStore {
    void save(UUID personId, byte[] wrappedKey);

    Optional<byte[]> load(UUID personId);

    /**
     * Whether other servers use this store too (several servers on one database, with the key folder on storage they
     * all mount): a key kept in memory is then used only while it {@link #exists}, so that an erasure through another
     * server (which cannot empty this one's memory) takes effect here too.
     */
    default boolean shared() {
        return false;
    }

    /** Whether the person's key is still there. */
    default boolean exists(UUID personId) {
        return load(personId).isPresent();
    }

    /** Destroys the key; returns false when there was none. */
    boolean destroy(UUID personId);
}
