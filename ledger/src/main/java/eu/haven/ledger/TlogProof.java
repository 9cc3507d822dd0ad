package eu.haven.ledger;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * An offline-verifiable receipt per c2sp.org/tlog-proof@v1: optional extra data, the entry's index,
 * its inclusion proof and the signed checkpoint the proof leads to.
 */
public record TlogProof(Optional<byte[]> extra, long index, List<byte[]> proof, String checkpoint) {
    public static final String HEADER = "c2sp.org/tlog-proof@v1";

    public String format() {
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        extra.ifPresent(e -> b.append("extra ").append(Base64.getEncoder().encodeToString(e)).append('\n'));
        b.append("index ").append(index).append('\n');
        proof.forEach(h -> b.append(Base64.getEncoder().encodeToString(h)).append('\n'));
        return b.append('\n').append(checkpoint).toString();
    }

    public static TlogProof parse(String text) {
        String[] lines = text.split("\n", -1);
        int i = 0;
        if (lines.length < 4 || !lines[i++].equals(HEADER)) {
            throw new VerificationException("this is not a c2sp.org/tlog-proof@v1 file");
        }
        Optional<byte[]> extra = Optional.empty();
        if (lines[i].startsWith("extra ")) {
            extra = Optional.of(base64(lines[i++].substring(6), "extra data"));
        }
        if (!lines[i].matches("index (0|[1-9][0-9]{0,18})")) {
            throw new VerificationException("the proof's index line is missing or malformed");
        }
        long index = Long.parseLong(lines[i++].substring(6));
        List<byte[]> proof = new ArrayList<>();
        for (; i < lines.length && !lines[i].isEmpty(); i++) {
            byte[] h = base64(lines[i], "inclusion proof");
            if (h.length != Hashes.SIZE || proof.size() >= 64) {
                throw new VerificationException("the inclusion proof holds something that is not a SHA-256 hash");
            }
            proof.add(h);
        }
        if (i >= lines.length) {
            throw new VerificationException("the proof has no checkpoint");
        }
        String checkpoint = String.join("\n", java.util.Arrays.copyOfRange(lines, i + 1, lines.length));
        return new TlogProof(extra, index, proof, checkpoint);
    }

    /** Verifies the proof for the given entry against the log's key; returns the checkpoint it was checked against. */
    public Checkpoint verify(byte[] entry, NoteVerifier log) {
        return verify(entry, TrustedKeys.only(log));
    }

    /** Verifies the proof against the log's trusted keys (the one whose window holds the checkpoint's size). */
    public Checkpoint verify(byte[] entry, TrustedKeys log) {
        Checkpoint c = log.open(checkpoint);
        Merkle.verifyInclusion(index, c.size(), Hashes.leaf(entry), proof, c.root());
        return c;
    }

    private static byte[] base64(String s, String what) {
        try {
            return Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            throw new VerificationException("the proof's " + what + " is not base64");
        }
    }
}
