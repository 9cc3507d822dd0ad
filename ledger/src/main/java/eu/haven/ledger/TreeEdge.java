package eu.haven.ledger;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The right edge of a tiled tree: its size and the partial tile of every tile level. Together
 * with the full tiles (kept elsewhere) it determines every hash of the tree. Immutable: appending
 * returns a new edge and the full tiles the append completed, so a caller can store those first
 * and adopt the new edge only once they are durable.
 */
public final class TreeEdge {
    private final long size;
    private final byte[][] partials;

    private TreeEdge(long size, byte[][] partials) {
        this.size = size;
        this.partials = partials;
    }

    public static TreeEdge empty() {
        return new TreeEdge(0, new byte[0][]);
    }

    /**
     * Rebuilds the edge of a tree of {@code size} leaves from its stored full tiles and the leaf hashes
     * after the last full level-0 tile ({@code size % 256} of them).
     */
    public static TreeEdge restore(long size, List<byte[]> trailingLeafHashes, TileSource tiles) {
        if (trailingLeafHashes.size() != size % Tile.WIDTH) {
            throw new IllegalArgumentException("need the last " + size % Tile.WIDTH + " leaf hashes");
        }
        List<byte[]> partials = new ArrayList<>();
        partials.add(concat(trailingLeafHashes));
        for (int level = 1; (size >> (Tile.HEIGHT * level)) > 0; level++) {
            long nodes = size >> (Tile.HEIGHT * level);
            long firstTileBelow = (nodes - nodes % Tile.WIDTH);
            ByteArrayOutputStream part = new ByteArrayOutputStream();
            for (long t = firstTileBelow; t < nodes; t++) {
                int below = level - 1;
                long tile = t;
                byte[] full = tiles.fullTile(below, tile).orElseThrow(() ->
                    new VerificationException("the stored tree lacks hash tile " + TilePath.hashes(below, tile, Tile.WIDTH)));
                part.writeBytes(new Tile(below, tile, full).rootHash());
            }
            partials.add(part.toByteArray());
        }
        return new TreeEdge(size, partials.toArray(new byte[0][]));
    }

    public long size() {
        return size;
    }

    /**
     * The root hash of the tree. Every maximal complete subtree on the right edge lies in a partial
     * tile, so no stored tile is needed.
     */
    public byte[] root() {
        return Merkle.rootHash(size, new TileHashReader(this, (l, i) -> java.util.Optional.empty(), new TileHashReader.Cache(1)));
    }

    /** Appends leaf hashes; the result holds the new edge and the full tiles that were completed, in order. */
    public Appended append(List<byte[]> leafHashes) {
        int maxLevels = 64 / Tile.HEIGHT;
        byte[][] buffers = new byte[maxLevels][];
        int[] lengths = new int[maxLevels];
        int levels = partials.length;
        for (int l = 0; l < partials.length; l++) {
            buffers[l] = Arrays.copyOf(partials[l], Tile.FULL_BYTES);
            lengths[l] = partials[l].length;
        }
        List<Tile> completed = new ArrayList<>();
        long n = size;
        for (byte[] leaf : leafHashes) {
            n++;
            byte[] carry = leaf;
            for (int level = 0; carry != null; level++) {
                if (buffers[level] == null) {
                    buffers[level] = new byte[Tile.FULL_BYTES];
                    levels = level + 1;
                }
                System.arraycopy(carry, 0, buffers[level], lengths[level], Hashes.SIZE);
                lengths[level] += Hashes.SIZE;
                carry = null;
                if (lengths[level] == Tile.FULL_BYTES) {
                    Tile full = new Tile(level, (n >> (Tile.HEIGHT * level)) / Tile.WIDTH - 1, buffers[level].clone());
                    completed.add(full);
                    carry = full.rootHash();
                    lengths[level] = 0;
                }
            }
        }
        byte[][] next = new byte[levels][];
        for (int l = 0; l < levels; l++) {
            next[l] = Arrays.copyOf(buffers[l], lengths[l]);
        }
        return new Appended(new TreeEdge(n, next), completed);
    }

    /** The partial tile at {@code level}: its index and hashes (possibly none). */
    public long partialIndex(int level) {
        return (size >> (Tile.HEIGHT * level)) / Tile.WIDTH;
    }

    public byte[] partialHashes(int level) {
        return level < partials.length ? partials[level].clone() : new byte[0];
    }

    byte[] partialRef(int level) {
        return level < partials.length ? partials[level] : new byte[0];
    }

    private static byte[] concat(List<byte[]> hashes) {
        byte[] out = new byte[hashes.size() * Hashes.SIZE];
        for (int i = 0; i < hashes.size(); i++) {
            System.arraycopy(hashes.get(i), 0, out, i * Hashes.SIZE, Hashes.SIZE);
        }
        return out;
    }

    public record Appended(TreeEdge edge, List<Tile> completedTiles) {}
}
