package eu.haven.core.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The newest events of people whose history was read lately, verified when read from the store and kept in step
 * with the sequencer: every durable append naming such a person is added before the appender hears it is durable,
 * so a person reading their timeline right after an access sees it. Reading a person's newest rows races with
 * appends for them; a tail being loaded collects the appends that arrive meanwhile and merges them, so none is
 * lost whether the store's read saw it or not. Appends by other servers sharing the database are added when this
 * server's sequencer catches up with them, before its tree grows past them.
 */
final class HistoryTails {
    private final int keep;
    private final int people;
    private final Map<UUID, Tail> tails;

    private static final class Tail {
        /** Newest first. */
        private List<LoggedEvent> events = List.of();
        /** Every event naming the person is here (they have no more than {@code keep}). */
        private boolean complete;
        private boolean loaded;
        private final List<LoggedEvent> arrived = new ArrayList<>();
    }

    /** What a caller gets when it must read the store: fill the tail with it afterwards. */
    record Loading(UUID personId, Object tail) {}

    /** {@code keep} events each, for at most {@code people} people (least recently read first out). */
    HistoryTails(int keep, int people) {
        this.keep = keep;
        this.people = people;
        this.tails = new LinkedHashMap<>(Math.max(16, people / 4), 0.75f, true);
    }

    int keep() {
        return keep;
    }

    /** The newest {@code limit} events and whether older ones exist, if the tail is loaded and holds that many. */
    synchronized Optional<Newest> newest(UUID personId, int limit) {
        Tail t = tails.get(personId);
        if (t == null || !t.loaded || limit > keep) {
            return Optional.empty();
        }
        if (t.events.size() < limit && !t.complete) {
            return Optional.empty();
        }
        List<LoggedEvent> page = t.events.subList(0, Math.min(limit, t.events.size()));
        return Optional.of(new Newest(List.copyOf(page), t.events.size() > limit || !t.complete));
    }

    record Newest(List<LoggedEvent> events, boolean older) {}

    /** Before reading the person's newest rows from the store: appends from now on are collected for this tail. */
    synchronized Loading begin(UUID personId) {
        Tail t = new Tail();
        tails.put(personId, t);
        while (tails.size() > people) {
            UUID eldest = tails.keySet().iterator().next();
            tails.remove(eldest);
        }
        return new Loading(personId, t);
    }

    /**
     * Fills the tail begun with {@code loading} with what the store held (newest first, every one verified);
     * {@code complete} when the store holds no older event of the person.
     */
    synchronized void fill(Loading loading, List<LoggedEvent> read, boolean complete) {
        Tail t = tails.get(loading.personId());
        if (t != loading.tail()) {
            return;
        }
        List<LoggedEvent> merged = new ArrayList<>(read);
        Set<Long> seen = new HashSet<>();
        read.forEach(e -> seen.add(e.index()));
        t.arrived.stream().filter(e -> seen.add(e.index())).forEach(merged::add);
        merged.sort(Comparator.comparingLong(LoggedEvent::index).reversed());
        boolean trimmed = merged.size() > keep;
        t.events = List.copyOf(trimmed ? merged.subList(0, keep) : merged);
        t.complete = complete && !trimmed;
        t.loaded = true;
        t.arrived.clear();
    }

    /** Forgets the person's tail (a read that found an altered row, an erasure). */
    synchronized void drop(UUID personId) {
        tails.remove(personId);
    }

    /** Forgets every tail: another server erased someone, or appended a row that does not verify. */
    synchronized void clear() {
        tails.clear();
    }

    /** Called by the sequencer once a batch is durable, before the appenders are told. */
    synchronized void appended(List<SequencedEvent> batch) {
        if (tails.isEmpty()) {
            return;
        }
        for (SequencedEvent e : batch) {
            Optional<UUID> person = e.event().personId();
            if (person.isEmpty()) {
                continue;
            }
            Tail t = tails.get(person.get());
            if (t == null) {
                continue;
            }
            LoggedEvent logged = new LoggedEvent(e.index(), e.event());
            if (!t.loaded) {
                t.arrived.add(logged);
                continue;
            }
            if (!t.events.isEmpty() && t.events.get(0).index() >= e.index()) {
                // Read from the store already: another server appended it before this one's tree caught up.
                continue;
            }
            List<LoggedEvent> grown = new ArrayList<>(Math.min(keep, t.events.size() + 1));
            grown.add(logged);
            grown.addAll(t.events.subList(0, Math.min(t.events.size(), keep - 1)));
            if (t.events.size() >= keep) {
                t.complete = false;
            }
            t.events = List.copyOf(grown);
        }
    }
}
