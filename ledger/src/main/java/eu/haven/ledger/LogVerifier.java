package eu.haven.ledger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Verifies a whole published log: the checkpoint's signature, every entry, every hash tile, the
 * root, and that the log still extends the checkpoint seen before (as a witness would check).
 */
public final class LogVerifier {
    private final LogSource source;
    private final TrustedKeys key;

    public LogVerifier(LogSource source, NoteVerifier key) {
        this(source, TrustedKeys.only(key));
    }

    /** Checks each checkpoint with the key whose window holds its size (a log whose key was rotated). */
    public LogVerifier(LogSource source, TrustedKeys keys) {
        this.source = source;
        this.key = keys;
    }

    /** What a successful verification established. */
    public record Result(Checkpoint checkpoint, String signedCheckpoint, Optional<Checkpoint> previous) {}

    /**
     * Verifies the log; {@code previous} is the signed checkpoint seen last time, if any. Throws
     * {@link VerificationException} with a plain explanation on the first failure found.
     */
    public Result verify(Optional<String> previous) throws IOException {
        String note = new String(source.fetch("checkpoint").orElseThrow(() ->
            new IOException("there is no ledger there: it serves no checkpoint")), StandardCharsets.UTF_8);
        Checkpoint head = key.open(note);
        Optional<Checkpoint> old = previous.map(key::open);
        if (old.isPresent() && old.get().size() > head.size()) {
            throw new VerificationException("the log shrank: it was " + old.get().size() + " entries when last checked, now its checkpoint says "
                + head.size() + ". Entries were removed or the log was rolled back.");
        }
        TreeEdge edge = TreeEdge.empty();
        long size = head.size();
        for (long tile = 0; tile * Tile.WIDTH < size; tile++) {
            int width = (int) Math.min(Tile.WIDTH, size - tile * Tile.WIDTH);
            String path = TilePath.entries(tile, width);
            List<byte[]> entries = EntryBundle.decode(fetch(path));
            if (entries.size() != width) {
                throw new VerificationException(path + " holds " + entries.size() + " entries where the checkpoint implies " + width);
            }
            List<byte[]> leaves = new ArrayList<>(width);
            entries.forEach(e -> leaves.add(Hashes.leaf(e)));
            long start = tile * Tile.WIDTH;
            if (old.isPresent() && old.get().size() > start && old.get().size() < start + width) {
                int cut = (int) (old.get().size() - start);
                edge = appendChecked(edge, leaves.subList(0, cut));
                checkOld(edge, old.get());
                edge = appendChecked(edge, leaves.subList(cut, width));
            } else {
                edge = appendChecked(edge, leaves);
            }
            if (old.isPresent() && edge.size() == old.get().size()) {
                checkOld(edge, old.get());
            }
        }
        if (old.isPresent() && old.get().size() == 0 && !MessageDigest.isEqual(old.get().root(), Hashes.emptyRoot())) {
            throw new VerificationException("the checkpoint seen before claims an empty tree with a non-empty root");
        }
        if (!MessageDigest.isEqual(edge.root(), head.root())) {
            throw new VerificationException("the entries do not hash to the root hash in the signed checkpoint: the log's entries were altered, "
                + "removed, reordered or inserted after signing");
        }
        for (int level = 0; edge.partialHashes(level).length > 0; level++) {
            byte[] partial = edge.partialHashes(level);
            String path = TilePath.hashes(level, edge.partialIndex(level), partial.length / Hashes.SIZE);
            if (!MessageDigest.isEqual(fetch(path), partial)) {
                throw new VerificationException("hash tile " + path + " does not match the entries");
            }
        }
        return new Result(head, note, old);
    }

    private TreeEdge appendChecked(TreeEdge edge, List<byte[]> leaves) throws IOException {
        TreeEdge.Appended a = edge.append(leaves);
        for (Tile t : a.completedTiles()) {
            String path = TilePath.hashes(t.level(), t.index(), Tile.WIDTH);
            if (!MessageDigest.isEqual(fetch(path), t.hashes())) {
                throw new VerificationException("hash tile " + path + " does not match the entries");
            }
        }
        return a.edge();
    }

    private static void checkOld(TreeEdge edge, Checkpoint old) {
        if (!MessageDigest.isEqual(edge.root(), old.root())) {
            throw new VerificationException("the log's first " + old.size() + " entries no longer hash to the root signed when it was last "
                + "checked: its history was rewritten");
        }
    }

    private byte[] fetch(String path) throws IOException {
        return source.fetch(path).orElseThrow(() -> new VerificationException("the log does not serve " + path));
    }
}
