package eu.haven.ledger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A plain recursive RFC 6962 implementation over a list of leaves, as the reference to test against. */
final class MerkleTestTrees {
    private MerkleTestTrees() {}

    /** Leaf hashes of the RFC 6962 test entries (as in transparency-dev/merkle): entry i is bytes of i. */
    static List<byte[]> leaves(int n) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            leaves.add(Hashes.leaf(entry(i)));
        }
        return leaves;
    }

    static byte[] entry(int i) {
        return switch (i) {
            case 0 -> new byte[0];
            case 1 -> new byte[] {0x00};
            case 2 -> new byte[] {0x10};
            case 3 -> new byte[] {0x20, 0x21};
            case 4 -> new byte[] {0x30, 0x31};
            case 5 -> new byte[] {0x40, 0x41, 0x42, 0x43};
            case 6 -> new byte[] {0x50, 0x51, 0x52, 0x53, 0x54, 0x55, 0x56, 0x57};
            case 7 -> new byte[] {0x60, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x6b, 0x6c, 0x6d, 0x6e, 0x6f};
            default -> ("entry " + i).getBytes(StandardCharsets.UTF_8);
        };
    }

    static byte[] root(List<byte[]> leaves, int lo, int hi) {
        if (hi - lo == 0) {
            return Hashes.emptyRoot();
        }
        if (hi - lo == 1) {
            return leaves.get(lo);
        }
        int k = Integer.highestOneBit(hi - lo - 1);
        return Hashes.node(root(leaves, lo, lo + k), root(leaves, lo + k, hi));
    }

    static HashReader reader(List<byte[]> leaves) {
        return (level, index) -> root(leaves, (int) (index << level), (int) ((index + 1) << level));
    }
}
