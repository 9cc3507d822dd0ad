package eu.haven.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The tiled tree agrees with a plain recursive RFC 6962 tree, whatever the batch sizes. */
class TiledTreeProperties {

    record Built(TreeEdge edge, Map<String, byte[]> tiles, List<byte[]> leaves) {
        TileSource source() {
            return (level, index) -> Optional.ofNullable(tiles.get(level + "/" + index));
        }

        HashReader reader() {
            return new TileHashReader(edge, source(), new TileHashReader.Cache(8));
        }
    }

    static Built build(int n, int batch) {
        List<byte[]> leaves = MerkleTestTrees.leaves(n);
        Map<String, byte[]> tiles = new HashMap<>();
        TreeEdge edge = TreeEdge.empty();
        for (int i = 0; i < n; i += batch) {
            TreeEdge.Appended a = edge.append(leaves.subList(i, Math.min(n, i + batch)));
            a.completedTiles().forEach(t -> assertThat(tiles.put(t.level() + "/" + t.index(), t.hashes())).isNull());
            edge = a.edge();
        }
        return new Built(edge, tiles, leaves);
    }

    @Property(tries = 200)
    void rootsAndProofsMatchTheReference(@ForAll @IntRange(min = 1, max = 2500) int n, @ForAll @IntRange(min = 1, max = 700) int batch,
                                         @ForAll @IntRange(min = 0, max = 1_000_000) int pick) {
        Built b = build(n, batch);
        assertThat(b.edge().size()).isEqualTo(n);
        byte[] root = MerkleTestTrees.root(b.leaves(), 0, n);
        assertThat(b.edge().root()).isEqualTo(root);
        assertThat(Merkle.rootHash(n, b.reader())).isEqualTo(root);

        int m = pick % n;
        List<byte[]> proof = Merkle.inclusionProof(m, n, b.reader());
        assertThat(proof).containsExactlyElementsOf(Merkle.inclusionProof(m, n, MerkleTestTrees.reader(b.leaves())));
        Merkle.verifyInclusion(m, n, b.leaves().get(m), proof, root);

        int size1 = 1 + pick % n;
        List<byte[]> consistency = Merkle.consistencyProof(size1, n, b.reader());
        Merkle.verifyConsistency(size1, n, consistency, MerkleTestTrees.root(b.leaves(), 0, size1), root);
        if (size1 < n) {
            assertThatThrownBy(() -> Merkle.verifyConsistency(size1, n, consistency, root, root))
                .isInstanceOf(VerificationException.class);
        }
    }

    @Example
    void restoringTheEdgeFromStoredTilesGivesTheSameTree() {
        Built b = build(70_000, 999);
        List<byte[]> trailing = b.leaves().subList(70_000 - 70_000 % 256, 70_000);
        TreeEdge restored = TreeEdge.restore(70_000, trailing, b.source());
        assertThat(restored.root()).isEqualTo(b.edge().root());
        for (int level = 0; level < 3; level++) {
            assertThat(restored.partialHashes(level)).isEqualTo(b.edge().partialHashes(level));
        }
        assertThat(b.tiles()).containsKey("1/0");
        HashReader r = new TileHashReader(restored, b.source(), new TileHashReader.Cache(4));
        List<byte[]> proof = Merkle.inclusionProof(12_345, 70_000, r);
        Merkle.verifyInclusion(12_345, 70_000, b.leaves().get(12_345), proof, restored.root());
        Merkle.verifyConsistency(65_536, 70_000, Merkle.consistencyProof(65_536, 70_000, r),
            MerkleTestTrees.root(b.leaves(), 0, 65_536), restored.root());
    }

    @Example
    void aWrongLeafOrIndexIsRefused() {
        Built b = build(300, 300);
        List<byte[]> proof = Merkle.inclusionProof(7, 300, b.reader());
        assertThatThrownBy(() -> Merkle.verifyInclusion(7, 300, b.leaves().get(8), proof, b.edge().root()))
            .isInstanceOf(VerificationException.class);
        assertThatThrownBy(() -> Merkle.verifyInclusion(6, 300, b.leaves().get(7), proof, b.edge().root()))
            .isInstanceOf(VerificationException.class);
    }
}
