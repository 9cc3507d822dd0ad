package eu.haven.web.page.staff;

import eu.haven.web.ApiServices;
import eu.haven.web.ClientAddress;
import eu.haven.web.i18n.Labels;
import eu.haven.web.page.Area;
import eu.haven.web.page.IdleSessions;
import eu.haven.web.page.Pages;
import io.javalin.config.RoutesConfig;
import java.util.Optional;

/** The staff's pages under {@code /staff}, wired to the core services. */
public final class StaffSite {
    private StaffSite() {}

    /**
     * The organisations' names, read again at most every ten seconds: every staff page names
     * organisations, and they change only when an administrator adds one.
     */
    static <T> java.util.function.Supplier<T> recent(java.util.function.Supplier<T> source) {
        java.util.concurrent.atomic.AtomicReference<java.util.Map.Entry<Long, T>> kept = new java.util.concurrent.atomic.AtomicReference<>();
        return () -> {
            long now = System.nanoTime();
            java.util.Map.Entry<Long, T> held = kept.get();
            if (held != null && now - held.getKey() < 10_000_000_000L) {
                return held.getValue();
            }
            T fresh = source.get();
            kept.set(java.util.Map.entry(now, fresh));
            return fresh;
        };
    }

    public static void register(RoutesConfig routes, Area area, ApiServices s, Labels labels, ClientAddress clients,
                                Optional<String> publicUrl) {
        StaffPageSession session = new StaffPageSession(s.auth(), s.purposes(), new IdleSessions(Pages.STAFF_IDLE, s.pages().clock()),
            area.kit().secure());
        StaffFrames frames = new StaffFrames(area, labels);
        java.util.function.Supplier<java.util.Map<String, eu.haven.core.staff.Organisation>> organisations = recent(s.rights()::organisations);
        new StaffPages(area, session, s.auth(), s.pages().caseload(), s.framework(), labels, clients).register(routes);
        new CasePages(area, session, frames, s.persons(), s.records(), s.consents(), s.referrals(), s.framework(), labels,
            organisations, publicUrl, s.pages().caseFiles(),
            new eu.haven.web.me.MeJson(eu.haven.web.Json.mapper(), labels, s.ledger().origin(), s.ledger().vkey())).register(routes);
        new InboxPages(area, session, frames, s.referrals(), labels, organisations).register(routes);
        new LedgerPages(area, session, frames, s.ledger(), s.codes(), organisations).register(routes);
        new AdminPages(area, session, frames, s.staffAdmin(), s.framework(), s.rights()::organisationsNow).register(routes);
        new RequestPages(area, session, frames, s.corrections(), s.erasure(), s.codes()).register(routes);
    }
}
