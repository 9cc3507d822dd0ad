package eu.haven.ledger;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Checks c2sp.org/signed-note signatures of one Ed25519 verifier key. Signature lines from other
 * keys (witness cosignatures, for instance) are ignored; a line that claims this key but does not
 * verify is an error.
 */
public final class NoteVerifier {
    static final String DASH = "\u2014";
    static final byte ED25519 = 0x01;
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final int MAX_SIGNATURES = 100;

    private final String name;
    private final byte[] keyId;
    private final PublicKey key;
    private final String vkey;

    private NoteVerifier(String name, byte[] keyId, PublicKey key, String vkey) {
        this.name = name;
        this.keyId = keyId;
        this.key = key;
        this.vkey = vkey;
    }

    /** The verifier key as it was given: name+keyid+key. */
    public String vkey() {
        return vkey;
    }

    /** Parses {@code <name>+<8 hex digits>+<base64(0x01 || 32-byte key)>}. */
    public static NoteVerifier fromVkey(String vkey) {
        String v = vkey.strip();
        int first = v.indexOf('+');
        int second = first < 0 ? -1 : v.indexOf('+', first + 1);
        if (first <= 0 || second < 0) {
            throw new VerificationException("the verifier key is not of the form name+keyid+key");
        }
        String name = v.substring(0, first);
        String hex = v.substring(first + 1, second);
        byte[] typed;
        try {
            typed = Base64.getDecoder().decode(v.substring(second + 1));
        } catch (IllegalArgumentException e) {
            throw new VerificationException("the verifier key's last part is not base64");
        }
        if (!hex.matches("[0-9a-f]{8}") || typed.length != 33 || typed[0] != ED25519) {
            throw new VerificationException("the verifier key is not an Ed25519 key of the signed-note format");
        }
        checkName(name);
        byte[] raw = Arrays.copyOfRange(typed, 1, 33);
        byte[] id = keyId(name, raw);
        if (!HexFormat.of().formatHex(id).equals(hex)) {
            throw new VerificationException("the verifier key's id does not match its name and key");
        }
        try {
            byte[] x509 = new byte[44];
            System.arraycopy(X509_PREFIX, 0, x509, 0, 12);
            System.arraycopy(raw, 0, x509, 12, 32);
            return new NoteVerifier(name, id, KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509)), v);
        } catch (GeneralSecurityException e) {
            throw new VerificationException("the verifier key is not a valid Ed25519 public key", e);
        }
    }

    public String name() {
        return name;
    }

    /**
     * Returns the note's text (including its final newline) if it carries a valid signature by this
     * key; throws {@link VerificationException} otherwise.
     */
    public String open(String note) {
        String text = text(note);
        String[] lines = note.substring(text.length() + 1, note.length() - 1).split("\n", -1);
        if (lines.length > MAX_SIGNATURES) {
            throw new VerificationException("the note carries too many signatures");
        }
        boolean verified = false;
        for (String line : lines) {
            String[] parts = line.split(" ", -1);
            if (parts.length != 3 || !parts[0].equals(DASH) || parts[1].isEmpty()) {
                throw new VerificationException("a signature line of the note is malformed");
            }
            byte[] blob;
            try {
                blob = Base64.getDecoder().decode(parts[2]);
            } catch (IllegalArgumentException e) {
                throw new VerificationException("a signature of the note is not base64");
            }
            if (blob.length < 5) {
                throw new VerificationException("a signature of the note is too short");
            }
            if (!parts[1].equals(name) || !MessageDigest.isEqual(Arrays.copyOf(blob, 4), keyId)) {
                continue;
            }
            if (blob.length != 68 || !valid(text, Arrays.copyOfRange(blob, 4, 68))) {
                throw new VerificationException("the signature by " + name + " does not match the note: it was altered or signed by another key");
            }
            verified = true;
        }
        if (!verified) {
            throw new VerificationException("the note carries no signature by " + name);
        }
        return text;
    }

    /** The text of a signed note (everything before its signature block), its signatures not checked. */
    public static String text(String note) {
        int split = note.lastIndexOf("\n\n");
        if (split < 0 || !note.endsWith("\n")) {
            throw new VerificationException("the note has no signature block");
        }
        return note.substring(0, split + 1);
    }

    private boolean valid(String text, byte[] sig) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(text.getBytes(StandardCharsets.UTF_8));
            return s.verify(sig);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    static byte[] keyId(String name, byte[] rawPublicKey) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        byte[] input = new byte[n.length + 2 + rawPublicKey.length];
        System.arraycopy(n, 0, input, 0, n.length);
        input[n.length] = 0x0A;
        input[n.length + 1] = ED25519;
        System.arraycopy(rawPublicKey, 0, input, n.length + 2, rawPublicKey.length);
        return Arrays.copyOf(Hashes.sha256(input), 4);
    }

    static void checkName(String name) {
        if (name.isEmpty() || name.contains("+") || name.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new IllegalArgumentException("a key name is non-empty, without spaces or '+'");
        }
    }
}
