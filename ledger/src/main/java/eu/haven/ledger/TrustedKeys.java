package eu.haven.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The keys a log's checkpoints may be signed with, each for a window of tree sizes, so that the
 * log's key can be rotated: the old key signs checkpoints up to the size at which it was retired,
 * the new one from that size on. Checkpoints carry no time, but a size says where in the log's
 * history a checkpoint stands, and a verifier can hold that against the log itself.
 *
 * <p>The file: one key a line, {@code <vkey> [from=<size>] [until=<size>]}, both bounds included;
 * empty lines and lines starting with {@code #} are ignored. Every key names the same log.
 */
public final class TrustedKeys {
    public record Key(String vkey, NoteVerifier verifier, long from, OptionalLong until) {
        boolean covers(long size) {
            return size >= from && (until.isEmpty() || size <= until.getAsLong());
        }

        String line() {
            return vkey + (from > 0 ? " from=" + from : "") + (until.isPresent() ? " until=" + until.getAsLong() : "");
        }
    }

    private final List<Key> keys;

    private TrustedKeys(List<Key> keys) {
        if (keys.isEmpty()) {
            throw new VerificationException("a trusted-keys file names no key");
        }
        String name = keys.get(0).verifier().name();
        for (Key k : keys) {
            if (!k.verifier().name().equals(name)) {
                throw new VerificationException("the trusted keys name two logs: " + name + " and " + k.verifier().name());
            }
            if (k.until().isPresent() && k.until().getAsLong() < k.from()) {
                throw new VerificationException("a trusted key's window ends before it begins");
            }
        }
        this.keys = List.copyOf(keys);
    }

    /** One key, for every size. */
    public static TrustedKeys only(String vkey) {
        return only(NoteVerifier.fromVkey(vkey));
    }

    public static TrustedKeys only(NoteVerifier key) {
        return new TrustedKeys(List.of(new Key(key.vkey(), key, 0, OptionalLong.empty())));
    }

    /** Keys that each sign every size (a witness told a log's keys before and after a rotation). */
    public static TrustedKeys anyOf(List<String> vkeys) {
        return new TrustedKeys(vkeys.stream().map(v -> new Key(v.strip(), NoteVerifier.fromVkey(v), 0, OptionalLong.empty())).toList());
    }

    public static TrustedKeys parse(String text) {
        List<Key> keys = new ArrayList<>();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+");
            long from = 0;
            OptionalLong until = OptionalLong.empty();
            for (int i = 1; i < parts.length; i++) {
                if (parts[i].startsWith("from=")) {
                    from = size(parts[i].substring(5));
                } else if (parts[i].startsWith("until=")) {
                    until = OptionalLong.of(size(parts[i].substring(6)));
                } else {
                    throw new VerificationException("a trusted-keys line has a word it does not know: " + parts[i]);
                }
            }
            keys.add(new Key(parts[0], NoteVerifier.fromVkey(parts[0]), from, until));
        }
        return new TrustedKeys(keys);
    }

    private static long size(String s) {
        try {
            long n = Long.parseLong(s);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new VerificationException("a trusted key's window is not a tree size: " + s);
        }
    }

    /** The log's name. */
    public String name() {
        return keys.get(0).verifier().name();
    }

    public List<Key> keys() {
        return keys;
    }

    /**
     * The keys after a rotation at tree size {@code at}: every key still open is closed at that
     * size, and the new key signs from it on.
     */
    public TrustedKeys rotated(String newVkey, long at) {
        List<Key> next = new ArrayList<>();
        for (Key k : keys) {
            next.add(k.until().isEmpty() ? new Key(k.vkey(), k.verifier(), k.from(), OptionalLong.of(at)) : k);
        }
        next.add(new Key(newVkey.strip(), NoteVerifier.fromVkey(newVkey), at, OptionalLong.empty()));
        return new TrustedKeys(next);
    }

    /** Whether the given key signs checkpoints of this size. */
    public boolean signs(String vkey, long size) {
        return keys.stream().anyMatch(k -> k.vkey().equals(vkey.strip()) && k.covers(size));
    }

    /**
     * Opens a signed checkpoint: it must name this log and carry a valid signature by a key whose
     * window holds its size.
     */
    public Checkpoint open(String signedNote) {
        Checkpoint unverified = Checkpoint.parse(NoteVerifier.text(signedNote));
        if (!unverified.origin().equals(name())) {
            throw new VerificationException("the checkpoint is for the log " + unverified.origin() + ", not " + name());
        }
        openNote(signedNote, unverified.size());
        return unverified;
    }

    /**
     * Opens a signed note that stands at the given tree size (an erasure record: the size of the
     * log that holds it): one of the keys for that size must have signed it.
     */
    public String openNote(String signedNote, long size) {
        Optional<VerificationException> last = Optional.empty();
        for (Key k : keys) {
            if (!k.covers(size)) {
                continue;
            }
            try {
                return k.verifier().open(signedNote);
            } catch (VerificationException e) {
                last = Optional.of(e);
            }
        }
        throw last.orElseGet(() -> new VerificationException("no trusted key of " + name() + " signs at tree size " + size));
    }

    public String text() {
        StringBuilder out = new StringBuilder("# The keys of the log " + name() + ", each with the tree sizes it signs (from, until: included).\n");
        keys.forEach(k -> out.append(k.line()).append('\n'));
        return out.toString();
    }
}
