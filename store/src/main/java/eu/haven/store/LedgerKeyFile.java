package eu.haven.store;

import eu.haven.ledger.NoteSigner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Base64;
import java.util.List;

/**
 * The ledger's Ed25519 signing key: two base64 lines (PKCS#8 private key, X.509 public key),
 * created on first start with owner-only permissions, kept out of the database.
 */
public final class LedgerKeyFile {
    private LedgerKeyFile() {}

    public static NoteSigner loadOrCreate(Path file, String origin) {
        try {
            if (!Files.exists(file)) {
                KeyPair kp = NoteSigner.generate();
                String text = Base64.getEncoder().encodeToString(kp.getPrivate().getEncoded()) + "\n"
                    + Base64.getEncoder().encodeToString(kp.getPublic().getEncoded()) + "\n";
                SecureFiles.writeAtomically(file, text.getBytes(StandardCharsets.US_ASCII));
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
            if (lines.size() < 2) {
                throw new IllegalStateException("the ledger key file " + file + " should hold two lines");
            }
            return NoteSigner.fromPkcs8(origin, Base64.getDecoder().decode(lines.get(0).trim()), Base64.getDecoder().decode(lines.get(1).trim()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the ledger key file " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the ledger key file " + file + " does not hold an Ed25519 key pair", e);
        }
    }
}
