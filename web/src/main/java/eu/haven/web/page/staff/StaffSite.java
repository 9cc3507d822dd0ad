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

    public static void register(RoutesConfig routes, Area area, ApiServices s, Labels labels, ClientAddress clients,
                                Optional<String> publicUrl) {
        StaffPageSession session = new StaffPageSession(s.auth(), s.purposes(), new IdleSessions(Pages.STAFF_IDLE, s.pages().clock()),
            area.kit().secure());
        StaffFrames frames = new StaffFrames(area, labels);
        new StaffPages(area, session, s.auth(), s.pages().caseload(), s.framework(), labels, clients).register(routes);
        new CasePages(area, session, frames, s.persons(), s.records(), s.consents(), s.referrals(), s.framework(), labels,
            s.rights()::organisations, publicUrl).register(routes);
        new InboxPages(area, session, frames, s.referrals(), labels, s.rights()::organisations).register(routes);
        new LedgerPages(area, session, frames, s.ledger()).register(routes);
    }
}
