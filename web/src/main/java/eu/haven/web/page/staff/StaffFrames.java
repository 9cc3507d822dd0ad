package eu.haven.web.page.staff;

import eu.haven.core.framework.RequestedPurpose;
import eu.haven.core.staff.Actor;
import eu.haven.core.staff.Role;
import eu.haven.web.page.Area;
import eu.haven.web.page.Frame;
import eu.haven.web.page.PageText;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The frame of a signed-in staff page: the menu for the role, sign-out, and the declared purpose on every page. */
final class StaffFrames {
    private final Area area;
    private final eu.haven.web.i18n.Labels labels;

    StaffFrames(Area area, eu.haven.web.i18n.Labels labels) {
        this.area = area;
        this.labels = labels;
    }

    Frame frame(Context ctx, PageText t, String title, Actor actor, Optional<RequestedPurpose> purpose,
                       String current) {
        List<Frame.NavLink> menu = new ArrayList<>();
        if (actor.role() == Role.CASEWORKER || actor.role() == Role.SUPERVISOR) {
            menu.add(link(t, "staff.nav.people", "/staff/people", current));
            menu.add(link(t, "staff.nav.new", "/staff/people/new", current));
            menu.add(link(t, "staff.nav.inbox", "/staff/inbox", current));
            menu.add(link(t, "staff.nav.requests", "/staff/requests", current));
        }
        if (actor.role() == Role.DPO || actor.role() == Role.OVERSIGHT || actor.role() == Role.EQUALITY) {
            menu.add(link(t, "staff.nav.ledger", "/staff/ledger", current));
        }
        if (actor.role() == Role.DPO) {
            menu.add(link(t, "staff.nav.alerts", "/staff/alerts", current));
            menu.add(link(t, "staff.nav.complaints", "/staff/complaints", current));
            menu.add(link(t, "staff.nav.authority", "/staff/authority", current));
            menu.add(link(t, "staff.nav.algorithms", "/staff/algorithms", current));
        }
        if (actor.role() == Role.OVERSIGHT || actor.role() == Role.EQUALITY) {
            menu.add(link(t, "staff.nav.oversight", "/staff/oversight", current));
        }
        if (actor.role() == Role.EQUALITY) {
            menu.add(link(t, "staff.nav.equality", "/staff/equality", current));
        }
        if (actor.role() == Role.EDITOR) {
            menu.add(link(t, "staff.nav.directory", "/staff/directory", current));
        }
        if (actor.role() == Role.ADMIN) {
            menu.add(link(t, "staff.nav.admin", "/staff/admin", current));
        }
        Frame f = area.frame(ctx, t, title).signedIn("/staff/sign-out", menu, StaffPages.home(actor, true));
        return purpose.map(p -> f.declaring(p.purpose().map(x -> labels.purpose(t.lang(), x.code())).orElse(p.declared()),
            t.href("/staff/purpose" + (current.isEmpty() ? "" : "?next=" + current)))).orElse(f);
    }

    private static Frame.NavLink link(PageText t, String key, String path, String current) {
        return new Frame.NavLink(t.t(key), t.href(path), path.equals(current));
    }
}
