package eu.haven.web.page.me;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.haven.core.correction.CorrectionService;
import eu.haven.core.erasure.ErasureOutcome;
import eu.haven.core.erasure.ErasureService;
import eu.haven.core.error.ErrorCode;
import eu.haven.core.error.HavenException;
import eu.haven.core.person.Self;
import eu.haven.core.rights.PersonSessions;
import eu.haven.core.rights.PersonalData;
import eu.haven.core.rights.RightsService;
import eu.haven.core.staff.IssuedToken;
import eu.haven.web.ClientAddress;
import eu.haven.web.me.MeJson;
import eu.haven.web.me.PersonDocument;
import eu.haven.web.page.Area;
import eu.haven.web.page.FormErrors;
import eu.haven.web.page.Frame;
import eu.haven.web.page.IdleSessions;
import eu.haven.web.page.PageKit;
import eu.haven.web.page.PageText;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The person's portal ({@code /me}): sign in with the access code, see what is held and every
 * access, download receipts and the export, withdraw a consent, ask for a correction or for
 * erasure. Everything goes through the same services as {@code /api/v1/me}, so every view is in the
 * ledger before it is shown.
 */
public final class PortalPages {
    /** Accesses shown on one page of the timeline. */
    static final int HISTORY_PAGE = 25;
    private final Area area;
    private final PersonSessions sessions;
    /** The person's sign-in: their session token in a cookie for {@code /me}, ended after 15 idle minutes. */
    private final eu.haven.web.page.CookieSession<Self> session;
    private final RightsService rights;
    private final CorrectionService corrections;
    private final ErasureService erasure;
    private final MeJson json;
    private final ObjectMapper mapper;
    private final ClientAddress clients;
    private final eu.haven.web.page.CategoryFields fields;
    private final eu.haven.core.complaint.ComplaintService complaints;

    public PortalPages(Area area, PersonSessions sessions, IdleSessions idle, RightsService rights, CorrectionService corrections,
                       ErasureService erasure, MeJson json, ObjectMapper mapper, ClientAddress clients,
                       eu.haven.web.page.CategoryFields fields, eu.haven.core.complaint.ComplaintService complaints) {
        this.fields = fields;
        this.complaints = complaints;
        this.area = area;
        this.sessions = sessions;
        this.session = new eu.haven.web.page.CookieSession<>("haven_me", "/me", idle, area.kit().secure(), sessions::authenticate,
            sessions::signOut, ctx -> { });
        this.rights = rights;
        this.corrections = corrections;
        this.erasure = erasure;
        this.json = json;
        this.mapper = mapper;
        this.clients = clients;
    }

    public void register(RoutesConfig routes) {
        routes.get("/me/sign-in", area.page(ctx -> signInPage(ctx, 200, FormErrors.none(), "")));
        routes.post("/me/sign-in", area.page(this::signIn));
        routes.post("/me/activate", area.page(this::activate));
        routes.post("/me/sign-out", area.page(ctx -> {
            session.close(ctx);
            PageKit.redirect(ctx, area.text(ctx).href("/me/sign-in"));
        }));
        routes.get("/me", area.page(this::home));
        // The idle warning's "stay signed in": keeps the session; reads and records nothing.
        routes.get("/me/still-here", area.page(ctx -> {
            session.who(ctx);
            PageKit.headers(ctx);
            ctx.status(204);
        }));
        routes.get("/me/history", area.page(this::history));
        routes.get("/me/export", area.page(ctx -> {
            Self self = session.who(ctx);
            PersonalData data = rights.export(self);
            PersonDocument doc = json.document(data, area.text(ctx, Optional.of(data.profile().preferredLanguage())).lang(), true);
            PageKit.headers(ctx);
            ctx.header("Content-Disposition", "attachment; filename=\"haven-export.json\"");
            ctx.contentType("application/json").result(mapper.writeValueAsBytes(doc));
        }));
        routes.get("/me/receipts/{index}", area.page(ctx -> {
            Self self = session.who(ctx);
            long index = eu.haven.web.PathIds.ledgerIndex(ctx.pathParam("index"));
            String receipt = rights.receipt(self, index);
            PageKit.headers(ctx);
            ctx.header("Content-Disposition", "attachment; filename=\"haven-receipt-" + index + ".tlog-proof\"");
            ctx.contentType("text/plain; charset=utf-8").result(receipt);
        }));
        routes.get("/me/consents/{id}/withdraw", area.page(this::confirmWithdraw));
        routes.post("/me/consents/{id}/withdraw", area.page(ctx -> {
            Self self = session.who(ctx);
            rights.withdrawConsent(self, eu.haven.web.PathIds.uuid(ctx.pathParam("id")));
            PageKit.redirect(ctx, area.text(ctx).href("/me?done=withdrawn"));
        }));
        routes.get("/me/correction", area.page(ctx -> correctionPage(ctx, 200, FormErrors.none(), "", "")));
        routes.post("/me/correction", area.page(this::requestCorrection));
        routes.get("/me/complaint", area.page(ctx -> complaintPage(ctx, 200, FormErrors.none(), "")));
        routes.post("/me/complaint", area.page(ctx -> {
            Self self = session.who(ctx);
            PageText t = area.text(ctx, rights.language(self));
            String text = Optional.ofNullable(ctx.formParam("text")).orElse("").replace("\r\n", "\n");
            try {
                complaints.complain(self, text, rights.language(self).orElse(t.lang()));
            } catch (HavenException e) {
                if (e.code() != ErrorCode.INVALID_REQUEST) {
                    throw e;
                }
                complaintPage(ctx, 400, FormErrors.none().add("text", t.t("complaint.text-missing")), text);
                return;
            }
            PageKit.redirect(ctx, t.href("/me/complaint?done=sent"));
        }));
        routes.get("/me/erasure", area.page(ctx -> {
            Self self = session.who(ctx);
            PageText t = area.text(ctx, rights.language(self));
            area.render(ctx, 200, "page/me/erasure.jte", Map.of("f", frame(ctx, t, t.t("erasure.title"), ""), "t", t));
        }));
        routes.post("/me/erasure", area.page(ctx -> {
            Self self = session.who(ctx);
            PageText t = area.text(ctx, rights.language(self));
            ErasureOutcome outcome = erasure.request(self);
            PersonDocument.ErasureAnswer answer = json.outcome(outcome, rights.organisations(), t.lang());
            if (outcome.erased()) {
                session.close(ctx);
            }
            Frame f = area.frame(ctx, t, t.t("erasure.title"));
            area.render(ctx, 200, "page/me/erased.jte", Map.of("f", outcome.erased() ? f : signedIn(f, t, ""), "t", t, "answer", answer));
        }));
    }

