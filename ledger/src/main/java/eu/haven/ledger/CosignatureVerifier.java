package eu.haven.ledger;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Checks a witness's Ed25519 cosignatures (c2sp.org/tlog-cosignature v1) on a checkpoint note,
 * from the witness's vkey ({@code <name>+<key id>+<base64(0x04 || key)>}); lines by other keys are
 * ignored, as the specification asks.
 */
public final class CosignatureVerifier {
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private final String name;
    private final byte[] keyId;
    private final PublicKey key;

    private CosignatureVerifier(String name, byte[] keyId, PublicKey key) {
        this.name = name;
        this.keyId = keyId;
        this.key = key;
    }

    public static CosignatureVerifier fromVkey(String vkey) {
        String[] parts = vkey.strip().split("\\+", 3);
        if (parts.length != 3) {
            throw new VerificationException("a witness key is <name>+<key id>+<key>");
        }
        byte[] typed;
        try {
            typed = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new VerificationException("a witness key is not base64");
        }
        if (typed.length != 33 || typed[0] != Cosigner.ED25519_COSIGNATURE) {
            throw new VerificationException("not an Ed25519 cosignature key (type 0x04)");
        }
        byte[] raw = Arrays.copyOfRange(typed, 1, 33);
        byte[] id = Cosigner.keyId(parts[0], raw);
        if (!HexFormat.of().formatHex(id).equals(parts[1].toLowerCase(java.util.Locale.ROOT))) {
            throw new VerificationException("the witness key's id does not match its name and key");
        }
        try {
            byte[] x509 = new byte[44];
            System.arraycopy(X509_PREFIX, 0, x509, 0, 12);
            System.arraycopy(raw, 0, x509, 12, 32);
            return new CosignatureVerifier(parts[0], id, KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509)));
        } catch (GeneralSecurityException e) {
            throw new VerificationException("the witness key is not a valid Ed25519 public key", e);
        }
    }

    public String name() {
        return name;
    }

    /**
     * The time of this witness's valid cosignature among the note's signature lines, if it has one;
     * a line with this witness's name and key ID whose signature does not verify is a forgery (thrown).
     */
    public Optional<Long> verify(String note) {
        String body = NoteVerifier.text(note);
        for (String line : note.substring(body.length() + 1).split("\n")) {
            Optional<Long> t = verifyLine(body, line);
            if (t.isPresent()) {
                return t;
            }
        }
        return Optional.empty();
    }

    /** The time of one signature line if it is this witness's cosignature on {@code body}. */
    public Optional<Long> verifyLine(String body, String line) {
        String[] parts = line.split(" ", -1);
        if (parts.length != 3 || !parts[0].equals(NoteVerifier.DASH) || !parts[1].equals(name)) {
            return Optional.empty();
        }
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (blob.length != 4 + 8 + 64 || !Arrays.equals(Arrays.copyOf(blob, 4), keyId)) {
            return Optional.empty();
        }
        long timestamp = ByteBuffer.wrap(blob, 4, 8).getLong();
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(Cosigner.message(body, timestamp).getBytes(StandardCharsets.UTF_8));
            if (timestamp < 0 || !s.verify(Arrays.copyOfRange(blob, 12, 76))) {
                throw new VerificationException("the cosignature by " + name + " does not match the checkpoint");
            }
        } catch (GeneralSecurityException e) {
            throw new VerificationException("the cosignature by " + name + " cannot be checked", e);
        }
        return Optional.of(timestamp);
    }

    /** Whether at least {@code quorum} of these witnesses cosigned the note (a policy such as "2 of these 3"). */
    public static boolean quorum(String note, List<CosignatureVerifier> witnesses, int quorum) {
        return witnesses.stream().filter(w -> w.verify(note).isPresent()).count() >= quorum;
    }
}
