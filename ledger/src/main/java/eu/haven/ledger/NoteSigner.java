package eu.haven.ledger;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/** Signs notes per c2sp.org/signed-note with an Ed25519 key; the key name is the log's origin. */
public final class NoteSigner {
    private final String name;
    private final PrivateKey key;
    private final byte[] publicKey;
    private final byte[] keyId;

    public NoteSigner(String name, PrivateKey key, byte[] rawPublicKey) {
        NoteVerifier.checkName(name);
        if (rawPublicKey.length != 32) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes");
        }
        this.name = name;
        this.key = key;
        this.publicKey = rawPublicKey.clone();
        this.keyId = NoteVerifier.keyId(name, rawPublicKey);
    }

    /** A fresh key pair, encoded as PKCS#8 (private) and X.509 (public). */
    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is missing from this JDK", e);
        }
    }

    public static NoteSigner fromPkcs8(String name, byte[] pkcs8, byte[] x509Public) {
        try {
            PrivateKey k = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            return new NoteSigner(name, k, rawPublic(x509Public));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 private key", e);
        }
    }

    /** From a 32-byte Ed25519 seed and its public key (as in Go's {@code PRIVATE+KEY+...} strings). */
    public static NoteSigner fromSeed(String name, byte[] seed, byte[] rawPublicKey) {
        try {
            PrivateKey k = KeyFactory.getInstance("Ed25519")
                .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
            return new NoteSigner(name, k, rawPublicKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 seed", e);
        }
    }

    /** The 32 raw bytes of an X.509-encoded Ed25519 public key (its last 32 bytes). */
    public static byte[] rawPublic(byte[] x509) {
        if (x509.length != 44) {
            throw new IllegalArgumentException("not an X.509 Ed25519 public key");
        }
        return Arrays.copyOfRange(x509, 12, 44);
    }

    public static byte[] rawPublic(PublicKey key) {
        return rawPublic(key.getEncoded());
    }

    public String name() {
        return name;
    }

    /** The private key, for a cosigner made from the same key files. */
    PrivateKey privateKey() {
        return key;
    }

    /** The verifier key string {@code <name>+<key id hex>+<base64(0x01 || public key)>}. */
    public String vkey() {
        byte[] typed = new byte[33];
        typed[0] = NoteVerifier.ED25519;
        System.arraycopy(publicKey, 0, typed, 1, 32);
        return name + "+" + HexFormat.of().formatHex(keyId) + "+" + Base64.getEncoder().encodeToString(typed);
    }

    /** The signed note: the body (ending in a newline), an empty line, and this key's signature line. */
    public String sign(String body) {
        if (!body.endsWith("\n")) {
            throw new IllegalArgumentException("a note's text ends with a newline");
        }
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(key);
            s.update(body.getBytes(StandardCharsets.UTF_8));
            byte[] sig = s.sign();
            byte[] blob = new byte[4 + sig.length];
            System.arraycopy(keyId, 0, blob, 0, 4);
            System.arraycopy(sig, 0, blob, 4, sig.length);
            return body + "\n" + NoteVerifier.DASH + " " + name + " " + Base64.getEncoder().encodeToString(blob) + "\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }
}
