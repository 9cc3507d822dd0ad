package eu.haven.store;

import eu.haven.core.crypto.MasterKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Rotates the master key's wrapping key while servers run on the installation:
 * <ol>
 * <li>the master key file gets a new generation beside the old one (servers read the file again
 * when it changes, so they wrap new person keys under the new generation and open both);</li>
 * <li>every person key still under an older generation is re-wrapped, file by file, under the key
 * store's lock (an erasure running meanwhile wins); passes repeat, a settling pause apart, until
 * one finds nothing left, so that a key a server wrapped just before it saw the new file is
 * caught too;</li>
 * <li>the file is written again without the older generations.</li>
 * </ol>
 * An interrupted rotation resumes where it stopped when run again. The derivation secret, behind
 * the keyed hashes of access codes and names, stays (class comment of {@link MasterKey}).
 */
public final class MasterKeyRotation {
    public record Result(int from, int to, int rewrapped, int people) {}

    /** The rotation could not finish; the file still holds the older generations, so nothing is lost. */
    public static final class Unfinished extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unfinished(String message) {
            super(message);
        }
    }

    private static final int MAX_PASSES = 10;

    private final Path masterKeyFile;
    private final FilePersonKeyStore store;
    private final Path keyStoreDir;
    private final Duration settle;

    public MasterKeyRotation(Path masterKeyFile, Path keyStoreDir, Duration settle) {
        this.masterKeyFile = masterKeyFile;
        this.keyStoreDir = keyStoreDir;
        this.store = new FilePersonKeyStore(keyStoreDir);
        this.settle = settle;
    }

    /** Runs the rotation; empty when another one is running on this key store. */
    public Optional<Result> rotate() throws IOException {
        try (FileChannel channel = FileChannel.open(keyStoreDir.resolve(".rotation"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            if (lock == null) {
                return Optional.empty();
            }
            return Optional.of(rotateHolding());
        }
    }

    private Result rotateHolding() throws IOException {
        MasterKey key = MasterKeyFile.read(masterKeyFile);
        int from = key.generations().first();
        if (!key.rotating()) {
            byte[] fresh = new byte[MasterKey.BYTES];
            eu.haven.core.crypto.Randomness.fill(fresh);
            key = key.rotated(fresh);
            MasterKeyFile.write(masterKeyFile, key);
        }
        MasterKey during = key;
        int rewrapped = 0;
        int people = 0;
        for (int pass = 1; ; pass++) {
            int changed = 0;
            var persons = store.persons();
            people = persons.size();
            for (UUID person : persons) {
                boolean replaced = store.replace(person, wrapped -> MasterKey.generationOf(wrapped) == during.generation()
                    ? Optional.empty()
                    : Optional.of(during.wrap(person, during.unwrap(person, wrapped))));
                if (replaced) {
                    changed++;
                }
            }
            rewrapped += changed;
            if (pass > 1 && changed == 0) {
                break;
            }
            if (pass == MAX_PASSES) {
                throw new Unfinished("after " + pass + " passes, keys under an older generation still appear: a process wraps new "
                    + "person keys under the old master key and does not read the file again (an older Haven, or one given another "
                    + "copy of the master key file). The file keeps both generations, so everything still opens; stop that process "
                    + "and run the rotation again to finish it.");
            }
            pause();
        }
        MasterKeyFile.write(masterKeyFile, during.withoutOlderGenerations());
        return new Result(from, during.generation(), rewrapped, people);
    }

    private void pause() {
        try {
            Thread.sleep(settle.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("the rotation was interrupted; run it again to finish"));
        }
    }
}
