package eu.haven.core.transparency;

import eu.haven.core.authority.AuthorityRequest;
import eu.haven.core.authority.AuthorityRequestRepository;
import eu.haven.core.authority.BodyType;
import eu.haven.core.framework.Framework;
import eu.haven.core.framework.OrganisationType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Builds the public transparency report from the counts kept as the ledger grew and from the
 * register of authority requests. Only months that have ended are published (a month still running
 * would let two readings a minute apart tell one event from another). A report is kept for a while
 * and served from memory ({@code keep}).
 */
public final class TransparencyService {
    public static final String PEOPLE_SERVED = "people-served";
    public static final String RECORDS = "records";
    public static final String ACCESSES = "accesses";
    public static final String FIREWALL = "firewall-refusals";
    public static final String AUTHORITY = "authority-requests";
    public static final String POSTPONED = "authority-postponed";
    public static final String CONSENTS = "consents";
    public static final String REFERRALS = "referrals";
    public static final String CORRECTIONS = "corrections";
    public static final String ERASURES = "erasures";
    public static final String RETENTION = "retention-purges";
    public static final String ALERTS = "alerts";
    public static final String COMPLAINTS = "complaints";
    /** The rows of the firewall table. */
    public static final String CASE_WORK = "case-work";

    private final Framework framework;
    private final ReportCountRepository counts;
    private final AuthorityRequestRepository authority;
    private final Supplier<Long> ledgerSize;
    private final Supplier<String> checkpoint;
    private final Clock clock;
    private final ZoneId zone;
    private final Duration keep;
    private final Map<Integer, TransparencyReport> cache = new ConcurrentHashMap<>();

    public TransparencyService(Framework framework, ReportCountRepository counts, AuthorityRequestRepository authority,
                               Supplier<Long> ledgerSize, Supplier<String> checkpoint, Clock clock, ZoneId zone, Duration keep) {
        this.framework = framework;
        this.counts = counts;
        this.authority = authority;
        this.ledgerSize = ledgerSize;
        this.checkpoint = checkpoint;
        this.clock = clock;
        this.zone = zone;
        this.keep = keep;
    }

    /** The report of a year (its months that have ended), from memory if it was built within {@code keep}. */
    public TransparencyReport report(int year) {
        Instant now = clock.instant();
        TransparencyReport held = cache.get(year);
        if (held != null && held.builtAt().plus(keep).isAfter(now) && !held.builtAt().isAfter(now)) {
            return held;
        }
        TransparencyReport built = build(year);
        cache.put(year, built);
        return built;
    }

    /** The years a report can be asked for: from the first with an ended month to this one. */
    public int currentYear() {
        return YearMonth.from(clock.instant().atZone(zone)).minusMonths(1).getYear();
    }

