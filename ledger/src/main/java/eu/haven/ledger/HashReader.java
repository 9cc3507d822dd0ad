package eu.haven.ledger;

/**
 * Reads the hash of a complete subtree: {@code level} 0 is a leaf hash, and the node at
 * {@code level} L and {@code index} i covers the leaves {@code [i * 2^L, (i + 1) * 2^L)}.
 */
@FunctionalInterface
public interface HashReader {
    byte[] nodeHash(int level, long index);
}
