package eu.haven.store;

import eu.haven.core.crypto.MasterKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The master key file: 32 random bytes, base64, created on first start with owner-only
 * permissions. It is never stored in the database; back it up apart from the database.
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
            byte[] raw = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
            return new MasterKey(raw);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the master key file " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the master key file " + file + " is not a base64 32-byte key", e);
        }
    }
}
