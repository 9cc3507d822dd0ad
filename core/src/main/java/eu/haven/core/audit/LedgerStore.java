package eu.haven.core.audit;

import eu.haven.ledger.Hashes;
import eu.haven.ledger.Tile;
import eu.haven.ledger.TileSource;
import eu.haven.ledger.TreeEdge;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where the ledger keeps its events (the private store, with salts), its public entries, its full
 * hash tiles and its signed checkpoints.
 */
public interface LedgerStore extends TileSource {

    /** Number of events and one more than the highest index: equal when the indices are dense. */
    record Extent(long count, long end) {}

    Extent extent();

    /**
     * How many events have an index of {@code from} or more ({@code count}), and the end; the start-up audit after a
     * whole audit counts only these (a count of every row took seconds at ten million).
     */
    default Extent extentFrom(long from) {
        Extent all = extent();
        return new Extent(all.count() - from, all.end());
    }

    /** Stores the events and the tiles they completed in one transaction, durably, or throws. */
    void append(List<SequencedEvent> events, List<Tile> completedTiles);

    /** A batch's events, numbered from the log's end, and the tiles they complete. */
    record Batch(List<SequencedEvent> events, List<Tile> completedTiles) {}

    /** Makes a batch once the store has said where the log ends and what was appended since {@code known}. */
    interface Planner {
        /** {@code missed}: the rows from {@code known} to {@code end}, appended by another server, in index order. */
        Batch plan(long end, List<StoredEvent> missed);
    }

    /**
     * Appends one batch, serialised with every other writer of the ledger: in one transaction, the store finds the
     * log's end, reads what other servers appended after {@code known}, asks the planner for the batch and stores it.
     * A store no other process writes (this default) trusts {@code known} as the end.
     */
    default void append(long known, Planner planner) {
        Batch batch = planner.plan(known, List.of());
        append(batch.events(), batch.completedTiles());
    }

    /** Whether other servers may append to this ledger too (several servers on one PostgreSQL database). */
    default boolean shared() {
        return false;
    }

    /** One more than the highest index stored. */
    default long end() {
        return extent().end();
    }

    /** Public entries {@code [from, from + count)} in order. */
    List<byte[]> entries(long from, int count);

    /** Rows {@code [from, from + count)} with entries and openings, in index order, as stored (gaps and all). */
    List<StoredEvent> events(long from, int count);

    /** The indices of the events naming the person, ascending. */
    List<Long> indicesNaming(UUID personId);

    /**
     * Removes the openings (event fields and salts) of the events naming the person up to index
     * {@code through}, keeping the public entries; returns how many were erased. The ledger first
     * appends erasure records listing these indices ({@link ErasureRecord}).
     */
    long eraseOpenings(UUID personId, long through);

    /** The rows naming the person, as stored, in index order: their openings are not yet checked against their entries. */
    List<StoredEvent> forPerson(UUID personId);

    /**
     * Where the store starts each person's events (the index of the newest naming them), for a store that finds them
     * by following each row's {@link StoredEvent#previous}; the audit checks both against the openings. Empty for a
     * store that finds a person's events otherwise (by an index the database keeps).
     */
    default Optional<java.util.Map<UUID, Long>> personHeads() {
        return Optional.empty();
    }

    /** The rows naming the person with an index below {@code before}, newest first, at most {@code limit}. */
    default List<StoredEvent> forPerson(UUID personId, long before, int limit) {
        List<StoredEvent> all = new java.util.ArrayList<>(forPerson(personId).stream().filter(e -> e.index() < before).toList());
        java.util.Collections.reverse(all);
        return List.copyOf(all.subList(0, Math.min(limit, all.size())));
    }

    /**
     * How many decisions the ledger holds from {@code from} (inclusive) to {@code to} (exclusive), by
     * outcome: {@code permitted}, or the refusal's reason. Only events whose opening remains count
     * (an erased person's events no longer say what they were). A store may answer this from an
     * index; this default reads every event.
     */
    default java.util.Map<String, Long> decisionCounts(java.time.Instant from, java.time.Instant to) {
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        long size = extent().count();
        for (long i = 0; i < size; i += 1000) {
            for (StoredEvent e : events(i, (int) Math.min(1000, size - i))) {
                e.opening().map(SequencedEvent::event).filter(ev -> !ev.at().isBefore(from) && ev.at().isBefore(to))
                    .ifPresent(ev -> counts.merge(ev.permitted() ? "permitted" : ev.reason().orElse(""), 1L, Long::sum));
            }
        }
        return counts;
    }

    /**
     * The rows with an event time in {@code [from, to)} and an index above {@code after}, in index
     * order, at most {@code limit}: what the supervisory authority inspects. A store may answer this
     * from an index on the event time; this default reads every event.
     */
    default List<StoredEvent> between(java.time.Instant from, java.time.Instant to, long after, int limit) {
        List<StoredEvent> out = new java.util.ArrayList<>();
        long size = extent().end();
        for (long i = Math.max(0, after + 1); i < size && out.size() < limit; i += 1000) {
            for (StoredEvent e : events(i, (int) Math.min(1000, size - i))) {
                if (out.size() < limit && e.opening().map(o -> o.event().at()).filter(at -> !at.isBefore(from) && at.isBefore(to)).isPresent()) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    /** How many full tiles of each level are stored (level 0 first). */
    List<Long> tileCounts();

    Optional<String> latestCheckpoint();

    /** The right edge of the stored tree at {@code size} entries, from its full tiles and trailing entries. */
    default TreeEdge edge(long size) {
        long fromTile = size - size % Tile.WIDTH;
        List<byte[]> trailing = entries(fromTile, (int) (size - fromTile)).stream().map(Hashes::leaf).toList();
        return TreeEdge.restore(size, trailing, this);
    }

    void saveCheckpoint(long size, String signedNote, java.time.Instant signedAt);
}
