package eu.haven.core.alert;

import static org.assertj.core.api.Assertions.assertThat;

import eu.haven.event.AccessEvent;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The access watch fires for a synthetic burst of accesses and not for a generated month of normal
 * use: twenty caseworkers of four organisations, weekdays in office hours, each opening between 5 and
 * 25 people a day (one of them 40 to 60: busy, but usual for them), a few refusals spread over the
 * day, now and then a firewall refusal.
 */
class AccessWatchProperties {
    private static final ZoneId ZONE = ZoneOffset.UTC;
    private static final LocalDate START = LocalDate.of(2026, 3, 2);
    private static final List<String> ORGS = List.of("city-shelter", "legal-aid", "health-clinic", "social-office");

    private record Worker(UUID id, String org, boolean busy) {}

    private static List<Worker> workers() {
        List<Worker> out = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            out.add(new Worker(new UUID(7, i), ORGS.get(i % ORGS.size()), i == 0));
        }
        return out;
    }

    /** A month (four weeks) of normal use, in time order. */
    private static List<AccessEvent> normalMonth(Random r, List<Worker> workers, List<UUID> people) {
        List<AccessEvent> events = new ArrayList<>();
        for (int d = 0; d < 28; d++) {
            LocalDate day = START.plusDays(d);
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            for (Worker w : workers) {
                int count = w.busy() ? 40 + r.nextInt(21) : 5 + r.nextInt(21);
                for (int k = 0; k < count; k++) {
                    Instant at = day.atTime(8, 0).plusSeconds(r.nextInt(9 * 3600)).toInstant(ZoneOffset.UTC);
                    UUID person = people.get(r.nextInt(people.size()));
                    for (int reads = 1 + r.nextInt(3); reads > 0; reads--) {
                        events.add(AccessEvent.byCaseworker(at.plusSeconds(reads * 20L), w.id(), w.org(), "read", "shelter", person,
                            Set.of("identity"), Optional.empty()));
                    }
                }
                for (int k = r.nextInt(3); k > 0; k--) {
                    Instant at = day.atTime(8, 0).plusSeconds(r.nextInt(9 * 3600)).toInstant(ZoneOffset.UTC);
                    events.add(AccessEvent.byCaseworker(at, w.id(), w.org(), "read", "shelter", people.get(r.nextInt(people.size())),
                        Set.of("identity"), Optional.of("no-consent")));
                }
            }
            if (r.nextInt(3) == 0) {
                Worker w = workers.get(r.nextInt(workers.size()));
                Instant at = day.atTime(9, 0).plusSeconds(r.nextInt(8 * 3600)).toInstant(ZoneOffset.UTC);
                events.add(AccessEvent.byCaseworker(at, w.id(), w.org(), "read", "immigration-enforcement",
                    people.get(r.nextInt(people.size())), Set.of("identity"), Optional.of("firewall")));
            }
        }
        events.sort(Comparator.comparing(AccessEvent::at));
        return events;
    }

    private static List<UUID> people(int n) {
        List<UUID> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new UUID(1, i));
        }
        return out;
    }

    private static List<AccessWatch.Finding> watch(AccessWatch w, List<AccessEvent> events) {
        List<AccessWatch.Finding> out = new ArrayList<>();
        events.forEach(e -> out.addAll(w.observe(e)));
        return out;
    }

    @Property(tries = 15)
    void a_month_of_normal_use_raises_nothing(@ForAll long seed) {
        Random r = new Random(seed);
        AccessWatch watch = new AccessWatch(WatchSettings.defaults(ZONE));
        assertThat(watch(watch, normalMonth(r, workers(), people(2_000)))).isEmpty();
    }

    @Property(tries = 10)
    void each_synthetic_burst_raises_its_alert_once(@ForAll long seed) {
        Random r = new Random(seed);
        List<Worker> workers = workers();
        List<UUID> people = people(2_000);
        AccessWatch watch = new AccessWatch(WatchSettings.defaults(ZONE));
        assertThat(watch(watch, normalMonth(r, workers, people))).isEmpty();
        LocalDate day = START.plusDays(28);
        Worker quiet = workers.get(1);
        Worker busy = workers.get(0);

        List<AccessEvent> burst = new ArrayList<>();
        for (int k = 0; k < 80; k++) {
            burst.add(AccessEvent.byCaseworker(day.atTime(14, 0).plusSeconds(k * 30L).toInstant(ZoneOffset.UTC), quiet.id(), quiet.org(), "read",
                "shelter", people.get(k), Set.of("identity"), Optional.empty()));
        }
        for (int k = 0; k < 60; k++) {
            burst.add(AccessEvent.byCaseworker(day.atTime(9, 0).plusSeconds(k * 30L).toInstant(ZoneOffset.UTC), busy.id(), busy.org(), "read",
                "shelter", people.get(100 + k), Set.of("identity"), Optional.empty()));
        }
        burst.sort(Comparator.comparing(AccessEvent::at));
        List<AccessWatch.Finding> found = watch(watch, burst);
        assertThat(found).as("80 people in an afternoon, for one who opens 5 to 25 a day").singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Alert.Kind.UNUSUAL_VOLUME);
            assertThat(f.staff()).contains(quiet.id());
            assertThat(f.organisation()).contains(quiet.org());
        });

        Worker night = workers.get(2);
        assertThat(watch(watch, List.of(AccessEvent.byCaseworker(day.atTime(23, 30).toInstant(ZoneOffset.UTC), night.id(), night.org(), "read",
            "shelter", people.get(5), Set.of("identity"), Optional.empty()), AccessEvent.byCaseworker(day.atTime(23, 40).toInstant(ZoneOffset.UTC),
            night.id(), night.org(), "read", "shelter", people.get(6), Set.of("identity"), Optional.empty()))))
            .as("out of hours, once that day").extracting(AccessWatch.Finding::kind).containsExactly(Alert.Kind.OUT_OF_HOURS);

        LocalDate next = day.plusDays(1);
        Worker probing = workers.get(3);
        List<AccessEvent> refusals = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            refusals.add(AccessEvent.byCaseworker(next.atTime(10, 0).plusSeconds(k * 40L).toInstant(ZoneOffset.UTC), probing.id(), probing.org(),
                "read", "shelter", people.get(300 + k), Set.of("identity"), Optional.of("no-relationship")));
        }
        assertThat(watch(watch, refusals)).extracting(AccessWatch.Finding::kind).containsExactly(Alert.Kind.REPEATED_REFUSALS);

        List<AccessEvent> firewall = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            Worker w = workers.get(5 + k);
            firewall.add(AccessEvent.byCaseworker(next.atTime(11, 0).plusSeconds(k * 90L).toInstant(ZoneOffset.UTC), w.id(), w.org(), "read",
                "immigration-enforcement", people.get(400 + k), Set.of("identity"), Optional.of("firewall")));
        }
        assertThat(watch(watch, firewall)).extracting(AccessWatch.Finding::kind).containsExactly(Alert.Kind.FIREWALL_BURST);
    }

    @Property(tries = 5)
    void the_thresholds_are_the_configurations(@ForAll long seed) {
        WatchSettings strict = new WatchSettings(30, 3.0, 14, LocalTime.of(9, 0), LocalTime.of(16, 0), Set.of(DayOfWeek.MONDAY), 5,
            java.time.Duration.ofMinutes(10), 3, java.time.Duration.ofMinutes(10), ZONE);
        AccessWatch watch = new AccessWatch(strict);
        List<AccessWatch.Finding> found = watch(watch, normalMonth(new Random(seed), workers(), people(2_000)));
        assertThat(found).as("office hours 09:00-16:00 on Mondays only: a normal month is mostly out of hours")
            .anyMatch(f -> f.kind() == Alert.Kind.OUT_OF_HOURS);
    }
}
