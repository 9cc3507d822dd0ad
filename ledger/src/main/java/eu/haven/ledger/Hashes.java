package eu.haven.ledger;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** RFC 6962 hashing: SHA-256 with 0x00 before a leaf and 0x01 before two children. */
public final class Hashes {
    public static final int SIZE = 32;
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(Hashes::newDigest);
    private static final byte[] EMPTY_ROOT = sha256(new byte[0]);

    private Hashes() {}

    public static byte[] sha256(byte[] data) {
        MessageDigest d = SHA256.get();
        d.reset();
        return d.digest(data);
    }

    /** The root of the empty tree, SHA-256 of nothing. */
    public static byte[] emptyRoot() {
        return EMPTY_ROOT.clone();
    }

    public static byte[] leaf(byte[] entry) {
        MessageDigest d = SHA256.get();
        d.reset();
        d.update((byte) 0);
        return d.digest(entry);
    }

    public static byte[] node(byte[] left, byte[] right) {
        MessageDigest d = SHA256.get();
        d.reset();
        d.update((byte) 1);
        d.update(left);
        return d.digest(right);
    }

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
