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
                                Optional<String> publicUrl, eu.haven.web.authority.RefusalLetters letters) {
        StaffPageSession session = new StaffPageSession(s.auth(), s.purposes(), new IdleSessions(Pages.STAFF_IDLE, s.pages().clock()),
            area.kit().secure());
        StaffFrames frames = new StaffFrames(area, labels);
        // The rights service keeps organisations' names for ten seconds; the administrator's page reads them fresh.
        java.util.function.Supplier<java.util.Map<String, eu.haven.core.staff.Organisation>> organisations = s.rights()::organisations;
        new StaffPages(area, session, s.auth(), s.pages().caseload(), s.framework(), labels, clients).register(routes);
        new CasePages(area, session, frames, s.persons(), s.records(), s.consents(), s.referrals(), s.framework(), labels,
            organisations, publicUrl, s.pages().caseFiles(),
            new eu.haven.web.me.MeJson(eu.haven.web.Json.mapper(), labels, s.ledger().origin(), s.ledger().vkey())).register(routes);
        new InboxPages(area, session, frames, s.referrals(), labels, organisations).register(routes);
        new LedgerPages(area, session, frames, s.ledger(), s.codes(), organisations).register(routes);
        new AlertPages(area, session, frames, s.alerts(), organisations, id -> s.staffAdmin().username(id)).register(routes);
        new AdminPages(area, session, frames, s.staffAdmin(), s.framework(), s.rights()::organisationsNow).register(routes);
        new RequestPages(area, session, frames, s.corrections(), s.erasure(), s.codes()).register(routes);
        new OversightPages(area, session, frames, s.oversight().inspections(), labels, organisations).register(routes);
        new AlgorithmEditPages(area, session, frames, s.oversight().algorithms()).register(routes);
        new EqualityPages(area, session, frames, s.oversight().equality()).register(routes);
        new ComplaintPages(area, session, frames, s.oversight().complaints()).register(routes);
        new AuthorityPages(area, session, frames, s.oversight().authority(), labels, letters).register(routes);
        new DirectoryPages(area, session, frames, s.navigator(), s.directoryEdits()).register(routes);
    }
}
