package eu.haven.web.page.staff;

import eu.haven.core.authority.AuthorityRequest;
import eu.haven.core.authority.AuthorityRequestService;
import eu.haven.core.authority.BodyType;
import eu.haven.core.authority.NewAuthorityRequest;
import eu.haven.core.error.ErrorCode;
import eu.haven.core.error.HavenException;
import eu.haven.core.framework.Firewall;
import eu.haven.core.framework.Framework;
import eu.haven.core.staff.Actor;
import eu.haven.core.staff.Role;
import eu.haven.web.authority.RefusalLetters;
import eu.haven.web.i18n.Labels;
import eu.haven.web.i18n.Messages;
import eu.haven.web.page.Area;
import eu.haven.web.page.FormErrors;
import eu.haven.web.page.PageKit;
import eu.haven.web.page.PageText;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The data protection officer's register of requests from authorities: register one (the firewall
 * answers at once where it can), match the people it concerns one by one, decide, postpone telling
 * them at a court's order, print the refusal letter. The pages only convert; the service checks
 * the role and records every step.
 */
final class AuthorityPages {
    private static final String OTHER = "other";
    private final Area area;
    private final StaffPageSession session;
    private final StaffFrames frames;
    private final AuthorityRequestService authority;
    private final Framework framework;
    private final Labels labels;
    private final RefusalLetters letters;

    AuthorityPages(Area area, StaffPageSession session, StaffFrames frames, AuthorityRequestService authority, Labels labels,
                   RefusalLetters letters) {
        this.area = area;
        this.session = session;
        this.frames = frames;
        this.authority = authority;
        this.framework = authority.framework();
        this.labels = labels;
        this.letters = letters;
    }

    void register(RoutesConfig routes) {
        routes.get("/staff/authority", area.page(ctx -> list(ctx, 200, FormErrors.none(), Map.of())));
        routes.post("/staff/authority", area.page(this::create));
        routes.get("/staff/authority/{id}", area.page(ctx -> show(ctx, 200, FormErrors.none(), Map.of())));
        routes.post("/staff/authority/{id}/persons", area.page(this::addPerson));
        routes.post("/staff/authority/{id}/decision", area.page(this::decide));
        routes.post("/staff/authority/{id}/postponement", area.page(this::postpone));
        routes.get("/staff/authority/{id}/letter", area.page(ctx -> letters.render(ctx, authority.find(officer(ctx), id(ctx)))));
    }

    private Actor officer(Context ctx) {
        return session.actor(ctx, Role.DPO);
    }

    private static UUID id(Context ctx) {
        return CasePages.uuid(ctx.pathParam("id"));
    }

    private void list(Context ctx, int status, FormErrors errors, Map<String, String> values) {
        Actor actor = officer(ctx);
        PageText t = area.text(ctx);
        List<AuthorityRow> rows = authority.list(actor).stream().map(r -> new AuthorityRow(t.href("/staff/authority/" + r.id()), t.date(r.receivedAt()),
            r.body(), t.t("staff.authority.body." + r.bodyType().code()), purpose(t, r.purpose()), t.t("staff.authority.status." + r.status().code()),
            r.decided() && r.status() != AuthorityRequest.Status.GRANTED)).toList();
        Map<String, Object> params = new HashMap<>();
        params.put("f", frames.frame(ctx, t, t.t("staff.authority.title"), actor, Optional.empty(), "/staff/authority").withError(errors.any()));
        params.put("t", t);
        params.put("errors", errors);
        params.put("values", values);
        params.put("rows", rows);
        params.put("bodyTypes", options(t, Arrays.stream(BodyType.values()).map(BodyType::code).toList(), "staff.authority.body."));
        params.put("purposes", purposeChoices(t));
        params.put("categories", categories(t, framework.categories().stream().map(c -> c.code()).toList()));
        Map<String, String> languages = new LinkedHashMap<>();
        Messages.LETTER_LANGUAGES.forEach(l -> languages.put(l, PageKit.languageName(l)));
        params.put("languages", languages);
        area.render(ctx, status, "page/staff/authority.jte", params);
    }

    /** The purposes to choose from: the firewall's roots first (the usual ones), then the framework's, then "another DPV purpose". */
    private Map<String, String> purposeChoices(PageText t) {
        Map<String, String> out = new LinkedHashMap<>();
        Messages roots = Messages.letters();
        String lang = roots.languages().contains(t.lang()) ? t.lang() : "en";
        for (String root : Firewall.ROOTS) {
            out.put(root, roots.text(lang, "letter.root." + root.substring(root.lastIndexOf('#') + 1)));
        }
        framework.purposes().forEach(p -> out.put(p.code(), labels.purpose(t.lang(), p.code())));
        out.put(OTHER, t.t("staff.authority.purpose-other"));
        return out;
    }

    private String purpose(PageText t, String recorded) {
        Messages roots = Messages.letters();
        String lang = roots.languages().contains(t.lang()) ? t.lang() : "en";
        if (Firewall.ROOTS.contains(recorded)) {
            return roots.text(lang, "letter.root." + recorded.substring(recorded.lastIndexOf('#') + 1));
        }
        return labels.purpose(t.lang(), recorded);
    }

    private Map<String, String> categories(PageText t, List<String> codes) {
        Map<String, String> out = new LinkedHashMap<>();
        codes.forEach(c -> out.put(c, labels.category(t.lang(), c)));
        return out;
    }

    private static Map<String, String> options(PageText t, List<String> codes, String prefix) {
        Map<String, String> out = new LinkedHashMap<>();
        codes.forEach(c -> out.put(c, t.t(prefix + c)));
        return out;
    }

