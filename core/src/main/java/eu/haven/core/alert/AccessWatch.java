package eu.haven.core.alert;

import eu.haven.event.AccessEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Watches the ledger's events as they come, in order, and says when one of the data protection
 * officer's rules fires ({@link WatchSettings}): a member of staff opening many more people than
 * their usual, access out of office hours, repeated refusals, a burst of firewall refusals. It
 * decides nothing and names no person: a finding says the rule, the organisation and the member of
 * staff. Each rule fires at most once a day per member of staff (the bursts once per window).
 */
public final class AccessWatch {
    private static final Set<String> CASE_WORK = Set.of("caseworker", "supervisor");

    /** A rule that fired: about a member of staff ({@code staff}) of an organisation, or about everyone (a firewall burst). */
    public record Finding(Alert.Kind kind, Optional<String> organisation, Optional<UUID> staff, Instant at) {}

    private final WatchSettings settings;
    /** Per member of staff: the people opened today, and the count of people of each earlier day. */
    private final Map<UUID, Staff> staff = new HashMap<>();
    private final Deque<Instant> firewall = new ArrayDeque<>();

    private static final class Staff {
        LocalDate day;
        final Set<UUID> people = new HashSet<>();
        final TreeMap<LocalDate, Integer> earlier = new TreeMap<>();
        final Set<Alert.Kind> firedToday = new HashSet<>();
        final Deque<Instant> refusals = new ArrayDeque<>();
    }

    public AccessWatch(WatchSettings settings) {
        this.settings = settings;
    }

    public WatchSettings settings() {
        return settings;
    }

    /** Takes in one event; returns the rules it makes fire. */
    public List<Finding> observe(AccessEvent e) {
        List<Finding> out = new ArrayList<>();
        if (e.erasure().isPresent()) {
            return out;
        }
        if (!e.permitted() && "firewall".equals(e.reason().orElse(""))) {
            if (burst(firewall, e.at(), settings.firewallBurst(), settings.firewallWindow())) {
                out.add(new Finding(Alert.Kind.FIREWALL_BURST, Optional.empty(), Optional.empty(), e.at()));
            }
        }
        if (!CASE_WORK.contains(e.role().orElse("")) || e.actorUser().isEmpty()) {
            return out;
        }
        UUID user = e.actorUser().get();
        Staff s = staff.computeIfAbsent(user, k -> new Staff());
        ZonedDateTime local = e.at().atZone(settings.zone());
        LocalDate day = local.toLocalDate();
        if (!day.equals(s.day)) {
            if (s.day != null && !s.people.isEmpty()) {
                s.earlier.put(s.day, s.people.size());
                while (s.earlier.size() > settings.baselineDays()) {
                    s.earlier.pollFirstEntry();
                }
            }
            s.day = day;
            s.people.clear();
            s.firedToday.clear();
        }
        if (!e.permitted()) {
            if (burst(s.refusals, e.at(), settings.refusals(), settings.refusalWindow())) {
                fire(out, s, Alert.Kind.REPEATED_REFUSALS, e, user);
            }
            return out;
        }
        if (e.personId().isEmpty()) {
            return out;
        }
        boolean inHours = settings.officeDays().contains(local.getDayOfWeek()) && !local.toLocalTime().isBefore(settings.officeOpens())
            && local.toLocalTime().isBefore(settings.officeCloses());
        if (!inHours) {
            fire(out, s, Alert.Kind.OUT_OF_HOURS, e, user);
        }
        if (s.people.add(e.personId().get()) && s.people.size() > threshold(s)) {
            fire(out, s, Alert.Kind.UNUSUAL_VOLUME, e, user);
        }
        return out;
    }

    /**
     * More people than this in a day is unusual for this member of staff: {@code unusualFactor} times
     * their usual day, and at least {@code unusualMinimum}; while fewer than half of
     * {@code baselineDays} working days are known (someone new), {@code unusualFactor} times the minimum.
     */
    private int threshold(Staff s) {
        if (s.earlier.size() * 2 < settings.baselineDays()) {
            return (int) Math.ceil(settings.unusualFactor() * settings.unusualMinimum());
        }
        double usual = s.earlier.values().stream().mapToInt(Integer::intValue).average().orElse(0);
        return (int) Math.max(settings.unusualMinimum(), Math.ceil(settings.unusualFactor() * usual));
    }

    private static void fire(List<Finding> out, Staff s, Alert.Kind kind, AccessEvent e, UUID user) {
        if (s.firedToday.add(kind)) {
            out.add(new Finding(kind, e.organisation(), Optional.of(user), e.at()));
        }
    }

    /** Counts a moment in a sliding window; true (and starts afresh) when the window holds {@code count}. */
    private static boolean burst(Deque<Instant> window, Instant at, int count, java.time.Duration length) {
        window.addLast(at);
        while (!window.isEmpty() && window.peekFirst().isBefore(at.minus(length))) {
            window.pollFirst();
        }
        if (window.size() >= count) {
            window.clear();
            return true;
        }
        return false;
    }
}
