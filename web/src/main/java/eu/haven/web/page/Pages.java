package eu.haven.web.page;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.haven.web.ApiServices;
import eu.haven.web.ClientAddress;
import eu.haven.web.i18n.Labels;
import eu.haven.web.i18n.Messages;
import eu.haven.web.me.MeJson;
import eu.haven.web.page.me.PortalPages;
import io.javalin.config.RoutesConfig;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/**
 * The server-rendered pages, beside the JSON API and calling the same core services: the person's
 * portal ({@code /me}), the public navigator ({@code /}, {@code /services}, {@code /ask}), the staff's pages
 * ({@code /staff}), and the style sheet they share.
 */
public final class Pages {
    /** A person's session on the pages ends after this long without a request. */
    public static final Duration PERSON_IDLE = Duration.ofMinutes(15);
    /** A member of staff's, after this long. */
    public static final Duration STAFF_IDLE = Duration.ofMinutes(30);

    private Pages() {}

    public static void register(RoutesConfig routes, ApiServices s, Labels labels, ObjectMapper mapper, ClientAddress clients,
                                boolean https, java.util.Optional<String> publicUrl, eu.haven.web.authority.RefusalLetters letters) {
        Assets assets = new Assets();
        PageKit kit = new PageKit(new Csrf(s.pages().formKey(), https), assets, ZoneId.systemDefault(), https);
        routes.get(assets.cssPath(), ctx -> {
            ctx.header("Cache-Control", "public, max-age=31536000, immutable");
            ctx.contentType("text/css; charset=utf-8").result(assets.css());
        });
        routes.get(assets.jsPath(), ctx -> {
            ctx.header("Cache-Control", "public, max-age=31536000, immutable");
            ctx.contentType("text/javascript; charset=utf-8").result(assets.js());
        });
        Area person = new Area(kit, Frame.Area.PERSON, List.of(Messages.bundled()));
        new PortalPages(person, s.sessions(), new IdleSessions(PERSON_IDLE, s.pages().clock()), s.rights(), s.corrections(),
            s.erasure(), new MeJson(mapper, labels, s.ledger().origin(), s.ledger().vkey()), mapper, clients,
            new CategoryFields(s.framework()), s.oversight().complaints()).register(routes);
        new eu.haven.web.page.navigator.NavigatorPages(kit, s.navigator()).register(routes);
        new eu.haven.web.page.algorithm.AlgorithmPages(kit, s.oversight().algorithms()).register(routes);
        new eu.haven.web.page.transparency.TransparencyPages(kit, s.oversight().transparency(), labels, mapper).register(routes);
        Area staff = new Area(kit, Frame.Area.STAFF, List.of(Messages.staff(), Messages.bundled()));
        eu.haven.web.page.staff.StaffSite.register(routes, staff, s, labels, clients, publicUrl, letters);
    }
}
