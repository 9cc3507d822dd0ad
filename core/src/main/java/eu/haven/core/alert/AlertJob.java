package eu.haven.core.alert;

import eu.haven.core.audit.Ledger;
import eu.haven.core.audit.LoggedEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Feeds the ledger's new events to the access watch at each run and raises what it finds. On its
 * first run it reads the last {@code baselineDays} first, raising nothing, so that it knows each
 * member of staff's usual and what already fired today.
 */
public final class AlertJob {
    private static final int PAGE = 2_000;
    /** Events are read from a little before the newest seen, as they may be committed slightly out of time order. */
    private static final Duration OVERLAP = Duration.ofMinutes(10);
    private final Ledger ledger;
    private final AccessWatch watch;
    private final AlertService alerts;
    private final Clock clock;
    private long cursor = -1;
    private Instant newest;
    private boolean warm;

    public AlertJob(Ledger ledger, AccessWatch watch, AlertService alerts, Clock clock) {
        this.ledger = ledger;
        this.watch = watch;
        this.alerts = alerts;
        this.clock = clock;
    }

    /** Reads what was appended since the last run; returns how many alerts it raised. */
    public int run() {
        return run(true);
    }

    /**
     * As {@link #run()}; without {@code raising} (another server sharing the database raises them) it only watches, so
     * that it knows each member of staff's usual when it takes over.
     */
    public synchronized int run(boolean raising) {
        Instant now = clock.instant();
        // What the ledger held before the first run is read by time only: later runs go on from at least its end.
        long held = warm ? cursor : ledger.size() - 1;
        if (!warm) {
            newest = now.minus(Duration.ofDays(watch.settings().baselineDays() + 1L));
        }
        int raised = 0;
        while (true) {
            // The first run reads the baseline's days by time; later runs read what was appended since, by index (by time,
            // each page read every event of the overlap again: under load, seconds of a core each minute).
            Ledger.Period period = warm ? ledger.after(cursor, PAGE) : ledger.between(newest.minus(OVERLAP), now.plusSeconds(60), cursor, PAGE);
            for (LoggedEvent logged : period.events()) {
                cursor = logged.index();
                if (logged.event().at().isAfter(newest)) {
                    newest = logged.event().at();
                }
                for (AccessWatch.Finding f : watch.observe(logged.event())) {
                    if (warm && raising) {
                        alerts.raiseAbout(f.kind(), f.organisation(), f.staff());
                        raised++;
                    }
                }
            }
            cursor = Math.max(cursor, period.last());
            if (!period.more()) {
                break;
            }
        }
        cursor = Math.max(cursor, held);
        warm = true;
        return raised;
    }
}
