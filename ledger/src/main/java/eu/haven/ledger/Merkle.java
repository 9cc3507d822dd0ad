package eu.haven.ledger;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 6962 / RFC 9162 tree arithmetic: roots, inclusion and consistency proofs, generated from a
 * {@link HashReader} of complete subtrees and verified from the proof alone.
 */
public final class Merkle {
    private Merkle() {}

    /** The largest power of two smaller than {@code n} (n at least 2). */
    static long split(long n) {
        return Long.highestOneBit(n - 1);
    }

    public static byte[] rootHash(long size, HashReader reader) {
        if (size < 0) {
            throw new IllegalArgumentException("negative tree size");
        }
        return size == 0 ? Hashes.emptyRoot() : subtreeHash(0, size, reader);
    }

    /** Hash of the leaves {@code [lo, hi)}, where {@code lo} is a multiple of the split size, as in the RFC's recursion. */
    static byte[] subtreeHash(long lo, long hi, HashReader reader) {
        long n = hi - lo;
        if (Long.bitCount(n) == 1 && lo % n == 0) {
            return reader.nodeHash(Long.numberOfTrailingZeros(n), lo / n);
        }
        long k = split(n);
        return Hashes.node(subtreeHash(lo, lo + k, reader), subtreeHash(lo + k, hi, reader));
    }

    /** The audit path for leaf {@code index} in the tree of {@code size} leaves, from the leaf's sibling upwards. */
    public static List<byte[]> inclusionProof(long index, long size, HashReader reader) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("index " + index + " is outside a tree of " + size);
        }
        List<byte[]> proof = new ArrayList<>();
        path(index, 0, size, reader, proof);
        return proof;
    }

    private static void path(long m, long lo, long hi, HashReader reader, List<byte[]> out) {
        long n = hi - lo;
        if (n == 1) {
            return;
        }
        long k = split(n);
        if (m < k) {
            path(m, lo, lo + k, reader, out);
            out.add(subtreeHash(lo + k, hi, reader));
        } else {
            path(m - k, lo + k, hi, reader, out);
            out.add(subtreeHash(lo, lo + k, reader));
        }
    }

    /** The consistency proof between the trees of {@code size1} and {@code size2} leaves (0 < size1 <= size2). */
    public static List<byte[]> consistencyProof(long size1, long size2, HashReader reader) {
        if (size1 < 0 || size1 > size2) {
            throw new IllegalArgumentException("sizes " + size1 + " and " + size2 + " are out of order");
        }
        List<byte[]> proof = new ArrayList<>();
        if (size1 > 0 && size1 < size2) {
            subproof(size1, 0, size2, true, reader, proof);
        }
        return proof;
    }

    private static void subproof(long m, long lo, long hi, boolean complete, HashReader reader, List<byte[]> out) {
        long n = hi - lo;
        if (m == n) {
            if (!complete) {
                out.add(subtreeHash(lo, hi, reader));
            }
            return;
        }
        long k = split(n);
        if (m <= k) {
            subproof(m, lo, lo + k, complete, reader, out);
            out.add(subtreeHash(lo + k, hi, reader));
        } else {
            subproof(m - k, lo + k, hi, false, reader, out);
            out.add(subtreeHash(lo, lo + k, reader));
        }
    }

    /** RFC 9162 section 2.1.3.2; throws {@link VerificationException} unless the proof holds. */
    public static void verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
        requireHash(leafHash, "leaf hash");
        requireHash(root, "root hash");
        if (index < 0 || index >= size) {
            throw new VerificationException("entry " + index + " is not inside a tree of " + size + " entries");
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            requireHash(p, "proof hash");
            if (sn == 0) {
                throw new VerificationException("the inclusion proof is longer than the tree is deep");
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = Hashes.node(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = Hashes.node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) {
            throw new VerificationException("the inclusion proof is shorter than the tree is deep");
        }
        if (!MessageDigest.isEqual(r, root)) {
            throw new VerificationException("the inclusion proof does not lead to the signed root hash");
        }
    }

    /** RFC 9162 section 2.1.4.2; throws {@link VerificationException} unless tree 2 extends tree 1. */
    public static void verifyConsistency(long size1, long size2, List<byte[]> proof, byte[] root1, byte[] root2) {
        if (size1 < 0 || size2 < size1) {
            throw new VerificationException("the log shrank from " + size1 + " to " + size2 + " entries");
        }
        if (size1 == 0) {
            throw new VerificationException("a consistency proof from the empty tree proves nothing");
        }
        if (size1 == size2) {
            if (!proof.isEmpty()) {
                throw new VerificationException("trees of the same size need an empty consistency proof");
            }
            if (!MessageDigest.isEqual(root1, root2)) {
                throw new VerificationException("two different root hashes for the same tree size " + size1);
            }
            return;
        }
        requireHash(root1, "first root hash");
        requireHash(root2, "second root hash");
        if (proof.isEmpty()) {
            throw new VerificationException("the consistency proof is empty");
        }
        List<byte[]> path = new ArrayList<>();
        if (Long.bitCount(size1) == 1) {
            path.add(root1);
        }
        for (byte[] p : proof) {
            requireHash(p, "proof hash");
            path.add(p);
        }
        long fn = size1 - 1;
        long sn = size2 - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                throw new VerificationException("the consistency proof is longer than the tree is deep");
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = Hashes.node(c, fr);
                sr = Hashes.node(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = Hashes.node(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) {
            throw new VerificationException("the consistency proof is shorter than the tree is deep");
        }
        if (!MessageDigest.isEqual(fr, root1)) {
            throw new VerificationException("the log's history was rewritten: the older root hash no longer matches");
        }
        if (!MessageDigest.isEqual(sr, root2)) {
            throw new VerificationException("the consistency proof does not lead to the newer root hash");
        }
    }

    private static void requireHash(byte[] h, String what) {
        if (h == null || h.length != Hashes.SIZE) {
            throw new VerificationException("the " + what + " is not a 32-byte SHA-256 hash");
        }
    }
}
