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

    /** Destroys the key; returns false when there was none. */
    boolean destroy(UUID personId);
}
