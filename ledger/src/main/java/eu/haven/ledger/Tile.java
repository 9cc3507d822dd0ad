package eu.haven.ledger;

/**
 * A hash tile of c2sp.org/tlog-tiles: up to 256 consecutive hashes of tree level {@code 8 * level},
 * starting at node {@code 256 * index}. A tile with 256 hashes is full and never changes.
 */
public record Tile(int level, long index, byte[] hashes) {
    public static final int HEIGHT = 8;
    public static final int WIDTH = 1 << HEIGHT;
    public static final int FULL_BYTES = WIDTH * Hashes.SIZE;

    public Tile {
        if (hashes.length == 0 || hashes.length > FULL_BYTES || hashes.length % Hashes.SIZE != 0) {
            throw new IllegalArgumentException("a tile holds 1 to 256 hashes");
        }
    }

    public int width() {
        return hashes.length / Hashes.SIZE;
    }

    public boolean full() {
        return width() == WIDTH;
    }

    public byte[] hash(int position) {
        byte[] h = new byte[Hashes.SIZE];
        System.arraycopy(hashes, position * Hashes.SIZE, h, 0, Hashes.SIZE);
        return h;
    }

    /** The first {@code w} hashes of this tile (its earlier, partial form). */
    public byte[] prefix(int w) {
        byte[] p = new byte[w * Hashes.SIZE];
        System.arraycopy(hashes, 0, p, 0, p.length);
        return p;
    }

    /** The hash of the subtree over all 256 hashes of a full tile: one node {@value #HEIGHT} levels up. */
    public byte[] rootHash() {
        if (!full()) {
            throw new IllegalStateException("only a full tile has a root");
        }
        return Tiles.hashRange(hashes, 0, WIDTH);
    }
}
