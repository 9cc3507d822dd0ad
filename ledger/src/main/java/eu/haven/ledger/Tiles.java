package eu.haven.ledger;

import java.util.Arrays;

/** Hashing inside one tile. */
final class Tiles {
    private Tiles() {}

    /** Hash of the aligned power-of-two run of {@code count} hashes from {@code pos} in {@code hashes}. */
    static byte[] hashRange(byte[] hashes, int pos, int count) {
        byte[][] level = new byte[count][];
        for (int i = 0; i < count; i++) {
            int from = (pos + i) * Hashes.SIZE;
            level[i] = Arrays.copyOfRange(hashes, from, from + Hashes.SIZE);
        }
        for (int n = count; n > 1; n >>= 1) {
            for (int i = 0; i < n / 2; i++) {
                level[i] = Hashes.node(level[2 * i], level[2 * i + 1]);
            }
        }
        return level[0];
    }

    /** Every internal node of a full tile, level by level: 256 + 128 + ... + 1 hashes. */
    static byte[][][] expand(byte[] hashes) {
        byte[][][] levels = new byte[Tile.HEIGHT + 1][][];
        levels[0] = new byte[Tile.WIDTH][];
        for (int i = 0; i < Tile.WIDTH; i++) {
            levels[0][i] = Arrays.copyOfRange(hashes, i * Hashes.SIZE, (i + 1) * Hashes.SIZE);
        }
        for (int l = 1; l <= Tile.HEIGHT; l++) {
            byte[][] below = levels[l - 1];
            levels[l] = new byte[below.length / 2][];
            for (int i = 0; i < levels[l].length; i++) {
                levels[l][i] = Hashes.node(below[2 * i], below[2 * i + 1]);
            }
        }
        return levels;
    }
}
