package eu.haven.core.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import eu.haven.core.authority.AuthorityRequest;
import eu.haven.core.authority.AuthorityRequestRepository;
import eu.haven.core.authority.BodyType;
import eu.haven.core.framework.Firewall;
import eu.haven.core.framework.Framework;
import eu.haven.core.framework.FrameworkLoader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Over generated months of activity: no published number lies between 1 and 4, and no count
 * published as "<5" can be recovered from the rest: changing it to any other value from 1 to 4
 * leaves every published figure (cells, row and column totals, the whole, the firewall's sums
 * across tables) exactly as it was.
 */
class SuppressionProperties {
    private static final Framework FRAMEWORK = new FrameworkLoader(Firewall.bundled()).loadDemo();
    private static final ZoneId ZONE = ZoneOffset.UTC;
    private static final int YEAR = 2026;
    private static final List<String> MONTHS = List.of("2026-03", "2026-04", "2026-05");
    private static final List<String> PURPOSES = List.of("shelter", "health-care", "legal-aid", "immigration-enforcement", "other");
    private static final List<String> CATEGORIES = List.of("identity", "contact", "health", "legal");
    private static final List<String> OUTCOMES = List.of("permitted", "firewall", "no-consent", "no-relationship");
    private static final List<String> TYPES = List.of("shelter", "health", "legal-aid");

    /** A month of activity: counts as the ledger would have kept them, and authority requests by body type and outcome. */
    record Activity(Map<CountKey, Long> counts, Map<String, Integer> requests) {}

