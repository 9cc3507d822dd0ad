package eu.haven.core.audit;

import eu.haven.event.AccessEvent;
import eu.haven.event.EventCommitment;
import eu.haven.ledger.NoteSigner;
import eu.haven.ledger.NoteVerifier;
import eu.haven.ledger.TrustedKeys;
import eu.haven.ledger.VerificationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The ledger's record of an erasure: an event naming nobody whose {@code erasure} field is a note,
 * signed with the ledger's key, listing the indices whose openings the erasure blanks. Being in the
 * log, it is counted and fixed like any event; being signed, it cannot be made up by someone who
 * can write to the database but does not hold the key. The audit accepts a blank opening only
 * where such a record, later in the log, lists it. docs/LEDGER.md describes the format.
 */
public final class ErasureRecord {
    public static final String ACTION = "erase-openings";
    public static final String ROLE = "system";
    public static final String PURPOSE = "https://w3id.org/dpv#RightsFulfilment";
    static final String HEADER = "haven.erasure/v1";
    /** Ranges per record, so that a note stays well inside its column. */
    static final int MAX_RANGES = 2000;

    /** Indices {@code first} to {@code last}, both included. */
    public record Range(long first, long last) {}

    private ErasureRecord() {}

    /** The erasure records (one per {@link #MAX_RANGES} ranges) covering the given indices, in ascending order. */
    public static List<AccessEvent> covering(List<Long> ascending, NoteSigner signer, Instant at) {
        List<Range> ranges = ranges(ascending);
        List<AccessEvent> records = new ArrayList<>();
        for (int from = 0; from < ranges.size(); from += MAX_RANGES) {
            UUID id = UUID.randomUUID();
            String note = signer.sign(body(signer.name(), id, ranges.subList(from, Math.min(ranges.size(), from + MAX_RANGES))));
            records.add(new AccessEvent(id, EventCommitment.committedTime(at), Optional.empty(), Optional.empty(), Optional.of(ROLE), ACTION, PURPOSE,
                Optional.empty(), Set.of(), true, Optional.empty(), Optional.empty(), Optional.of(note)));
        }
        return records;
    }

    /**
     * The ranges an erasure record at {@code index} covers, once its note is verified with the
     * ledger's key and found to name this very record; throws {@link VerificationException} otherwise.
     */
    public static List<Range> open(AccessEvent record, long index, NoteVerifier key) {
        return open(record, index, TrustedKeys.only(key));
    }

    /** As above, with the key that signed at the record's place in the log (the log's key may have been rotated since). */
    public static List<Range> open(AccessEvent record, long index, TrustedKeys key) {
        String note = record.erasure().orElseThrow(() -> new VerificationException("the event is not an erasure record"));
        String[] lines = key.openNote(note, index + 1).split("\n", -1);
        if (lines.length != 5 || !lines[0].equals(HEADER) || !lines[1].equals("origin " + key.name())
            || !lines[2].equals("record " + record.id()) || !lines[3].startsWith("blanks ") || !lines[4].isEmpty()
            || record.personId().isPresent() || !ACTION.equals(record.action())) {
            throw new VerificationException("the erasure record's note is not one of this ledger's erasures for this record");
        }
        List<Range> ranges = new ArrayList<>();
        long next = 0;
        for (String part : lines[3].substring("blanks ".length()).split(",", -1)) {
            Range r = range(part);
            if (r.first() < next || r.last() < r.first() || r.last() >= index) {
                throw new VerificationException("the erasure record's ranges are out of order or reach past the record itself");
            }
            ranges.add(r);
            next = r.last() + 1;
        }
        return ranges;
    }

    static String body(String origin, UUID id, List<Range> ranges) {
        StringBuilder b = new StringBuilder(HEADER).append('\n').append("origin ").append(origin).append('\n')
            .append("record ").append(id).append('\n').append("blanks ");
        for (int i = 0; i < ranges.size(); i++) {
            Range r = ranges.get(i);
            b.append(i == 0 ? "" : ",").append(r.first());
            if (r.last() != r.first()) {
                b.append('-').append(r.last());
            }
        }
        return b.append('\n').toString();
    }

    static List<Range> ranges(List<Long> ascending) {
        List<Range> out = new ArrayList<>();
        for (long i : ascending) {
            Range last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && i <= last.last()) {
                throw new IllegalArgumentException("indices must ascend");
            }
            if (last != null && i == last.last() + 1) {
                out.set(out.size() - 1, new Range(last.first(), i));
            } else {
                out.add(new Range(i, i));
            }
        }
        return out;
    }

    private static Range range(String part) {
        try {
            int dash = part.indexOf('-');
            return dash < 0 ? new Range(Long.parseLong(part), Long.parseLong(part))
                : new Range(Long.parseLong(part.substring(0, dash)), Long.parseLong(part.substring(dash + 1)));
        } catch (NumberFormatException e) {
            throw new VerificationException("the erasure record lists an index that is not a number");
        }
    }
}
