package eu.haven.ledger;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A witness's Ed25519 cosigning key (c2sp.org/tlog-cosignature, version 1): it signs
 * {@code "cosignature/v1\ntime <seconds>\n"} followed by a checkpoint's note body, and writes the
 * note signature line {@code — <name> base64(key ID || u64 timestamp || signature)}. The key ID is
 * {@code SHA-256(name || "\n" || 0x04 || public key)[:4]}.
 */
public final class Cosigner {
    /** The signature type of an Ed25519 cosignature in key IDs and vkeys. */
    public static final byte ED25519_COSIGNATURE = 0x04;
    private final String name;
    private final PrivateKey key;
    private final byte[] publicKey;
    private final byte[] keyId;

    public Cosigner(String name, PrivateKey key, byte[] rawPublicKey) {
        if (name.isEmpty() || name.contains(" ") || name.contains("\n") || name.contains("+")) {
            throw new IllegalArgumentException("a cosigner's name is a URL without spaces or '+'");
        }
        this.name = name;
        this.key = key;
        this.publicKey = rawPublicKey.clone();
        this.keyId = keyId(name, rawPublicKey);
    }

    /** From a PKCS#8 private key and its X.509 public key, as {@link NoteSigner#generate()} makes them. */
    public static Cosigner fromPkcs8(String name, byte[] pkcs8, byte[] x509Public) {
        NoteSigner signer = NoteSigner.fromPkcs8(name, pkcs8, x509Public);
        return new Cosigner(name, signer.privateKey(), NoteSigner.rawPublic(x509Public));
    }

    public static byte[] keyId(String name, byte[] rawPublicKey) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((name + "\n").getBytes(StandardCharsets.UTF_8));
            sha.update(ED25519_COSIGNATURE);
            sha.update(rawPublicKey);
            byte[] id = new byte[4];
            System.arraycopy(sha.digest(), 0, id, 0, 4);
            return id;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** The message a version 1 cosignature signs: the header and time lines, then the checkpoint's note body. */
    public static String message(String checkpointBody, long timestamp) {
        if (!checkpointBody.endsWith("\n") || timestamp < 0) {
            throw new IllegalArgumentException("a checkpoint body ends with a newline; a timestamp is not negative");
        }
        return "cosignature/v1\ntime " + timestamp + "\n" + checkpointBody;
    }

    public String name() {
        return name;
    }

    /** The verifier key {@code <name>+<key id hex>+<base64(0x04 || public key)>}. */
    public String vkey() {
        byte[] typed = new byte[33];
        typed[0] = ED25519_COSIGNATURE;
        System.arraycopy(publicKey, 0, typed, 1, 32);
        return name + "+" + HexFormat.of().formatHex(keyId) + "+" + Base64.getEncoder().encodeToString(typed);
    }

    /** The cosignature line (with its final newline) over a checkpoint's note body, at {@code timestamp} (POSIX seconds). */
    public String cosign(String checkpointBody, long timestamp) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(key);
            s.update(message(checkpointBody, timestamp).getBytes(StandardCharsets.UTF_8));
            byte[] sig = s.sign();
            ByteBuffer blob = ByteBuffer.allocate(4 + 8 + sig.length);
            blob.put(keyId).putLong(timestamp).put(sig);
            return NoteVerifier.DASH + " " + name + " " + Base64.getEncoder().encodeToString(blob.array()) + "\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }
}