    /** Builds the report anew (the benchmark times this). */
    public TransparencyReport build(int year) {
        long started = System.nanoTime();
        YearMonth last = YearMonth.from(clock.instant().atZone(zone)).minusMonths(1);
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = YearMonth.of(year, 1); !m.isAfter(last) && m.getYear() == year; m = m.plusMonths(1)) {
            months.add(m);
        }
        Map<String, Map<Measure, List<Map.Entry<CountKey, Long>>>> byMonth = new HashMap<>();
        Map<String, List<AuthorityRequest>> requests = new HashMap<>();
        if (!months.isEmpty()) {
            String from = months.get(0).toString();
            String to = months.get(months.size() - 1).toString();
            counts.between(from, to).entrySet().forEach(e -> Measure.parse(e.getKey().measure()).ifPresent(m ->
                byMonth.computeIfAbsent(e.getKey().month(), k -> new HashMap<>()).computeIfAbsent(m, k -> new ArrayList<>()).add(e)));
            Instant start = months.get(0).atDay(1).atStartOfDay(zone).toInstant();
            Instant end = last.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
            authority.received(start, end).forEach(r ->
                requests.computeIfAbsent(YearMonth.from(r.receivedAt().atZone(zone)).toString(), k -> new ArrayList<>()).add(r));
        }
        List<MonthReport> reports = months.stream().map(YearMonth::toString)
            .map(m -> month(m, byMonth.getOrDefault(m, Map.of()), requests.getOrDefault(m, List.of()))).toList();
        return new TransparencyReport(year, framework.id(), framework.version(), reports, ledgerSize.get(), checkpoint.get(),
            clock.instant(), (System.nanoTime() - started) / 1_000_000);
    }

    private MonthReport month(String month, Map<Measure, List<Map.Entry<CountKey, Long>>> m, List<AuthorityRequest> requests) {
        List<ReportTable> tables = new ArrayList<>();
        List<String> types = framework.organisationTypes().stream().filter(t -> !t.enforcement()).map(OrganisationType::code).sorted().toList();
        tables.add(ReportTable.of(PEOPLE_SERVED, types, List.of(ReportTable.COUNT), oneWay(m, Measure.PEOPLE_SERVED), false));
        Map<String, Map<String, Long>> records = twoWay(m, Measure.RECORDS);
        tables.add(ReportTable.of(RECORDS, keys(records.keySet()), columns(records), records, true));
        Map<String, Map<String, Long>> accesses = twoWay(m, Measure.ACCESSES);
        List<String> outcomes = columns(accesses);
        tables.add(ReportTable.of(ACCESSES, keys(accesses.keySet()), outcomes, accesses, true));
        Map<String, Map<String, Long>> asked = new TreeMap<>();
        long postponed = 0;
        for (AuthorityRequest r : requests) {
            asked.computeIfAbsent(r.bodyType().code(), k -> new TreeMap<>()).merge(r.status().code(), 1L, Long::sum);
            if (r.postponedUntil().isPresent()) {
                postponed++;
            }
        }
        List<String> bodies = Arrays.stream(BodyType.values()).map(BodyType::code).toList();
        List<String> statuses = Arrays.stream(AuthorityRequest.Status.values()).map(AuthorityRequest.Status::code).toList();
        tables.add(firewall(accesses, asked));
        tables.add(ReportTable.of(AUTHORITY, bodies, statuses, asked, true));
        tables.add(postponed(asked, postponed));
        tables.add(ReportTable.of(CONSENTS, List.of("given", "withdrawn"), List.of(ReportTable.COUNT), oneWay(m, Measure.CONSENTS), false));
        tables.add(ReportTable.of(REFERRALS, List.of("made", "answered"), List.of(ReportTable.COUNT), oneWay(m, Measure.REFERRALS), false));
        tables.add(ReportTable.of(CORRECTIONS, List.of("requested", "answered"), List.of(ReportTable.COUNT), oneWay(m, Measure.CORRECTIONS), false));
        tables.add(ReportTable.of(ERASURES, List.of("requested", "completed"), List.of(ReportTable.COUNT), oneWay(m, Measure.ERASURES), false));
        Map<String, Map<String, Long>> purged = oneWay(m, Measure.RETENTION_PURGES);
        tables.add(ReportTable.of(RETENTION, keys(purged.keySet()), List.of(ReportTable.COUNT), purged, true));
        tables.add(ReportTable.of(COMPLAINTS, List.of("made", "answered", "handed-over"), List.of(ReportTable.COUNT),
            oneWay(m, Measure.COMPLAINTS), false));
        tables.add(ReportTable.of(ALERTS, List.of(ALERTS), List.of(ReportTable.COUNT),
            Map.of(ALERTS, Map.of(ReportTable.COUNT, oneWay(m, Measure.ALERTS).getOrDefault("", Map.of()).getOrDefault(ReportTable.COUNT, 0L))), false));
        return new MonthReport(month, List.copyOf(tables));
    }

    /**
     * Firewall refusals: those of case work (the accesses refused as {@code firewall}) and the
     * authority requests refused automatically; each a total of cells published in other tables, so
     * published only where all of them are.
     */
    private static ReportTable firewall(Map<String, Map<String, Long>> accesses, Map<String, Map<String, Long>> asked) {
        List<Long> caseWork = accesses.values().stream().map(r -> r.getOrDefault("firewall", 0L)).toList();
        List<Long> authority = Arrays.stream(BodyType.values())
            .map(b -> asked.getOrDefault(b.code(), Map.of()).getOrDefault(AuthorityRequest.Status.REFUSED_AUTOMATICALLY.code(), 0L)).toList();
        List<Long> both = new ArrayList<>(caseWork);
        both.addAll(authority);
        return new ReportTable(FIREWALL, List.of(CASE_WORK, AUTHORITY), List.of(ReportTable.COUNT),
            List.of(List.of(Suppression.total(caseWork)), List.of(Suppression.total(authority))), Optional.empty(), Optional.empty(),
            Optional.of(Suppression.total(both)));
    }

    /**
     * The requests whose telling a court postponed: a count across the authority table's cells, so
     * published only where none of them is below 5 (else withheld, even at 0, which would say which
     * requests were not postponed).
     */
    private static ReportTable postponed(Map<String, Map<String, Long>> asked, long postponed) {
        boolean anySmall = asked.values().stream().flatMap(r -> r.values().stream()).anyMatch(Suppression::small);
        Shown shown = anySmall ? Shown.WITHHELD : Suppression.atom(postponed);
        return new ReportTable(POSTPONED, List.of(POSTPONED), List.of(ReportTable.COUNT), List.of(List.of(shown)), Optional.empty(),
            Optional.empty(), Optional.empty());
    }

    private static Map<String, Map<String, Long>> oneWay(Map<Measure, List<Map.Entry<CountKey, Long>>> m, Measure measure) {
        Map<String, Map<String, Long>> out = new TreeMap<>();
        m.getOrDefault(measure, List.of()).forEach(e ->
            out.computeIfAbsent(e.getKey().dim1(), k -> new TreeMap<>()).merge(ReportTable.COUNT, e.getValue(), Long::sum));
        return out;
    }

    private static Map<String, Map<String, Long>> twoWay(Map<Measure, List<Map.Entry<CountKey, Long>>> m, Measure measure) {
        Map<String, Map<String, Long>> out = new TreeMap<>();
        m.getOrDefault(measure, List.of()).forEach(e ->
            out.computeIfAbsent(e.getKey().dim1(), k -> new TreeMap<>()).merge(e.getKey().dim2(), e.getValue(), Long::sum));
        return out;
    }

    private static List<String> keys(java.util.Collection<String> keys) {
        return List.copyOf(new TreeSet<>(keys));
    }

    private static List<String> columns(Map<String, Map<String, Long>> table) {
        TreeSet<String> cols = new TreeSet<>();
        table.values().forEach(r -> cols.addAll(r.keySet()));
        // "permitted" first, then the refusals by name.
        List<String> ordered = new ArrayList<>();
        if (cols.remove("permitted")) {
            ordered.add("permitted");
        }
        ordered.addAll(cols);
        return ordered;
    }
}
