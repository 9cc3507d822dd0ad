package eu.haven.store;

import eu.haven.ledger.NoteSigner;
import eu.haven.ledger.TrustedKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The ledger's Ed25519 signing key: base64 lines for the PKCS#8 private key and the X.509 public
 * key, then {@code origin <name>}, the ledger's public name, fixed when the key is made. Created
 * with owner-only permissions, kept out of the database.
 */
public final class LedgerKeyFile {
    private static final String ORIGIN = "origin ";

    private LedgerKeyFile() {}

    /** The key and the ledger's name do not go together: a configuration error, not tampering. */
    public static final class OriginMismatch extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OriginMismatch(String message) {
            super(message);
        }
    }

    /**
     * Loads the key, or creates it named {@code origin} (else {@code defaultOrigin}). A key made
     * before the name was kept with it takes the given name, which is then written into its file.
     */
    public static NoteSigner loadOrCreate(Path file, Optional<String> origin, String defaultOrigin) {
        try {
            if (!Files.exists(file)) {
                KeyPair kp = NoteSigner.generate();
                write(file, kp.getPrivate().getEncoded(), kp.getPublic().getEncoded(), origin.orElse(defaultOrigin));
            }
            List<String> lines = lines(file);
            if (lines.size() < 3) {
                write(file, decode(file, lines.get(0)), decode(file, lines.get(1)), origin.orElse(defaultOrigin));
            }
            return load(file, origin);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the ledger key file " + file, e);
        }
    }

    /** Loads an existing key; nothing is created. {@code origin}, when given, must be the one kept with the key. */
    public static NoteSigner load(Path file, Optional<String> origin) {
        try {
            List<String> lines = lines(file);
            Optional<String> kept = lines.size() >= 3 && lines.get(2).startsWith(ORIGIN)
                ? Optional.of(lines.get(2).substring(ORIGIN.length()).trim()) : Optional.empty();
            String name = kept.or(() -> origin).orElseThrow(() -> new IllegalStateException("the ledger key file " + file
                + " does not say the ledger's name: start the server once with --ledger-origin"));
            if (origin.isPresent() && !origin.get().equals(name)) {
                throw new OriginMismatch("This installation's ledger is named '" + name + "' (kept with its signing key in " + file
                    + "), but the configuration names it '" + origin.get() + "'. A ledger's name cannot change once it has "
                    + "signed checkpoints: drop --ledger-origin (HAVEN_LEDGER_ORIGIN) or set it to '" + name + "'.");
            }
            return NoteSigner.fromPkcs8(name, decode(file, lines.get(0)), decode(file, lines.get(1)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the ledger key file " + file, e);
        }
    }

    private static List<String> lines(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        if (lines.size() < 2) {
            throw new IllegalStateException("the ledger key file " + file + " should hold at least two lines");
        }
        return lines;
    }

    private static byte[] decode(Path file, String line) {
        try {
            return Base64.getDecoder().decode(line.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the ledger key file " + file + " does not hold an Ed25519 key pair", e);
        }
    }

    private static void write(Path file, byte[] privateKey, byte[] publicKey, String origin) throws IOException {
        String text = Base64.getEncoder().encodeToString(privateKey) + "\n" + Base64.getEncoder().encodeToString(publicKey) + "\n"
            + ORIGIN + origin + "\n";
        SecureFiles.writeAtomically(file, text.getBytes(StandardCharsets.US_ASCII));
    }

    /** The log's trusted keys as kept in {@code file} after a rotation; without the file, the signer's key for every size. */
    public static TrustedKeys trustedKeys(Path file, NoteSigner signer) {
        try {
            return Files.exists(file) ? TrustedKeys.parse(Files.readString(file, StandardCharsets.UTF_8))
                : TrustedKeys.only(signer.vkey());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the ledger's trusted keys " + file, e);
        }
    }

    /**
     * The next signing key of a rotation, kept beside the key file as {@code <file>.next} until
     * {@link #commitNext} puts it in place: made once, so that a rotation interrupted and run again
     * goes on with the same key.
     */
    public static NoteSigner next(Path file) throws IOException {
        NoteSigner current = load(file, Optional.empty());
        Path next = nextFile(file);
        if (!Files.exists(next)) {
            KeyPair kp = NoteSigner.generate();
            write(next, kp.getPrivate().getEncoded(), kp.getPublic().getEncoded(), current.name());
        }
        return load(next, Optional.of(current.name()));
    }

    private static Path nextFile(Path file) {
        return file.resolveSibling(file.getFileName() + ".next");
    }

    /** Puts the next key in the key file's place, at once; the old private key is gone with the file it was in. */
    public static void commitNext(Path file) throws IOException {
        Files.move(nextFile(file), file, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