    @Provide
    Arbitrary<Activity> activity() {
        // Mostly small numbers and zeros: the cases that matter.
        Arbitrary<Long> count = Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(4, Arbitraries.just(0L)), net.jqwik.api.Tuple.of(4, Arbitraries.longs().between(1, 4)),
            net.jqwik.api.Tuple.of(3, Arbitraries.longs().between(5, 40)));
        List<CountKey> keys = new ArrayList<>();
        for (String m : MONTHS) {
            TYPES.forEach(t -> keys.add(CountKey.of(m, Measure.PEOPLE_SERVED, t, "")));
            for (String p : PURPOSES) {
                CATEGORIES.forEach(c -> keys.add(CountKey.of(m, Measure.RECORDS, p, c)));
                OUTCOMES.forEach(o -> keys.add(CountKey.of(m, Measure.ACCESSES, p, o)));
            }
            List.of("given", "withdrawn").forEach(k -> keys.add(CountKey.of(m, Measure.CONSENTS, k, "")));
            List.of("made", "answered").forEach(k -> keys.add(CountKey.of(m, Measure.REFERRALS, k, "")));
            CATEGORIES.forEach(c -> keys.add(CountKey.of(m, Measure.RETENTION_PURGES, c, "")));
            keys.add(CountKey.of(m, Measure.ALERTS, "", ""));
        }
        List<String> requestKeys = new ArrayList<>();
        for (String m : MONTHS) {
            for (BodyType b : BodyType.values()) {
                for (AuthorityRequest.Status s : AuthorityRequest.Status.values()) {
                    requestKeys.add(m + "|" + b.code() + "|" + s.code());
                }
            }
        }
        Arbitrary<List<Long>> counts = count.list().ofSize(keys.size());
        Arbitrary<List<Long>> asked = count.list().ofSize(requestKeys.size());
        return Combinators.combine(counts, asked).as((c, a) -> {
            Map<CountKey, Long> byKey = new HashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                if (c.get(i) > 0) {
                    byKey.put(keys.get(i), c.get(i));
                }
            }
            Map<String, Integer> requests = new HashMap<>();
            for (int i = 0; i < requestKeys.size(); i++) {
                if (a.get(i) > 0) {
                    requests.put(requestKeys.get(i), a.get(i).intValue());
                }
            }
            return new Activity(byKey, requests);
        });
    }

    @Property(tries = 60)
    void no_published_number_is_between_1_and_4(@ForAll("activity") Activity activity) {
        TransparencyReport report = report(activity);
        for (MonthReport m : report.months()) {
            for (ReportTable t : m.tables()) {
                all(t).forEach(s -> assertThat(s.value().filter(Suppression::small)).as(m.month() + " " + t.name()).isEmpty());
            }
        }
    }

    @Property(tries = 40)
    void no_count_shown_as_fewer_than_5_can_be_recovered(@ForAll("activity") Activity activity) {
        TransparencyReport report = report(activity);
        for (Map.Entry<CountKey, Long> e : activity.counts().entrySet()) {
            if (!Suppression.small(e.getValue())) {
                continue;
            }
            for (long other = 1; other < Suppression.THRESHOLD; other++) {
                if (other == e.getValue()) {
                    continue;
                }
                Map<CountKey, Long> changed = new HashMap<>(activity.counts());
                changed.put(e.getKey(), other);
                assertThat(report(new Activity(changed, activity.requests())).months()).as("changing " + e.getKey())
                    .isEqualTo(report.months());
            }
        }
        for (Map.Entry<String, Integer> e : activity.requests().entrySet()) {
            if (!Suppression.small(e.getValue())) {
                continue;
            }
            for (int other = 1; other < Suppression.THRESHOLD; other++) {
                if (other == e.getValue()) {
                    continue;
                }
                Map<String, Integer> changed = new HashMap<>(activity.requests());
                changed.put(e.getKey(), other);
                assertThat(report(new Activity(activity.counts(), changed)).months()).as("changing " + e.getKey())
                    .isEqualTo(report.months());
            }
        }
    }

    @Property(tries = 20)
    void a_total_is_published_exactly_when_every_count_in_it_is(@ForAll("activity") Activity activity) {
        for (MonthReport m : report(activity).months()) {
            ReportTable accesses = m.table(TransparencyService.ACCESSES).orElseThrow();
            boolean anySmall = accesses.cells().stream().flatMap(List::stream).anyMatch(s -> s.kind() == Shown.Kind.SMALL);
            assertThat(accesses.total().orElseThrow().kind()).isEqualTo(anySmall ? Shown.Kind.WITHHELD : Shown.Kind.EXACT);
            if (!anySmall) {
                long sum = accesses.cells().stream().flatMap(List::stream).mapToLong(s -> s.value().orElseThrow()).sum();
                assertThat(accesses.total().orElseThrow().value()).contains(sum);
            }
        }
    }

    private static List<Shown> all(ReportTable t) {
        List<Shown> out = new ArrayList<>();
        t.cells().forEach(out::addAll);
        t.rowTotals().ifPresent(out::addAll);
        t.columnTotals().ifPresent(out::addAll);
        t.total().ifPresent(out::add);
        return out;
    }

    private static TransparencyReport report(Activity a) {
        List<AuthorityRequest> requests = new ArrayList<>();
        a.requests().forEach((key, n) -> {
            String[] parts = key.split("\\|");
            Instant at = YearMonth.parse(parts[0]).atDay(3).atStartOfDay(ZONE).toInstant();
            for (int i = 0; i < n; i++) {
                requests.add(new AuthorityRequest(new UUID(key.hashCode(), i), at, new UUID(0, 0), "city-hall", "body",
                    BodyType.parse(parts[1]).orElseThrow(), "ref", "shelter", Optional.empty(), Set.of(), "en",
                    AuthorityRequest.Status.parse(parts[2]), Optional.empty(), Optional.empty(), Optional.empty(), Set.of(),
                    i % 2 == 0 ? Optional.empty() : Optional.of(LocalDate.of(2027, 1, 1)), Optional.empty()));
            }
        });
        Clock clock = Clock.fixed(Instant.parse("2027-02-15T12:00:00Z"), ZONE);
        return new TransparencyService(FRAMEWORK, (from, to) -> a.counts(), new Requests(requests), () -> 0L, () -> "", clock, ZONE,
            Duration.ZERO).build(YEAR);
    }

    /** The register as the report reads it: only {@code received}. */
    private record Requests(List<AuthorityRequest> all) implements AuthorityRequestRepository {
        @Override
        public List<AuthorityRequest> received(Instant from, Instant to) {
            return all.stream().filter(r -> !r.receivedAt().isBefore(from) && r.receivedAt().isBefore(to)).toList();
        }

        @Override
        public void insert(AuthorityRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<AuthorityRequest> find(UUID id) {
            return Optional.empty();
        }

        @Override
        public List<AuthorityRequest> list(int limit) {
            return List.of();
        }

        @Override
        public boolean addPerson(UUID requestId, UUID personId, Instant at) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<UUID> persons(UUID requestId) {
            return List.of();
        }

        @Override
        public int personCount(UUID requestId) {
            return 0;
        }

        @Override
        public void decide(AuthorityRequest decided) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void postpone(UUID requestId, LocalDate until, String reason) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<LocalDate> latestPostponement() {
            return Optional.empty();
        }

        @Override
        public Set<UUID> hiddenFrom(UUID personId, LocalDate today) {
            return Set.of();
        }
    }
}
