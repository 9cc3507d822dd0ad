package eu.haven.store;

import eu.haven.core.crypto.PersonKeyStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

/**
 * Wrapped person data keys as one small file each, in a folder kept apart from the database
 * (and from its backups): destroying a file erases that person's data even from old backups.
 */
public final class FilePersonKeyStore implements PersonKeyStore {
    private final Path dir;

    public FilePersonKeyStore(Path dir) {
        this.dir = dir;
        try {
            SecureFiles.ensureDirectory(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the key store folder " + dir, e);
        }
    }

    private Path file(UUID personId) {
        String id = personId.toString();
        return dir.resolve(id.substring(0, 2)).resolve(id + ".key");
    }

    @Override
    public void save(UUID personId, byte[] wrappedKey) {
        try {
            SecureFiles.writeAtomically(file(personId), wrappedKey);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a data key", e);
        }
    }

    @Override
    public Optional<byte[]> load(UUID personId) {
        try {
            return Optional.of(Files.readAllBytes(file(personId)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a data key", e);
        }
    }

    @Override
    public boolean destroy(UUID personId) {
        try {
            return SecureFiles.shred(file(personId));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot destroy a data key", e);
        }
    }
}