    private void signInPage(Context ctx, int status, FormErrors errors, String code) {
        PageText t = area.text(ctx);
        Frame f = area.frame(ctx, t, t.t("signin.title")).withError(errors.any());
        area.render(ctx, status, "page/me/signin.jte", Map.of("f", f, "errors", errors, "code", code,
            "ended", "1".equals(ctx.queryParam("ended"))));
    }

    private void signIn(Context ctx) {
        PageText t = area.text(ctx);
        String code = Optional.ofNullable(ctx.formParam("code")).orElse("").strip();
        String secret = Optional.ofNullable(ctx.formParam("secret")).orElse("");
        if (code.isEmpty()) {
            signInPage(ctx, 400, FormErrors.none().add("code", t.t("signin.code-missing")), code);
            return;
        }
        try {
            IssuedToken token = sessions.signIn(code, secret.isEmpty() ? Optional.empty() : Optional.of(secret), clients.of(ctx));
            session.open(ctx, token.token());
            PageKit.redirect(ctx, t.href("/me"));
        } catch (HavenException e) {
            if (e.code() == ErrorCode.ACTIVATION_REQUIRED) {
                activatePage(ctx, 200, FormErrors.none(), code);
            } else if (e.code() == ErrorCode.INVALID_CREDENTIALS) {
                signInPage(ctx, 401, FormErrors.none().add("code", Area.explain(t, e)), code);
            } else {
                throw e;
            }
        }
    }

    private void activatePage(Context ctx, int status, FormErrors errors, String code) {
        PageText t = area.text(ctx);
        Frame f = area.frame(ctx, t, t.t("activate.title")).withError(errors.any());
        area.render(ctx, status, "page/me/activate.jte", Map.of("f", f, "errors", errors, "code", code));
    }

    private void activate(Context ctx) {
        PageText t = area.text(ctx);
        String code = Optional.ofNullable(ctx.formParam("code")).orElse("").strip();
        String secret = Optional.ofNullable(ctx.formParam("secret")).orElse("");
        if (secret.codePointCount(0, secret.length()) < PersonSessions.MIN_SECRET || secret.length() > PersonSessions.MAX_SECRET) {
            activatePage(ctx, 400, FormErrors.none().add("secret", t.t("activate.secret-short")), code);
            return;
        }
        try {
            IssuedToken token = sessions.activate(code, secret, clients.of(ctx));
            session.open(ctx, token.token());
            PageKit.redirect(ctx, t.href("/me"));
        } catch (HavenException e) {
            if (e.code() == ErrorCode.INVALID_CREDENTIALS) {
                signInPage(ctx, 401, FormErrors.none().add("code", Area.explain(t, e)), code);
            } else {
                throw e;
            }
        }
    }

    private void home(Context ctx) {
        Self self = session.who(ctx);
        PersonalData data = rights.overview(self);
        PageText t = area.text(ctx, Optional.of(data.profile().preferredLanguage()));
        PersonDocument doc = json.document(data, t.lang(), false);
        area.render(ctx, 200, "page/me/home.jte", Map.of("f", frame(ctx, t, t.t("me.title"), "/me"), "t", t, "d", doc,
            "done", Area.done(ctx, t, "me.done."), "fields", fields));
    }

