package eu.haven.core.staff;

import eu.haven.core.error.ErrorCode;
import eu.haven.core.error.RetryLater;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Slows down guessing with growing delays. Every attempt is counted before any work is done
 * ({@link #attempt}), so parallel attempts cannot all slip through; a success clears the key
 * ({@link #succeeded}), or on a shared key only gives back its own count ({@link #refund}). After {@code free} attempts without success, the key waits
 * {@code firstDelay}, then twice as long after each further failure, up to {@code maxDelay}. A key
 * unused for {@code forgetAfter} and not waiting is forgotten. The table holds at most
 * {@code maxKeys} keys: when it is full, keys that are not waiting are dropped first; keys that
 * are waiting are never dropped, and while the table is full of them a new key waits too.
 */
public final class LoginThrottle {
    /** How a throttle behaves. */
    public record Settings(int free, Duration firstDelay, Duration maxDelay, Duration forgetAfter, int maxKeys) {}

    private static final class Entry {
        int attempts;
        Instant last;
        Instant waitUntil = Instant.MIN;
    }

    private final Settings settings;
    private final Clock clock;
    private final String message;
    private final Map<String, Entry> entries = new HashMap<>();

    public LoginThrottle(Settings settings, Clock clock, String message) {
        this.settings = settings;
        this.clock = clock;
        this.message = message;
    }

    /** Counts an attempt for the key, or throws {@link RetryLater} when the key must wait. */
    public synchronized void attempt(String key) {
        Instant now = clock.instant();
        Entry e = entries.get(key);
        if (e != null && !e.waitUntil.isAfter(now) && !e.last.plus(settings.forgetAfter()).isAfter(now)) {
            entries.remove(key);
            e = null;
        }
        if (e != null && e.waitUntil.isAfter(now)) {
            throw wait(Duration.between(now, e.waitUntil));
        }
        if (e == null) {
            if (entries.size() >= settings.maxKeys()) {
                dropIdle(now);
            }
            if (entries.size() >= settings.maxKeys()) {
                throw wait(soonestEnd(now));
            }
            e = new Entry();
            entries.put(key, e);
        }
        e.attempts++;
        e.last = now;
        if (e.attempts >= settings.free()) {
            e.waitUntil = now.plus(delay(e.attempts - settings.free()));
        }
    }

    /** The attempt succeeded: the key starts afresh. */
    public synchronized void succeeded(String key) {
        entries.remove(key);
    }

    /**
     * The attempt succeeded, but the key is shared (an address many people use): only that
     * attempt is taken back, so that others' successes do not wipe a guesser's count.
     */
    public synchronized void refund(String key) {
        Entry e = entries.get(key);
        if (e != null && e.attempts > 0) {
            e.attempts--;
            if (e.attempts < settings.free()) {
                e.waitUntil = Instant.MIN;
            }
        }
    }

    /** Keys held now (for tests and metrics). */
    public synchronized int size() {
        return entries.size();
    }

    private Duration delay(int over) {
        Duration d = settings.firstDelay().multipliedBy(1L << Math.min(over, 30));
        return d.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : d;
    }

    private void dropIdle(Instant now) {
        for (Iterator<Entry> it = entries.values().iterator(); it.hasNext(); ) {
            if (!it.next().waitUntil.isAfter(now)) {
                it.remove();
            }
        }
    }

    private Duration soonestEnd(Instant now) {
        Instant soonest = entries.values().stream().map(x -> x.waitUntil).min(Instant::compareTo).orElse(now);
        return Duration.between(now, soonest);
    }

    private RetryLater wait(Duration d) {
        return new RetryLater(ErrorCode.RATE_LIMITED, message, d);
    }
}
