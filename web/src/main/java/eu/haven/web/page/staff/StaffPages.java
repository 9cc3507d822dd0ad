package eu.haven.web.page.staff;

import eu.haven.core.caseload.CaseloadPage;
import eu.haven.core.caseload.CaseloadService;
import eu.haven.core.error.ErrorCode;
import eu.haven.core.error.HavenException;
import eu.haven.core.framework.Framework;
import eu.haven.core.framework.Grant;
import eu.haven.core.framework.RequestedPurpose;
import eu.haven.core.staff.Actor;
import eu.haven.core.staff.AuthService;
import eu.haven.core.staff.IssuedToken;
import eu.haven.core.staff.Role;
import eu.haven.web.ClientAddress;
import eu.haven.web.i18n.Labels;
import eu.haven.web.page.Area;
import eu.haven.web.page.FormErrors;
import eu.haven.web.page.Frame;
import eu.haven.web.page.PageKit;
import eu.haven.web.page.PageText;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The staff's pages: sign-in, the purpose declared for the session, and the caseload. A person's
 * page and the inboxes are {@link CasePages}'; accounts are {@link AdminPages}'; the ledger's state
 * is {@link LedgerPages}'.
 */
public final class StaffPages {
    static final int PAGE_SIZE = 25;
    private final Area area;
    private final StaffPageSession session;
    private final AuthService auth;
    private final CaseloadService caseload;
    private final Framework framework;
    private final Labels labels;
    private final ClientAddress clients;
    private final StaffFrames frames;

    StaffPages(Area area, StaffPageSession session, AuthService auth, CaseloadService caseload, Framework framework, Labels labels,
               ClientAddress clients) {
        this.frames = new StaffFrames(area, labels);
        this.area = area;
        this.session = session;
        this.auth = auth;
        this.caseload = caseload;
        this.framework = framework;
        this.labels = labels;
        this.clients = clients;
    }

    void register(RoutesConfig routes) {
        routes.get("/staff/sign-in", area.page(ctx -> signInPage(ctx, 200, FormErrors.none(), "")));
        routes.post("/staff/sign-in", area.page(this::signIn));
        routes.post("/staff/sign-out", area.page(ctx -> {
            session.close(ctx);
            PageKit.redirect(ctx, area.text(ctx).href("/staff/sign-in"));
        }));
        routes.get("/staff", area.page(ctx -> {
            Actor actor = session.actor(ctx);
            PageText t = area.text(ctx);
            PageKit.redirect(ctx, t.href(home(actor, session.declared(ctx).isPresent())));
        }));
        routes.get("/staff/purpose", area.page(ctx -> purposePage(ctx, session.actor(ctx), 200, FormErrors.none())));
        routes.post("/staff/purpose", area.page(ctx -> {
            Actor actor = session.actor(ctx);
            String chosen = Optional.ofNullable(ctx.formParam("purpose")).orElse("").strip();
            if (chosen.isEmpty()) {
                PageText t = area.text(ctx);
                purposePage(ctx, actor, 400, FormErrors.none().add("purpose", t.t("staff.purpose.missing")));
                return;
            }
            session.declare(ctx, chosen);
            String next = Optional.ofNullable(ctx.formParam("next")).filter(n -> n.matches("/staff/people(/[0-9a-f-]{36})?")).orElse("/staff/people");
            PageKit.redirect(ctx, area.text(ctx).href(next));
        }));
        routes.get("/staff/people", area.page(this::caseload));
        // The idle warning's "stay signed in": keeps the session; reads and records nothing.
        routes.get("/staff/still-here", area.page(ctx -> {
            session.actor(ctx);
            PageKit.headers(ctx);
            ctx.status(204);
        }));
    }

