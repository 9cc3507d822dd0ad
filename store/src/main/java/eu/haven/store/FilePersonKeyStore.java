package eu.haven.store;

import eu.haven.core.crypto.PersonKeyStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Wrapped person data keys as one small file each, in a folder kept apart from the database
 * (and from its backups): destroying a file erases that person's data even from old backups.
 */
public final class FilePersonKeyStore implements PersonKeyStore {
    private final Path dir;
    private final boolean shared;

    public FilePersonKeyStore(Path dir) {
        this(dir, false);
    }

    /** {@code shared}: other servers use the folder too ({@link PersonKeyStore#shared}). */
    public FilePersonKeyStore(Path dir, boolean shared) {
        this.dir = dir;
        this.shared = shared;
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
    public boolean shared() {
        return shared;
    }

    @Override
    public boolean exists(UUID personId) {
        return Files.exists(file(personId));
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
        return KeyStoreLock.holding(dir, () -> {
            try {
                return SecureFiles.shred(file(personId));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot destroy a data key", e);
            }
        });
    }

    /** The people who have a key file here. */
    public List<UUID> persons() {
        try (Stream<Path> files = Files.find(dir, 2, (f, a) -> a.isRegularFile() && f.getFileName().toString().endsWith(".key"))) {
            List<UUID> out = new ArrayList<>();
            files.forEach(f -> {
                String name = f.getFileName().toString();
                try {
                    out.add(UUID.fromString(name.substring(0, name.length() - ".key".length())));
                } catch (IllegalArgumentException e) {
                    // Not a person's key file.
                }
            });
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the key store " + dir, e);
        }
    }

    /**
     * Replaces a person's wrapped key with what {@code change} makes of it (empty: leave it), under
     * the key store's lock, so that an erasure running meanwhile wins: a key destroyed before is
     * not written again. Returns whether the file was replaced.
     */
    public boolean replace(UUID personId, Function<byte[], Optional<byte[]>> change) {
        return KeyStoreLock.holding(dir, () -> {
            Optional<byte[]> now = load(personId);
            Optional<byte[]> next = now.flatMap(change);
            next.ifPresent(bytes -> save(personId, bytes));
            return next.isPresent();
        });
    }
}
