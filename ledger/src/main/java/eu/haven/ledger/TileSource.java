package eu.haven.ledger;

import java.util.Optional;

/** Where full (never-changing) hash tiles are kept. */
@FunctionalInterface
public interface TileSource {
    /** The 256 hashes of the full tile, or empty if it is not stored. */
    Optional<byte[]> fullTile(int level, long index);
}
