package eu.haven.core.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The events this server appended last, in ledger order, kept for the one reader that follows the ledger as it grows
 * (the access watch) until it has taken them: it takes them from here instead of reading back and checking rows the
 * sequencer has just written.
 * Holds one unbroken run of indices ending at the newest event this server committed; emptied whenever the store may
 * hold something else (an erasure, a write that reported failure, other servers' rows), after which readers go to the
 * store until the run reaches back to what they ask.
 */
final class RecentEvents {
    private final LoggedEvent[] ring;
    /** The oldest index held, and one past the newest; equal when nothing is held. */
    private long start;
    private long end;

    RecentEvents(int capacity) {
        this.ring = new LoggedEvent[capacity];
    }

    synchronized void appended(List<SequencedEvent> batch) {
        for (SequencedEvent e : batch) {
            if (e.index() != end) {
                // A gap (rows this server did not append): only what follows it is known to be the ledger's next.
                release(end);
                start = e.index();
            }
            ring[slot(e.index())] = new LoggedEvent(e.index(), e.event());
            end = e.index() + 1;
            start = Math.max(start, end - ring.length);
        }
    }

    synchronized void clear() {
        release(end);
    }

    /**
     * The events after index {@code after}, at most {@code limit}, as {@link Ledger#after} gives them; empty when the run
     * held does not reach back to {@code after + 1} or ends before it. The events up to {@code after} are let go: the
     * one reader has them, and held longer they would outlive the young generation under load.
     */
    synchronized Optional<Ledger.Period> after(long after, int limit) {
        long from = after + 1;
        if (start == end || from < start || from > end) {
            return Optional.empty();
        }
        release(from);
        long to = Math.min(end, from + limit);
        List<LoggedEvent> events = new ArrayList<>((int) (to - from));
        for (long i = from; i < to; i++) {
            events.add(ring[slot(i)]);
        }
        return Optional.of(new Ledger.Period(List.copyOf(events), 0, to < end, to == from ? after : to - 1));
    }

    /** How many events are held. */
    synchronized int held() {
        return (int) (end - start);
    }

    /** Lets go of the events before {@code until}. */
    private void release(long until) {
        for (long i = start; i < until; i++) {
            ring[slot(i)] = null;
        }
        start = Math.max(start, until);
    }

    private int slot(long index) {
        return (int) Math.floorMod(index, (long) ring.length);
    }
}
