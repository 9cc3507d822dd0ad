package eu.haven.core.oversight;

import eu.haven.core.access.Recorder;
import eu.haven.core.audit.Ledger;
import eu.haven.core.audit.LoggedEvent;
import eu.haven.core.crypto.KeyedHash;
import eu.haven.core.error.ErrorCode;
import eu.haven.core.error.HavenException;
import eu.haven.core.policy.Action;
import eu.haven.core.staff.Actor;
import eu.haven.core.staff.Role;
import eu.haven.event.AccessEvent;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What the supervisory authority (role {@code oversight}) inspects: the ledger's access events of a
 * period, filtered, with staff and people as keyed pseudonyms, and a signed export of what it saw.
 * Never a record's contents: the oversight role may take no action on a person's data, so every
 * record route refuses it. Each inspection is itself recorded in the ledger, naming no person.
 */
public final class OversightService {
    /** DPV purpose of inspecting: legal compliance. */
    public static final String COMPLIANCE = Recorder.COMPLIANCE;
    /** The most days one inspection spans. */
    public static final int MAX_DAYS = 366;
    /** The most events one export holds. */
    public static final int MAX_EXPORT = 10_000;
    private static final int MAX_PAGE = 200;
    private static final int SCAN = 2_000;

    private final Ledger ledger;
    private final Recorder recorder;
    private final KeyedHash pseudonyms;
    private final ZoneId zone;

    public OversightService(Ledger ledger, Recorder recorder, KeyedHash pseudonyms, ZoneId zone) {
        this.ledger = ledger;
        this.recorder = recorder;
        this.pseudonyms = pseudonyms;
        this.zone = zone;
    }

    /** A page of the period's events that pass the filter, after ledger index {@code after}. */
    public Inspection events(Actor inspector, EventFilter filter, long after, int limit) {
        requireInspector(inspector);
        check(filter);
        recorder.byStaff(inspector, Action.INSPECT, COMPLIANCE, Optional.empty(), Set.of(), Optional.empty(), Optional.empty());
        return collect(filter, after, Math.max(1, Math.min(limit, MAX_PAGE)));
    }

    /**
     * Every event of the period that passes the filter (at most {@link #MAX_EXPORT}) as a signed note
     * (c2sp.org/signed-note, the ledger's key): the inspector can show later exactly what Haven showed.
     */
    public String export(Actor inspector, EventFilter filter) {
        requireInspector(inspector);
        check(filter);
        long index = recorder.byStaff(inspector, Action.INSPECT, COMPLIANCE, Optional.empty(), Set.of(), Optional.empty(), Optional.empty());
        Inspection all = collect(filter, -1, MAX_EXPORT);
        StringBuilder body = new StringBuilder();
        body.append("haven.oversight.export/v1\n");
        body.append("origin ").append(ledger.origin()).append('\n');
        body.append("inspected ").append(recorder.clock().instant()).append(" ledger-index ").append(index).append('\n');
        body.append("checkpoint ").append(ledger.checkpointHead().size()).append('\n');
        body.append("period ").append(filter.from()).append(' ').append(filter.to()).append(" zone ").append(zone.getId()).append('\n');
        body.append("filter organisation=").append(filter.organisation().orElse("*")).append(" purpose=")
            .append(filter.purpose().orElse("*").replace(' ', '_')).append(" outcome=").append(filter.outcome().orElse("*")).append('\n');
        body.append("events ").append(all.events().size()).append(all.next().isPresent() ? " truncated" : "").append(" withheld ")
            .append(all.withheld()).append('\n');
        for (PseudonymousEvent e : all.events()) {
            body.append(line(e)).append('\n');
        }
        return ledger.signNote(body.toString());
    }

    private static String line(PseudonymousEvent e) {
        return String.join("\t", Long.toString(e.index()), e.at().toString(), e.organisation().orElse("-"), e.role(), e.action(),
            clean(e.purpose()), e.outcome(), e.categories().isEmpty() ? "-" : String.join(",", new java.util.TreeSet<>(e.categories())),
            e.staff().orElse("-"), e.person().orElse("-"));
    }

    /** A recorded purpose may be text a caller typed: no tab, line break or other control character goes into the note. */
    private static String clean(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return out.toString();
    }

    private Inspection collect(EventFilter filter, long after, int limit) {
        Instant from = filter.from().atStartOfDay(zone).toInstant();
        Instant to = filter.to().plusDays(1).atStartOfDay(zone).toInstant();
        List<PseudonymousEvent> out = new ArrayList<>();
        int withheld = 0;
        long cursor = after;
        while (true) {
            Ledger.Period period = ledger.between(from, to, cursor, SCAN);
            withheld += period.withheld();
            for (LoggedEvent logged : period.events()) {
                if (passes(logged.event(), filter)) {
                    if (out.size() == limit) {
                        return new Inspection(filter, List.copyOf(out), withheld, Optional.of(cursor));
                    }
                    out.add(pseudonymous(logged));
                }
                cursor = logged.index();
            }
            cursor = Math.max(cursor, period.last());
            if (!period.more()) {
                return new Inspection(filter, List.copyOf(out), withheld, Optional.empty());
            }
        }
    }

    private static boolean passes(AccessEvent e, EventFilter f) {
        if (e.erasure().isPresent()) {
            return false;
        }
        String outcome = e.permitted() ? "permitted" : e.reason().orElse("refused");
        return f.organisation().map(o -> e.organisation().equals(Optional.of(o))).orElse(true)
            && f.purpose().map(p -> p.equals(e.purpose())).orElse(true)
            && f.outcome().map(outcome::equals).orElse(true);
    }

    private PseudonymousEvent pseudonymous(LoggedEvent logged) {
        AccessEvent e = logged.event();
        String month = YearMonth.from(e.at().atZone(zone)).toString();
        return new PseudonymousEvent(logged.index(), e.at(), e.organisation(), e.role().orElse(""), e.action(), e.purpose(), e.permitted(),
            e.reason(), e.categories(), e.actorUser().map(u -> pseudonym("staff", month, u)),
            e.personId().map(p -> pseudonym("person", month, p)));
    }

    /** A keyed pseudonym: the same for the same one within a month, unrelated across months and kinds. */
    private String pseudonym(String kind, String month, UUID id) {
        return (kind.equals("staff") ? "S-" : "P-") + pseudonyms.hash(kind + "|" + month + "|" + id).substring(0, 12);
    }

    private static void check(EventFilter f) {
        if (f.to().isBefore(f.from())) {
            throw HavenException.invalid("to", "The period ends before it starts.");
        }
        if (f.from().plusDays(MAX_DAYS).isBefore(f.to())) {
            throw HavenException.invalid("to", "One inspection spans at most " + MAX_DAYS + " days.");
        }
    }

    private static void requireInspector(Actor actor) {
        if (actor.role() != Role.OVERSIGHT && actor.role() != Role.EQUALITY) {
            throw new HavenException(ErrorCode.ROLE, "The pseudonymous view of the ledger is the supervisory authority's and the equality body's.");
        }
    }
}
