package eu.haven.core.transparency;

import eu.haven.core.framework.DpvTaxonomy;
import eu.haven.core.framework.Framework;
import eu.haven.event.AccessEvent;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Turns access events into the transparency report's counts as they are appended to the ledger:
 * the counts name no person and so outlive an erasure, which blanks the person's openings. Only
 * {@link #served} candidates carry a person, for the store to count each once per month and type.
 * A purpose is counted by the framework's code, else by its DPV IRI; any other text given as a
 * purpose (which a caller typed, and might be anything) is counted as {@code other}.
 */
public final class ReportTally {
    public static final String OTHER = "other";
    private static final Set<String> CASE_WORK = Set.of("caseworker", "supervisor");

    /** A person an organisation type worked with in a month: counted at most once by the store. */
    public record Served(String month, String organisationType, UUID personId) {}

    /** The counts of some events, and the people they may add to those served. */
    public record Tallied(Map<CountKey, Long> counts, List<Served> served) {}

    private final Framework framework;
    private final DpvTaxonomy dpv;
    private final Function<String, Optional<String>> organisationType;
    private final ZoneId zone;

    /** {@code organisationType}: an organisation's type by its id. */
    public ReportTally(Framework framework, DpvTaxonomy dpv, Function<String, Optional<String>> organisationType, ZoneId zone) {
        this.framework = framework;
        this.dpv = dpv;
        this.organisationType = organisationType;
        this.zone = zone;
    }

    public String month(Instant at) {
        return YearMonth.from(at.atZone(zone)).toString();
    }

    public ZoneId zone() {
        return zone;
    }

    public Tallied tally(List<AccessEvent> events) {
        Map<CountKey, Long> counts = new HashMap<>();
        List<Served> served = new ArrayList<>();
        for (AccessEvent e : events) {
            if (e.erasure().isPresent()) {
                continue;
            }
            String month = month(e.at());
            String role = e.role().orElse("");
            String action = e.action();
            boolean caseWork = CASE_WORK.contains(role);
            if (caseWork && e.personId().isPresent()) {
                String outcome = e.permitted() ? "permitted" : e.reason().orElse(OTHER);
                add(counts, CountKey.of(month, Measure.ACCESSES, purpose(e.purpose()), outcome));
                if (e.permitted()) {
                    e.organisation().flatMap(organisationType).ifPresent(t -> served.add(new Served(month, t, e.personId().get())));
                }
            }
            if (!e.permitted()) {
                continue;
            }
            switch (action) {
                case "write" -> {
                    if (caseWork) {
                        e.categories().forEach(c -> add(counts, CountKey.of(month, Measure.RECORDS, purpose(e.purpose()), c)));
                    }
                }
                case "consent" -> count(counts, caseWork, month, Measure.CONSENTS, "given");
                case "record-withdrawal" -> count(counts, caseWork, month, Measure.CONSENTS, "withdrawn");
                case "withdraw-consent" -> add(counts, CountKey.of(month, Measure.CONSENTS, "withdrawn", ""));
                case "refer" -> count(counts, caseWork, month, Measure.REFERRALS, "made");
                case "respond-referral" -> count(counts, caseWork, month, Measure.REFERRALS, "answered");
                case "request-correction" -> add(counts, CountKey.of(month, Measure.CORRECTIONS, "requested", ""));
                case "answer-correction" -> count(counts, caseWork, month, Measure.CORRECTIONS, "answered");
                case "request-erasure" -> add(counts, CountKey.of(month, Measure.ERASURES, "requested", ""));
                case "erased" -> add(counts, CountKey.of(month, Measure.ERASURES, "completed", ""));
                case "end-retention" -> e.categories().forEach(c -> add(counts, CountKey.of(month, Measure.RETENTION_PURGES, c, "")));
                case "alert" -> add(counts, CountKey.of(month, Measure.ALERTS, "", ""));
                case "complain" -> add(counts, CountKey.of(month, Measure.COMPLAINTS, "made", ""));
                case "answer-complaint" -> add(counts, CountKey.of(month, Measure.COMPLAINTS, "answered", ""));
                case "hand-to-supervisory", "hand-to-equality-body" -> add(counts, CountKey.of(month, Measure.COMPLAINTS, "handed-over", ""));
                default -> { }
            }
        }
        return new Tallied(counts, served);
    }

    private static void count(Map<CountKey, Long> counts, boolean caseWork, String month, Measure measure, String what) {
        if (caseWork) {
            add(counts, CountKey.of(month, measure, what, ""));
        }
    }

    private static void add(Map<CountKey, Long> counts, CountKey key) {
        counts.merge(key, 1L, Long::sum);
    }

    /** The purpose as the report names it: a framework code, a DPV IRI, or {@code other}. */
    public String purpose(String recorded) {
        if (framework.purposeByCode(recorded).isPresent()) {
            return recorded;
        }
        String iri = DpvTaxonomy.expand(recorded);
        return dpv.contains(iri) ? iri : OTHER;
    }
}
