package eu.haven.web.page;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each signed-in browser was last seen, by a hash of its token: a session left alone longer
 * than the idle limit ends (the pages sign it out). Kept in memory: after a restart a session
 * counts from its next request, and its token's own lifetime still bounds it.
 */
public final class IdleSessions {
    private final Duration limit;
    private final Clock clock;
    private final Map<String, Instant> lastSeen = new ConcurrentHashMap<>();

    public IdleSessions(Duration limit, Clock clock) {
        this.limit = limit;
        this.clock = clock;
    }

    public Duration limit() {
        return limit;
    }

    /** Records activity; false when the session had been idle too long (it is then forgotten). */
    public boolean touch(String token) {
        String key = eu.haven.core.crypto.Tokens.hash(token);
        Instant now = clock.instant();
        Instant before = lastSeen.put(key, now);
        if (before != null && before.plus(limit).isBefore(now)) {
            lastSeen.remove(key);
            return false;
        }
        if (lastSeen.size() > 100_000) {
            lastSeen.values().removeIf(seen -> seen.plus(limit).isBefore(now));
        }
        return true;
    }

    public void forget(String token) {
        lastSeen.remove(eu.haven.core.crypto.Tokens.hash(token));
    }
}
