package eu.haven.store;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * What was read of a person, kept in memory until a write about the person. The database reports
 * every such write (at once, and again when its transaction ends); a value read while a write was
 * reported is not kept, so a cached value never outlives the commit of a change. When other servers may share
 * the database ({@link Database#shared}), each value is kept with the person's version and used only while the
 * database still gives that version (one primary-key read in place of the loader's), so a change made through any
 * server is seen by every read that starts after it committed.
 */
final class PersonCache<T> {
    private record Entry<T>(T value, long weight, long version) {}

    private final Map<UUID, Entry<T>> entries = new ConcurrentHashMap<>();
    private final Database db;
    private final AtomicLong changes = new AtomicLong();
    private final AtomicLong weight = new AtomicLong();
    private final long capacity;
    private final ToLongFunction<T> weigher;

    /** {@code capacity} in the weigher's units (0: nothing is kept). */
    PersonCache(Database db, long capacity, ToLongFunction<T> weigher) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must not be negative");
        }
        this.db = db;
        this.capacity = capacity;
        this.weigher = weigher;
        db.onPersonChange(this::forget);
    }

    /**
     * The cached value, or the loader's, kept when nothing changed while it was read. Inside a
     * transaction the cache is not used at all: what the transaction reads may be its own
     * uncommitted writes, and what it wrote is not in the cache yet.
     */
    Optional<T> get(UUID personId, Supplier<Optional<T>> loader) {
        if (db.inTransactionNow()) {
            return loader.get();
        }
        // Read before the value: a change committed after this read raises the version past the one the value is kept with.
        Optional<Long> version = db.shared() ? db.personVersion(personId) : Optional.of(0L);
        Entry<T> cached = entries.get(personId);
        if (cached != null && version.isPresent() && cached.version() == version.get()) {
            return Optional.of(cached.value());
        }
        long before = changes.get();
        Optional<T> read = loader.get();
        if (read.isPresent() && version.isPresent() && changes.get() == before) {
            keep(personId, read.get(), version.get());
            if (changes.get() != before) {
                forget(personId);
            }
        }
        return read;
    }

    private void keep(UUID personId, T value, long version) {
        long w = Math.max(1, weigher.applyAsLong(value));
        if (w > capacity) {
            return;
        }
        Entry<T> old = entries.put(personId, new Entry<>(value, w, version));
        weight.addAndGet(w - (old == null ? 0 : old.weight()));
        Iterator<Map.Entry<UUID, Entry<T>>> it = entries.entrySet().iterator();
        while (weight.get() > capacity && it.hasNext()) {
            Map.Entry<UUID, Entry<T>> e = it.next();
            if (!e.getKey().equals(personId) && entries.remove(e.getKey(), e.getValue())) {
                weight.addAndGet(-e.getValue().weight());
            }
        }
    }

    private void forget(UUID personId) {
        changes.incrementAndGet();
        Entry<T> old = entries.remove(personId);
        if (old != null) {
            weight.addAndGet(-old.weight());
        }
    }

    long weight() {
        return weight.get();
    }

    int size() {
        return entries.size();
    }
}