    private void create(Context ctx) {
        Actor actor = officer(ctx);
        PageText t = area.text(ctx);
        Map<String, String> values = CasePages.form(ctx, "body", "bodyType", "legalReference", "purpose", "purposeOther", "letterLanguage");
        List<String> categories = ctx.formParams("categories");
        values.put("categories", String.join(",", categories));
        String purpose = OTHER.equals(values.get("purpose")) ? values.get("purposeOther") : values.get("purpose");
        try {
            AuthorityRequest r = authority.register(actor, new NewAuthorityRequest(values.get("body"), values.get("bodyType"),
                values.get("legalReference"), purpose, Set.copyOf(categories), values.get("letterLanguage")));
            String href = t.href("/staff/authority/" + r.id());
            PageKit.redirect(ctx, href + (href.contains("?") ? "&" : "?") + "done=" + (r.decided() ? "refused" : "registered"));
        } catch (HavenException e) {
            FormErrors errors = FormErrors.none();
            String field = e.field().map(f -> "purpose".equals(f) && OTHER.equals(values.get("purpose")) ? "purposeOther" : f).orElse("");
            errors.add(field, e.code() == ErrorCode.INVALID_REQUEST ? t.t("staff.authority.invalid." + field.replace("Other", ""))
                : Area.explain(t, e));
            list(ctx, 400, errors, values);
        }
    }

    private void show(Context ctx, int status, FormErrors errors, Map<String, String> values) {
        Actor actor = officer(ctx);
        PageText t = area.text(ctx);
        AuthorityRequest r = authority.find(actor, id(ctx));
        Set<String> allowed = authority.allowedFor(r.purpose());
        Map<String, Object> params = new HashMap<>();
        params.put("f", frames.frame(ctx, t, t.t("staff.authority.one"), actor, Optional.empty(), "/staff/authority").withError(errors.any()));
        params.put("t", t);
        params.put("errors", errors);
        params.put("values", values);
        params.put("r", r);
        params.put("href", t.href("/staff/authority/" + r.id()).replaceAll("\\?.*$", ""));
        params.put("received", t.dateTime(r.receivedAt()));
        params.put("bodyType", t.t("staff.authority.body." + r.bodyType().code()));
        params.put("purpose", purpose(t, r.purpose()));
        params.put("status", t.t("staff.authority.status." + r.status().code()));
        params.put("asked", categories(t, r.categories().stream().sorted().toList()));
        params.put("grantable", categories(t, r.categories().stream().filter(allowed::contains).sorted().toList()));
        params.put("granted", String.join(", ", categories(t, r.granted().stream().sorted().toList()).values()));
        params.put("persons", t.number(authority.personCount(actor, r.id())));
        params.put("postponed", r.postponedUntil().map(LocalDate::toString).orElse(""));
        params.put("letter", r.status() == AuthorityRequest.Status.REFUSED_AUTOMATICALLY || r.status() == AuthorityRequest.Status.REFUSED);
        params.put("done", Area.done(ctx, t, "staff.authority.done."));
        area.render(ctx, status, "page/staff/authority-one.jte", params);
    }

    private void addPerson(Context ctx) {
        Actor actor = officer(ctx);
        PageText t = area.text(ctx);
        Map<String, String> values = CasePages.form(ctx, "person");
        UUID person;
        try {
            person = UUID.fromString(values.get("person"));
        } catch (IllegalArgumentException e) {
            show(ctx, 400, FormErrors.none().add("person", t.t("staff.authority.invalid.person")), values);
            return;
        }
        try {
            authority.addPerson(actor, id(ctx), person);
        } catch (HavenException e) {
            if (!"person".equals(e.field().orElse(""))) {
                throw e;
            }
            show(ctx, 400, FormErrors.none().add("person", t.t("staff.authority.invalid.person")), values);
            return;
        }
        back(ctx, t, "person-added");
    }

    private void decide(Context ctx) {
        Actor actor = officer(ctx);
        PageText t = area.text(ctx);
        Map<String, String> values = CasePages.form(ctx, "note", "outcome");
        List<String> grant = "grant".equals(values.get("outcome")) ? ctx.formParams("grant") : List.of();
        if ("grant".equals(values.get("outcome")) && grant.isEmpty()) {
            show(ctx, 400, FormErrors.none().add("grant", t.t("staff.authority.invalid.grant")), values);
            return;
        }
        try {
            authority.decide(actor, id(ctx), Set.copyOf(grant), values.get("note"));
        } catch (HavenException e) {
            if (e.field().isEmpty()) {
                throw e;
            }
            show(ctx, 400, FormErrors.none().add(e.field().get(), e.code() == ErrorCode.INVALID_REQUEST
                ? t.t("staff.authority.invalid." + e.field().get()) : Area.explain(t, e)), values);
            return;
        }
        back(ctx, t, "decided");
    }

    private void postpone(Context ctx) {
        Actor actor = officer(ctx);
        PageText t = area.text(ctx);
        Map<String, String> values = CasePages.form(ctx, "until", "reason");
        try {
            LocalDate until;
            try {
                until = LocalDate.parse(values.get("until"));
            } catch (DateTimeParseException e) {
                throw HavenException.invalid("until", "Give the date as YYYY-MM-DD.");
            }
            authority.postpone(actor, id(ctx), until, values.get("reason"));
        } catch (HavenException e) {
            if (e.field().isEmpty()) {
                throw e;
            }
            show(ctx, 400, FormErrors.none().add(e.field().get(), t.t("staff.authority.invalid." + e.field().get())), values);
            return;
        }
        back(ctx, t, "postponed");
    }

    private static void back(Context ctx, PageText t, String done) {
        String href = t.href("/staff/authority/" + ctx.pathParam("id"));
        PageKit.redirect(ctx, href + (href.contains("?") ? "&" : "?") + "done=" + done);
    }
}
