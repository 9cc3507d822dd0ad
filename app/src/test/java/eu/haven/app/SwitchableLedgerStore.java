package eu.haven.app;

import eu.haven.core.audit.LedgerStore;
import eu.haven.core.audit.SequencedEvent;
import eu.haven.core.audit.StoredEvent;
import eu.haven.ledger.Tile;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/** A ledger store whose writes can be made to fail, as a full disk or a lost database would. */
final class SwitchableLedgerStore implements LedgerStore {
    final AtomicBoolean broken = new AtomicBoolean(false);
    private final LedgerStore store;

    SwitchableLedgerStore(LedgerStore store) {
        this.store = store;
    }

    private void check() {
        if (broken.get()) {
            throw new IllegalStateException("the database is unreachable");
        }
    }

    @Override
    public Extent extent() {
        check();
        return store.extent();
    }

    @Override
    public void append(List<SequencedEvent> events, List<Tile> completedTiles) {
        check();
        store.append(events, completedTiles);
    }

    @Override
    public List<byte[]> entries(long from, int count) {
        check();
        return store.entries(from, count);
    }

    @Override
    public List<StoredEvent> events(long from, int count) {
        check();
        return store.events(from, count);
    }

    @Override
    public List<Long> indicesNaming(UUID personId) {
        check();
        return store.indicesNaming(personId);
    }

    @Override
    public long eraseOpenings(UUID personId, long through) {
        check();
        return store.eraseOpenings(personId, through);
    }

    @Override
    public List<StoredEvent> forPerson(UUID personId) {
        return store.forPerson(personId);
    }

    @Override
    public Optional<java.util.Map<UUID, Long>> personHeads() {
        check();
        return store.personHeads();
    }

    @Override
    public List<Long> tileCounts() {
        return store.tileCounts();
    }

    @Override
    public Optional<String> latestCheckpoint() {
        return store.latestCheckpoint();
    }

    @Override
    public void saveCheckpoint(long size, String signedNote, java.time.Instant signedAt) {
        check();
        store.saveCheckpoint(size, signedNote, signedAt);
    }

    @Override
    public Optional<byte[]> fullTile(int level, long index) {
        check();
        return store.fullTile(level, index);
    }
}