    /** The access history, newest first, a page at a time ({@code ?before=} the last index shown). */
    private void history(Context ctx) {
        Self self = session.who(ctx);
        long before = eu.haven.web.PathIds.before(ctx.queryParam("before"));
        RightsService.Timeline timeline = rights.timeline(self, before, HISTORY_PAGE);
        PageText t = area.text(ctx, Optional.of(timeline.profile().preferredLanguage()));
        List<PersonDocument.AccessPart> accesses = json.accesses(timeline.events(), timeline.organisations(), t.lang());
        Map<String, Object> params = new HashMap<>();
        params.put("f", frame(ctx, t, t.t("history.title"), "/me/history"));
        params.put("t", t);
        params.put("accesses", accesses);
        params.put("withheld", timeline.withheld() > 0 ? json.withheld(timeline.withheld(), t.lang()) : "");
        params.put("older", timeline.older() && !accesses.isEmpty()
            ? t.href("/me/history?before=" + accesses.get(accesses.size() - 1).ledgerIndex()) : "");
        params.put("newest", before == Long.MAX_VALUE ? "" : t.href("/me/history"));
        area.render(ctx, 200, "page/me/history.jte", params);
    }

    private void confirmWithdraw(Context ctx) {
        Self self = session.who(ctx);
        PersonalData data = rights.overview(self);
        PageText t = area.text(ctx, Optional.of(data.profile().preferredLanguage()));
        String id = eu.haven.web.PathIds.uuid(ctx.pathParam("id")).toString();
        PersonDocument.ConsentPart consent = json.document(data, t.lang(), false).consents().stream()
            .filter(c -> c.id().equals(id) && c.withdraw() != null).findFirst().orElseThrow(HavenException::notFound);
        area.render(ctx, 200, "page/me/withdraw.jte", Map.of("f", frame(ctx, t, t.t("withdraw.title"), ""), "t", t, "c", consent));
    }

    private void correctionPage(Context ctx, int status, FormErrors errors, String organisation, String text) {
        Self self = session.who(ctx);
        PersonalData data = rights.overview(self);
        PageText t = area.text(ctx, Optional.of(data.profile().preferredLanguage()));
        Map<String, String> holders = new java.util.LinkedHashMap<>();
        for (PersonDocument.Holding h : json.document(data, t.lang(), false).data()) {
            holders.put(h.organisation().id(), h.organisation().name());
        }
        Map<String, Object> params = new HashMap<>();
        params.put("f", frame(ctx, t, t.t("correction.title"), "").withError(errors.any()));
        params.put("t", t);
        params.put("errors", errors);
        params.put("holders", holders);
        params.put("organisation", organisation);
        params.put("text", text);
        area.render(ctx, status, "page/me/correction.jte", params);
    }

    private void requestCorrection(Context ctx) {
        Self self = session.who(ctx);
        PageText t = area.text(ctx, rights.language(self));
        String organisation = Optional.ofNullable(ctx.formParam("organisation")).orElse("");
        String text = Optional.ofNullable(ctx.formParam("text")).orElse("").replace("\r\n", "\n");
        FormErrors errors = FormErrors.none();
        if (organisation.isEmpty()) {
            errors.add("organisation", t.t("correction.org-missing"));
        }
        if (text.isBlank()) {
            errors.add("text", t.t("correction.text-missing"));
        }
        if (!errors.any()) {
            try {
                corrections.request(self, organisation, Optional.empty(), text);
                PageKit.redirect(ctx, t.href("/me?done=correction"));
                return;
            } catch (HavenException e) {
                if (e.code() != ErrorCode.INVALID_REQUEST && e.code() != ErrorCode.UNKNOWN_ORGANISATION) {
                    throw e;
                }
                errors.add(e.field().filter(x -> x.equals("organisation")).orElse("text"), Area.explain(t, e));
            }
        }
        correctionPage(ctx, 400, errors, organisation, text);
    }

    /** The person's complaints to the data protection officer, their answers, and the form for a new one. */
    public record ComplaintLine(String sent, String text, String status, String answer) {}

    private void complaintPage(Context ctx, int status, FormErrors errors, String text) {
        Self self = session.who(ctx);
        PageText t = area.text(ctx, rights.language(self));
        List<ComplaintLine> mine = complaints.mine(self).stream().map(c -> new ComplaintLine(t.dateTime(c.createdAt()), c.text(),
            c.handedTo().map(b -> t.t("complaint.handed." + b.code())).orElse(c.answer().isPresent() ? t.t("complaint.answered")
                : t.t("complaint.waiting")), c.answer().orElse(""))).toList();
        Map<String, Object> params = new HashMap<>();
        params.put("f", frame(ctx, t, t.t("complaint.title"), "").withError(errors.any()));
        params.put("t", t);
        params.put("errors", errors);
        params.put("text", text);
        params.put("mine", mine);
        params.put("done", Area.done(ctx, t, "complaint.done."));
        area.render(ctx, status, "page/me/complaint.jte", params);
    }

    private Frame frame(Context ctx, PageText t, String title, String current) {
        return signedIn(area.frame(ctx, t, title), t, current);
    }

    private static Frame signedIn(Frame f, PageText t, String current) {
        return f.signedIn("/me/sign-out", List.of(new Frame.NavLink(t.t("me.title"), t.href("/me"), current.equals("/me")),
            new Frame.NavLink(t.t("me.history"), t.href("/me/history"), current.equals("/me/history"))), "/me");
    }


}
