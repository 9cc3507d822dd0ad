package eu.haven.store;

import eu.haven.core.crypto.CryptoException;
import eu.haven.core.crypto.MasterKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The master key file, created on first start with owner-only permissions: 32 random bytes in
 * base64, or, once rotated, the parts {@link MasterKey#text()} lists. It is never stored in the
 * database; back it up apart from the database.
 */
public final class MasterKeyFile {
    private MasterKeyFile() {}

    public static MasterKey loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] raw = new byte[MasterKey.BYTES];
                new SecureRandom().nextBytes(raw);
                SecureFiles.writeAtomically(file, (Base64.getEncoder().encodeToString(raw) + "\n").getBytes(StandardCharsets.US_ASCII));
            }
            return read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the master key file " + file, e);
        }
    }

    public static MasterKey read(Path file) throws IOException {
        try {
            return MasterKey.parse(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (CryptoException e) {
            throw new IllegalStateException("the master key file " + file + " is not a master key: " + e.getMessage(), e);
        }
    }

    /** Replaces the file at once (a reader sees the old file or the new one, never a mix), flushed to disk. */
    public static void write(Path file, MasterKey key) throws IOException {
        SecureFiles.writeAtomically(file, key.text().getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The master key as the file holds it now: read again whenever the file was replaced, which a
     * rotation does while the server runs. Looking costs one {@code stat}; a file that cannot be
     * read keeps the key last read.
     */
    public static Supplier<MasterKey> watched(Path file) {
        return new Watched(file, loadOrCreate(file));
    }

    /** What tells a replaced file from the one read: a rename gives it another inode, a write another time or size. */
    private record Stamp(String fileKey, FileTime modified, long size) {}

    private static final class Watched implements Supplier<MasterKey> {
        private final Path file;
        private MasterKey key;
        private Optional<Stamp> seen;

        Watched(Path file, MasterKey first) {
            this.file = file;
            this.key = first;
            this.seen = stamp();
        }

        private Optional<Stamp> stamp() {
            try {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                return Optional.of(new Stamp(String.valueOf(a.fileKey()), a.lastModifiedTime(), a.size()));
            } catch (IOException e) {
                return Optional.empty();
            }
        }

        @Override
        public synchronized MasterKey get() {
            Optional<Stamp> now = stamp();
            if (now.isPresent() && !now.equals(seen)) {
                try {
                    key = read(file);
                    seen = now;
                } catch (IOException | RuntimeException e) {
                    // Keep the key last read; the next look tries again.
                }
            }
            return key;
        }
    }
}