    /** Where a member of staff starts: the caseload, once a purpose is declared; the accounts or the ledger for roles without cases. */
    static String home(Actor actor, boolean declared) {
        return switch (actor.role()) {
            case ADMIN -> "/staff/admin";
            case DPO, OVERSIGHT -> "/staff/ledger";
            case EDITOR -> "/staff/directory";
            case EQUALITY -> "/staff/equality";
            default -> declared ? "/staff/people" : "/staff/purpose";
        };
    }

    private void signInPage(Context ctx, int status, FormErrors errors, String username) {
        PageText t = area.text(ctx);
        Frame f = area.frame(ctx, t, t.t("staff.signin.title")).withError(errors.any());
        area.render(ctx, status, "page/staff/signin.jte", Map.of("f", f, "errors", errors, "username", username,
            "ended", "1".equals(ctx.queryParam("ended"))));
    }

    private void signIn(Context ctx) {
        PageText t = area.text(ctx);
        String username = Optional.ofNullable(ctx.formParam("username")).orElse("").strip();
        String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        FormErrors errors = FormErrors.none();
        if (username.isEmpty()) {
            errors.add("username", t.t("staff.signin.username-missing"));
        }
        if (password.isEmpty()) {
            errors.add("password", t.t("staff.signin.password-missing"));
        }
        if (errors.any()) {
            signInPage(ctx, 400, errors, username);
            return;
        }
        try {
            IssuedToken token = auth.login(username, password, clients.of(ctx));
            session.open(ctx, token.token());
            Actor actor = auth.authenticate(Optional.of(token.token()));
            PageKit.redirect(ctx, t.href(home(actor, false)));
        } catch (HavenException e) {
            if (e.code() != ErrorCode.INVALID_CREDENTIALS) {
                throw e;
            }
            signInPage(ctx, 401, FormErrors.none().add("password", t.t("staff.signin.wrong")), username);
        }
    }

    /** The purposes the framework grants this organisation's type, as code and label. */
    Map<String, String> purposesOf(Actor actor, String lang) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Grant g : framework.grants()) {
            if (g.organisationType().equals(actor.organisationType())) {
                g.purposes().forEach(p -> out.put(p, labels.purpose(lang, p)));
            }
        }
        return out;
    }

    private void purposePage(Context ctx, Actor actor, int status, FormErrors errors) {
        PageText t = area.text(ctx);
        Map<String, Object> params = new HashMap<>();
        params.put("f", frames.frame(ctx, t, t.t("staff.purpose.title"), actor, Optional.empty(), "").withError(errors.any()));
        params.put("t", t);
        params.put("errors", errors);
        params.put("purposes", purposesOf(actor, t.lang()));
        params.put("current", session.declared(ctx).orElse(""));
        params.put("next", Optional.ofNullable(ctx.queryParam("next")).orElse(""));
        area.render(ctx, status, "page/staff/purpose.jte", params);
    }

    private void caseload(Context ctx) {
        Actor actor = session.actor(ctx);
        RequestedPurpose purpose = session.purpose(ctx);
        PageText t = area.text(ctx);
        String filter = Optional.ofNullable(ctx.queryParam("q")).orElse("").strip();
        if (filter.length() > 100) {
            filter = filter.substring(0, 100);
        }
        int page = 1;
        try {
            page = Math.max(1, Integer.parseInt(Optional.ofNullable(ctx.queryParam("page")).orElse("1")));
        } catch (NumberFormatException e) {
            page = 1;
        }
        CaseloadPage found = caseload.list(actor, purpose, filter.isEmpty() ? Optional.empty() : Optional.of(filter),
            (page - 1) * PAGE_SIZE, PAGE_SIZE);
        Map<String, Object> params = new HashMap<>();
        params.put("f", frames.frame(ctx, t, t.t("staff.people.title"), actor, Optional.of(purpose), "/staff/people"));
        params.put("t", t);
        params.put("found", found);
        params.put("filter", filter);
        params.put("page", page);
        params.put("pageSize", PAGE_SIZE);
        area.render(ctx, 200, "page/staff/people.jte", params);
    }
}
