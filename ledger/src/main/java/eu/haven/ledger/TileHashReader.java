package eu.haven.ledger;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads any complete-subtree hash of a tree from its edge and full tiles. A node {@code r} levels
 * above a tile level is hashed from at most {@code 2^r} tile hashes (r below 8); full tiles are
 * expanded once and kept in a bounded cache, so proofs at millions of entries rehash nothing.
 */
public final class TileHashReader implements HashReader {
    private final TreeEdge edge;
    private final TileSource source;
    private final Cache cache;

    public TileHashReader(TreeEdge edge, TileSource source, Cache cache) {
        this.edge = edge;
        this.source = source;
        this.cache = cache;
    }

    @Override
    public byte[] nodeHash(int level, long index) {
        int tileLevel = level / Tile.HEIGHT;
        int up = level % Tile.HEIGHT;
        long first = index << up;
        long tile = first >> Tile.HEIGHT;
        int pos = (int) (first & (Tile.WIDTH - 1));
        int count = 1 << up;
        long partialIndex = edge.partialIndex(tileLevel);
        if (tile == partialIndex) {
            byte[] partial = edge.partialRef(tileLevel);
            if ((pos + count) * Hashes.SIZE > partial.length) {
                throw new IllegalArgumentException("node " + level + "/" + index + " is not complete in a tree of " + edge.size());
            }
            return Tiles.hashRange(partial, pos, count);
        }
        if (tile > partialIndex) {
            throw new IllegalArgumentException("node " + level + "/" + index + " is beyond a tree of " + edge.size());
        }
        byte[][][] expanded = cache.expanded(tileLevel, tile, source);
        return expanded[up][pos >> up].clone();
    }

    /** Expanded full tiles, least recently used dropped first. Safe to share between threads. */
    public static final class Cache {
        private final Map<Long, byte[][][]> tiles;

        public Cache(int maxTiles) {
            this.tiles = new LinkedHashMap<>(16, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<Long, byte[][][]> eldest) {
                    return size() > maxTiles;
                }
            };
        }

        byte[][][] expanded(int level, long index, TileSource source) {
            long key = index * 64 + level;
            synchronized (tiles) {
                byte[][][] hit = tiles.get(key);
                if (hit != null) {
                    return hit;
                }
            }
            byte[] full = source.fullTile(level, index).orElseThrow(() ->
                new VerificationException("the stored tree lacks hash tile " + TilePath.hashes(level, index, Tile.WIDTH)));
            if (full.length != Tile.FULL_BYTES) {
                throw new VerificationException("stored hash tile " + TilePath.hashes(level, index, Tile.WIDTH) + " is not full");
            }
            byte[][][] expanded = Tiles.expand(Arrays.copyOf(full, full.length));
            synchronized (tiles) {
                tiles.put(key, expanded);
            }
            return expanded;
        }

        public void clear() {
            synchronized (tiles) {
                tiles.clear();
            }
        }
    }
}
