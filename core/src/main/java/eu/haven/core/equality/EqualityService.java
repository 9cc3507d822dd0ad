package eu.haven.core.equality;

import eu.haven.core.access.Recorder;
import eu.haven.core.error.ErrorCode;
import eu.haven.core.error.HavenException;
import eu.haven.core.policy.Action;
import eu.haven.core.staff.Actor;
import eu.haven.core.staff.Role;
import eu.haven.core.transparency.Shown;
import eu.haven.core.transparency.Suppression;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The equality body's view (role {@code equality}): how referrals and correction requests fare by the
 * person's language and age group, from counts kept as the outcomes happened; small groups suppressed
 * (see {@link OutcomeGaps}); never a person, never a record. Each look is recorded in the ledger.
 */
public final class EqualityService {
    private static final List<String> OUTCOMES = Arrays.stream(Outcome.values()).map(Outcome::code).toList();
    private final EqualityCountRepository counts;
    private final Recorder recorder;

    public EqualityService(EqualityCountRepository counts, Recorder recorder) {
        this.counts = counts;
        this.recorder = recorder;
    }

    /** A month as a form or a query gives it ({@code 2026-03}); anything else is refused about that field. */
    public static Optional<YearMonth> month(Optional<String> raw, String field) {
        Optional<String> given = raw.map(String::strip).filter(s -> !s.isEmpty());
        try {
            return given.map(YearMonth::parse);
        } catch (java.time.format.DateTimeParseException e) {
            throw HavenException.invalid(field, "Give the month as YYYY-MM.");
        }
    }

    public OutcomeGaps gaps(Actor actor, YearMonth from, YearMonth to) {
        if (actor.role() != Role.EQUALITY) {
            throw new HavenException(ErrorCode.ROLE, "The outcome gaps are the equality body's view.");
        }
        if (to.isBefore(from) || from.plusMonths(24).isBefore(to)) {
            throw HavenException.invalid("to", "Give a period of at most two years, ending after it starts.");
        }
        recorder.byStaff(actor, Action.INSPECT, Recorder.COMPLIANCE, Optional.empty(), Set.of(), Optional.empty(), Optional.empty());
        List<EqualityCountRepository.Count> all = counts.between(from.toString(), to.toString());
        Map<String, Map<String, long[]>> language = group(all, EqualityCountRepository.Count::language);
        Map<String, Map<String, long[]>> age = group(all, EqualityCountRepository.Count::ageGroup);
        // Where either table has a small count of an outcome, each withholds its smallest published count of it.
        Set<String> crossing = new HashSet<>();
        for (String o : OUTCOMES) {
            if (anySmall(language, o) || anySmall(age, o)) {
                crossing.add(o);
            }
        }
        List<String> ages = new ArrayList<>(EqualityCounter.AGE_GROUPS);
        ages.retainAll(age.keySet());
        return new OutcomeGaps(from.toString(), to.toString(), table(language, List.copyOf(new TreeSet<>(language.keySet())), crossing),
            table(age, ages, crossing));
    }

    private static Map<String, Map<String, long[]>> group(List<EqualityCountRepository.Count> all, Function<EqualityCountRepository.Count, String> by) {
        Map<String, Map<String, long[]>> out = new HashMap<>();
        for (EqualityCountRepository.Count c : all) {
            long[] v = out.computeIfAbsent(by.apply(c), k -> new HashMap<>()).computeIfAbsent(c.outcome(), k -> new long[2]);
            v[0] += c.n();
            v[1] += c.days();
        }
        return out;
    }

    private static boolean anySmall(Map<String, Map<String, long[]>> table, String outcome) {
        return table.values().stream().anyMatch(r -> Suppression.small(r.getOrDefault(outcome, new long[2])[0]));
    }

    private static OutcomeGaps.Table table(Map<String, Map<String, long[]>> counts, List<String> rows, Set<String> crossing) {
        List<List<Shown>> cells = new ArrayList<>();
        for (String r : rows) {
            List<Shown> line = new ArrayList<>();
            for (String o : OUTCOMES) {
                line.add(Suppression.atom(n(counts, r, o)));
            }
            cells.add(line);
        }
        for (int j = 0; j < OUTCOMES.size(); j++) {
            if (!crossing.contains(OUTCOMES.get(j))) {
                continue;
            }
            int smallest = -1;
            for (int i = 0; i < rows.size(); i++) {
                long v = n(counts, rows.get(i), OUTCOMES.get(j));
                if (v >= Suppression.THRESHOLD && (smallest < 0 || v < n(counts, rows.get(smallest), OUTCOMES.get(j)))) {
                    smallest = i;
                }
            }
            if (smallest >= 0) {
                cells.get(smallest).set(j, Shown.WITHHELD);
            }
        }
        List<Optional<Double>> acceptance = new ArrayList<>();
        List<Optional<Double>> days = new ArrayList<>();
        int accepted = OUTCOMES.indexOf(Outcome.REFERRAL_ACCEPTED.code());
        int declined = OUTCOMES.indexOf(Outcome.REFERRAL_DECLINED.code());
        int answered = OUTCOMES.indexOf(Outcome.CORRECTION_ANSWERED.code());
        for (int i = 0; i < rows.size(); i++) {
            List<Shown> line = cells.get(i);
            boolean rate = exact(line.get(accepted)) && exact(line.get(declined)) && line.get(accepted).value().get() + line.get(declined).value().get() > 0;
            acceptance.add(rate ? Optional.of((double) line.get(accepted).value().get() / (line.get(accepted).value().get() + line.get(declined).value().get()))
                : Optional.empty());
            long[] a = counts.getOrDefault(rows.get(i), Map.of()).getOrDefault(Outcome.CORRECTION_ANSWERED.code(), new long[2]);
            days.add(exact(line.get(answered)) && a[0] > 0 ? Optional.of((double) a[1] / a[0]) : Optional.empty());
        }
        return new OutcomeGaps.Table(List.copyOf(rows), OUTCOMES, List.copyOf(cells), List.copyOf(acceptance), List.copyOf(days));
    }

    private static boolean exact(Shown s) {
        return s.kind() == Shown.Kind.EXACT;
    }

    private static long n(Map<String, Map<String, long[]>> counts, String row, String outcome) {
        return counts.getOrDefault(row, Map.of()).getOrDefault(outcome, new long[2])[0];
    }
}
