package eu.haven.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LogVerifierTest {
    private final KeyPair kp = NoteSigner.generate();
    private final NoteSigner signer = new NoteSigner("log.example/test", kp.getPrivate(), NoteSigner.rawPublic(kp.getPublic()));
    private final NoteVerifier key = NoteVerifier.fromVkey(signer.vkey());

    /** Publishes a log of the given entries the way a server lays it out. */
    private Map<String, byte[]> publish(List<byte[]> entries) {
        Map<String, byte[]> files = new HashMap<>();
        TreeEdge edge = TreeEdge.empty();
        for (int t = 0; t * 256 < entries.size(); t++) {
            List<byte[]> chunk = entries.subList(t * 256, Math.min(entries.size(), t * 256 + 256));
            files.put(TilePath.entries(t, chunk.size()), EntryBundle.encode(chunk));
            TreeEdge.Appended a = edge.append(chunk.stream().map(Hashes::leaf).toList());
            a.completedTiles().forEach(tile -> files.put(TilePath.hashes(tile.level(), tile.index(), 256), tile.hashes()));
            edge = a.edge();
        }
        for (int l = 0; edge.partialHashes(l).length > 0; l++) {
            files.put(TilePath.hashes(l, edge.partialIndex(l), edge.partialHashes(l).length / 32), edge.partialHashes(l));
        }
        files.put("checkpoint", signer.sign(new Checkpoint("log.example/test", entries.size(), edge.root()).body()).getBytes(StandardCharsets.UTF_8));
        return files;
    }

    private static List<byte[]> entries(int n, String tag) {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add((tag + i).getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    private LogVerifier.Result verify(Map<String, byte[]> files, Optional<String> previous) throws Exception {
        return new LogVerifier(p -> Optional.ofNullable(files.get(p)), key).verify(previous);
    }

    @Test
    void acceptsAnHonestLogThatGrew() throws Exception {
        List<byte[]> all = entries(700, "e");
        LogVerifier.Result first = verify(publish(all.subList(0, 300)), Optional.empty());
        LogVerifier.Result second = verify(publish(all), Optional.of(first.signedCheckpoint()));
        assertThat(second.checkpoint().size()).isEqualTo(700);
        assertThat(second.previous()).hasValueSatisfying(p -> assertThat(p.size()).isEqualTo(300));
    }

    @Test
    void detectsAlteredEntriesTilesAndRewrittenHistory() throws Exception {
        List<byte[]> all = entries(700, "e");
        Map<String, byte[]> honest = publish(all);

        Map<String, byte[]> altered = new HashMap<>(honest);
        List<byte[]> changed = new ArrayList<>(EntryBundle.decode(honest.get("tile/entries/001")));
        changed.set(3, "forged".getBytes(StandardCharsets.UTF_8));
        altered.put("tile/entries/001", EntryBundle.encode(changed));
        assertThatThrownBy(() -> verify(altered, Optional.empty())).isInstanceOf(VerificationException.class);

        Map<String, byte[]> badTile = new HashMap<>(honest);
        byte[] t = badTile.get("tile/0/000").clone();
        t[5] ^= 1;
        badTile.put("tile/0/000", t);
        assertThatThrownBy(() -> verify(badTile, Optional.empty())).hasMessageContaining("tile/0/000");

        String seen = verify(honest, Optional.empty()).signedCheckpoint();
        List<byte[]> rewritten = entries(800, "f");
        assertThatThrownBy(() -> verify(publish(rewritten), Optional.of(seen))).hasMessageContaining("history was rewritten");
        assertThatThrownBy(() -> verify(publish(all.subList(0, 500)), Optional.of(seen))).hasMessageContaining("shrank");

        Map<String, byte[]> missing = new HashMap<>(honest);
        missing.remove("tile/entries/002.p/188");
        assertThatThrownBy(() -> verify(missing, Optional.empty())).hasMessageContaining("does not serve");
    }
}
