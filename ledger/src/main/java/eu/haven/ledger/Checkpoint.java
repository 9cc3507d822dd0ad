package eu.haven.ledger;

import java.util.Base64;

/**
 * A tree head per c2sp.org/tlog-checkpoint: origin, size, root hash, each on its own line, then any extension lines
 * (each non-empty) that the log adds. Haven's own checkpoints have none; those of other logs, read by the verifier,
 * may.
 */
public record Checkpoint(String origin, long size, byte[] root, java.util.List<String> extensions) {

    public Checkpoint {
        NoteVerifier.checkName(origin);
        if (size < 0 || root.length != Hashes.SIZE) {
            throw new IllegalArgumentException("a checkpoint has a size of 0 or more and a 32-byte root");
        }
        root = root.clone();
        extensions = java.util.List.copyOf(extensions);
        for (String line : extensions) {
            if (line.isEmpty() || line.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("an extension line is one non-empty line");
            }
        }
    }

    /** A checkpoint without extension lines, as Haven writes them. */
    public Checkpoint(String origin, long size, byte[] root) {
        this(origin, size, root, java.util.List.of());
    }

    public String body() {
        StringBuilder b = new StringBuilder(origin).append('\n').append(size).append('\n')
            .append(Base64.getEncoder().encodeToString(root)).append('\n');
        extensions.forEach(line -> b.append(line).append('\n'));
        return b.toString();
    }

    @Override
    public byte[] root() {
        return root.clone();
    }

    /** Parses a checkpoint body (the verified text of a signed note). */
    public static Checkpoint parse(String body) {
        String[] lines = body.split("\n", -1);
        if (lines.length < 4 || !lines[lines.length - 1].isEmpty()) {
            throw new VerificationException("the checkpoint is not three lines (origin, size, root hash), each ended by a newline");
        }
        java.util.List<String> extensions = java.util.Arrays.asList(lines).subList(3, lines.length - 1);
        if (extensions.stream().anyMatch(String::isEmpty)) {
            throw new VerificationException("the checkpoint has an empty extension line");
        }
        if (!lines[1].matches("0|[1-9][0-9]{0,18}")) {
            throw new VerificationException("the checkpoint's tree size is not a decimal number");
        }
        byte[] root;
        try {
            root = Base64.getDecoder().decode(lines[2]);
        } catch (IllegalArgumentException e) {
            throw new VerificationException("the checkpoint's root hash is not base64");
        }
        if (root.length != Hashes.SIZE) {
            throw new VerificationException("the checkpoint's root hash is not 32 bytes");
        }
        try {
            return new Checkpoint(lines[0], Long.parseLong(lines[1]), root, extensions);
        } catch (IllegalArgumentException e) {
            throw new VerificationException("the checkpoint's origin or size is invalid");
        }
    }

    /** Opens a signed checkpoint with the log's verifier key and checks it names that log. */
    public static Checkpoint open(String signedNote, NoteVerifier verifier) {
        Checkpoint c = parse(verifier.open(signedNote));
        if (!c.origin().equals(verifier.name())) {
            throw new VerificationException("the checkpoint is for the log " + c.origin() + ", not " + verifier.name());
        }
        return c;
    }
}
