package eu.haven.core.equality;

import static org.assertj.core.api.Assertions.assertThat;

import eu.haven.core.access.Recorder;
import eu.haven.core.audit.AccessLog;
import eu.haven.core.staff.Actor;
import eu.haven.core.staff.Role;
import eu.haven.core.transparency.Shown;
import eu.haven.core.transparency.Suppression;
import eu.haven.event.AccessEvent;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Over generated counts by language and age group: no number from 1 to 4 is published; where a
 * group is that small for an outcome, each table also withholds a count of it (so the two tables,
 * which add up to the same total, cannot be subtracted from each other); a share or a mean appears
 * only where everything it is made of is published exactly.
 */
class OutcomeGapsProperties {
    private static final List<String> LANGUAGES = List.of("ar", "fa", "uk", "ti", "so", "de");
    private static final Actor EQUALITY = new Actor(new UUID(3, 3), "equality-body", "equality-body", Role.EQUALITY);

    @Provide
    Arbitrary<List<EqualityCountRepository.Count>> counts() {
        Arbitrary<EqualityCountRepository.Count> one = net.jqwik.api.Combinators.combine(
            Arbitraries.of(List.of(Outcome.values())), Arbitraries.of(LANGUAGES), Arbitraries.of(EqualityCounter.AGE_GROUPS),
            Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, Arbitraries.longs().between(1, 4)), net.jqwik.api.Tuple.of(2, Arbitraries.longs().between(5, 60))),
            Arbitraries.longs().between(0, 30))
            .as((o, l, a, n, d) -> new EqualityCountRepository.Count("2026-05", o.code(), l, a, n, n * d));
        return one.list().ofMinSize(0).ofMaxSize(60).map(OutcomeGapsProperties::merged);
    }

    /** One count per outcome, language and age group, as the table keeps them. */
    private static List<EqualityCountRepository.Count> merged(List<EqualityCountRepository.Count> raw) {
        java.util.Map<String, EqualityCountRepository.Count> out = new java.util.LinkedHashMap<>();
        raw.forEach(c -> out.merge(c.outcome() + c.language() + c.ageGroup(), c, (x, y) -> new EqualityCountRepository.Count(x.month(), x.outcome(),
            x.language(), x.ageGroup(), x.n() + y.n(), x.days() + y.days())));
        return List.copyOf(out.values());
    }

    private static OutcomeGaps gaps(List<EqualityCountRepository.Count> counts) {
        EqualityCountRepository repo = new EqualityCountRepository() {
            @Override
            public void add(String month, Outcome outcome, String language, String ageGroup, long days) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<Count> between(String fromMonth, String toMonth) {
                return counts;
            }
        };
        AccessLog log = new AccessLog() {
            private long n;

            @Override
            public long append(AccessEvent event) {
                return n++;
            }

            @Override
            public List<eu.haven.core.audit.LoggedEvent> forPerson(UUID personId) {
                return List.of();
            }

            @Override
            public long forget(UUID personId) {
                return 0;
            }

            @Override
            public long size() {
                return n;
            }
        };
        return new EqualityService(repo, new Recorder(log, Clock.systemUTC())).gaps(EQUALITY, YearMonth.of(2026, 5), YearMonth.of(2026, 5));
    }

    @Property(tries = 200)
    void small_groups_are_never_published_and_never_recoverable_from_the_other_table(@ForAll("counts") List<EqualityCountRepository.Count> counts) {
        OutcomeGaps g = gaps(counts);
        for (OutcomeGaps.Table t : List.of(g.byLanguage(), g.byAgeGroup())) {
            t.cells().forEach(row -> row.forEach(s -> assertThat(s.value().filter(Suppression::small)).isEmpty()));
            for (int i = 0; i < t.rows().size(); i++) {
                List<Shown> row = t.cells().get(i);
                int accepted = t.outcomes().indexOf("referral-accepted");
                int declined = t.outcomes().indexOf("referral-declined");
                int answered = t.outcomes().indexOf("correction-answered");
                if (t.acceptance().get(i).isPresent()) {
                    assertThat(row.get(accepted).kind()).isEqualTo(Shown.Kind.EXACT);
                    assertThat(row.get(declined).kind()).isEqualTo(Shown.Kind.EXACT);
                }
                if (t.meanDaysToAnswer().get(i).isPresent()) {
                    assertThat(row.get(answered).kind()).isEqualTo(Shown.Kind.EXACT);
                }
            }
        }
        for (int j = 0; j < g.byLanguage().outcomes().size(); j++) {
            int o = j;
            boolean small = anyKind(g.byLanguage(), o, Shown.Kind.SMALL) || anyKind(g.byAgeGroup(), o, Shown.Kind.SMALL);
            for (OutcomeGaps.Table t : List.of(g.byLanguage(), g.byAgeGroup())) {
                long withheld = t.cells().stream().filter(r -> r.get(o).kind() == Shown.Kind.WITHHELD).count();
                if (small && hadLarge(counts, t == g.byLanguage(), g.byLanguage().outcomes().get(o))) {
                    assertThat(withheld).as("one count withheld in each table that has a large one").isEqualTo(1);
                } else {
                    assertThat(withheld).as("nothing withheld where it would protect nothing").isZero();
                }
            }
        }
    }

    private static boolean hadLarge(List<EqualityCountRepository.Count> counts, boolean byLanguage, String outcome) {
        java.util.Map<String, Long> sums = new java.util.HashMap<>();
        counts.stream().filter(c -> c.outcome().equals(outcome)).forEach(c -> sums.merge(byLanguage ? c.language() : c.ageGroup(), c.n(), Long::sum));
        return sums.values().stream().anyMatch(v -> v >= Suppression.THRESHOLD);
    }

    private static boolean anyKind(OutcomeGaps.Table t, int outcome, Shown.Kind kind) {
        return t.cells().stream().anyMatch(r -> r.get(outcome).kind() == kind);
    }

    @Property(tries = 50)
    void only_the_equality_role_sees_it(@ForAll("counts") List<EqualityCountRepository.Count> counts) {
        for (Role r : Role.values()) {
            if (r == Role.EQUALITY) {
                continue;
            }
            List<String> refused = new ArrayList<>();
            try {
                new EqualityService(null, null).gaps(new Actor(UUID.randomUUID(), "x", "x", r), YearMonth.of(2026, 1), YearMonth.of(2026, 2));
            } catch (eu.haven.core.error.HavenException e) {
                refused.add(e.code().code());
            }
            assertThat(refused).as(r.code()).containsExactly("role");
        }
    }
}
