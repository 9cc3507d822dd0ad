package eu.haven.core.audit;

import eu.haven.ledger.Checkpoint;
import eu.haven.ledger.EntryBundle;
import eu.haven.ledger.Hashes;
import eu.haven.ledger.NoteVerifier;
import eu.haven.ledger.Tile;
import eu.haven.ledger.TilePath;
import eu.haven.ledger.TreeEdge;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes the public files of the ledger (checkpoint, entry bundles, hash tiles) as of its latest
 * signed checkpoint, laid out as under {@code /ledger/}, so it can be verified offline. Reads only.
 */
public final class LedgerExport {

    /** Receives one file: its path relative to the ledger's base and its bytes. */
    @FunctionalInterface
    public interface Sink {
        void write(String path, byte[] content) throws IOException;
    }

    private LedgerExport() {}

    /** Exports and returns the size of the checkpoint exported. */
    public static long export(LedgerStore store, Sink sink) throws IOException {
        String note = store.latestCheckpoint().orElseThrow(() -> new IllegalStateException("the ledger has no signed checkpoint yet"));
        long size = Checkpoint.parse(NoteVerifier.text(note)).size();
        for (long t = 0; t * Tile.WIDTH < size; t++) {
            int width = (int) Math.min(Tile.WIDTH, size - t * Tile.WIDTH);
            sink.write(TilePath.entries(t, width), EntryBundle.encode(store.entries(t * Tile.WIDTH, width)));
        }
        for (int level = 0; (size >> (Tile.HEIGHT * level)) >= Tile.WIDTH; level++) {
            long full = (size >> (Tile.HEIGHT * level)) / Tile.WIDTH;
            for (long i = 0; i < full; i++) {
                int l = level;
                long index = i;
                sink.write(TilePath.hashes(level, i, Tile.WIDTH), store.fullTile(level, i).orElseThrow(() ->
                    new IllegalStateException("the stored tree lacks " + TilePath.hashes(l, index, Tile.WIDTH))));
            }
        }
        TreeEdge edge = store.edge(size);
        for (int level = 0; edge.partialHashes(level).length > 0; level++) {
            byte[] partial = edge.partialHashes(level);
            sink.write(TilePath.hashes(level, edge.partialIndex(level), partial.length / Hashes.SIZE), partial);
        }
        sink.write("checkpoint", note.getBytes(StandardCharsets.UTF_8));
        return size;
    }
}
