package eu.haven.web.page.staff;

import eu.haven.core.consent.Consent;
import eu.haven.core.consent.ConsentService;
import eu.haven.core.consent.NewConsent;
import eu.haven.core.error.ErrorCode;
import eu.haven.core.error.HavenException;
import eu.haven.core.framework.Framework;
import eu.haven.core.framework.RequestedPurpose;
import eu.haven.core.person.CreatedPerson;
import eu.haven.core.person.NewPerson;
import eu.haven.core.person.PersonService;
import eu.haven.core.record.RecordService;
import eu.haven.core.record.RecordView;
import eu.haven.core.referral.NewReferral;
import eu.haven.core.referral.ReferralService;
import eu.haven.core.staff.Actor;
import eu.haven.core.staff.Organisation;
import eu.haven.web.i18n.Labels;
import eu.haven.web.i18n.Messages;
import eu.haven.web.page.Area;
import eu.haven.web.page.FormErrors;
import eu.haven.web.page.PageKit;
import eu.haven.web.page.PageText;
import eu.haven.web.person.AccessCodeReceipt;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A person's page for staff: identity and records by category, adding and correcting a record,
 * consents (record, print, withdraw), referring from a consent; and taking a new person on with
 * the printable receipt. Every read and write goes through the same services, access guard and
 * ledger as the API; a refusal is explained on the page.
 */
final class CasePages {
    private final Area area;
    private final StaffPageSession session;
    private final StaffFrames frames;
    private final PersonService persons;
    private final RecordService records;
    private final ConsentService consents;
    private final ReferralService referrals;
    private final Framework framework;
    private final Labels labels;
    private final Supplier<Map<String, Organisation>> organisations;
    private final Optional<String> publicUrl;
    private final eu.haven.core.casefile.CaseFileService caseFiles;
    private final eu.haven.web.me.MeJson accesses;
    private final eu.haven.web.page.CategoryFields fields;

    CasePages(Area area, StaffPageSession session, StaffFrames frames, PersonService persons, RecordService records,
              ConsentService consents, ReferralService referrals, Framework framework, Labels labels,
              Supplier<Map<String, Organisation>> organisations, Optional<String> publicUrl,
              eu.haven.core.casefile.CaseFileService caseFiles, eu.haven.web.me.MeJson accesses) {
        this.caseFiles = caseFiles;
        this.accesses = accesses;
        this.fields = new eu.haven.web.page.CategoryFields(framework);
        this.area = area;
        this.session = session;
        this.frames = frames;
        this.persons = persons;
        this.records = records;
        this.consents = consents;
        this.referrals = referrals;
        this.framework = framework;
        this.labels = labels;
        this.organisations = organisations;
        this.publicUrl = publicUrl;
    }

    void register(RoutesConfig routes) {
        routes.get("/staff/people/new", area.page(ctx -> newPersonPage(ctx, 200, FormErrors.none(), Map.of())));
        routes.post("/staff/people/new", area.page(this::createPerson));
        routes.post("/staff/receipt", area.page(ctx -> {
            session.actor(ctx);
            String code = Optional.ofNullable(ctx.formParam("code")).flatMap(eu.haven.core.person.AccessCodes::normalise)
                .map(eu.haven.core.person.AccessCodes::grouped).orElseThrow(() -> HavenException.invalid("not an access code"));
            String lang = Messages.bundled().choose(List.of(Optional.ofNullable(ctx.formParam("language"))));
            String signIn = eu.haven.web.person.AccessCodeReceipt.signInAddress(publicUrl, ctx.req().getLocalPort());
            ctx.header("Content-Security-Policy", AccessCodeReceipt.CSP);
            ctx.header("X-Frame-Options", "DENY");
            ctx.header("Referrer-Policy", "no-referrer");
            ctx.contentType("text/html; charset=utf-8")
                .result(AccessCodeReceipt.html(Messages.bundled(), lang, code, signIn, Date.from(persons.now())));
        }));
        routes.get("/staff/people/{id}", area.page(ctx -> personPage(ctx, 200, FormErrors.none(), Map.of())));
        routes.get("/staff/people/{id}/records/new", area.page(ctx -> recordPage(ctx, 200, FormErrors.none(),
            Map.of("category", Optional.ofNullable(ctx.queryParam("category")).orElse("")))));
        routes.post("/staff/people/{id}/records", area.page(this::addRecord));
        routes.get("/staff/people/{id}/history", area.page(this::history));
        routes.post("/staff/people/{id}/records/{record}", area.page(this::correctRecord));
        routes.get("/staff/people/{id}/consents/new", area.page(ctx -> consentPage(ctx, 200, FormErrors.none(),
            Map.of("language", Optional.ofNullable(ctx.queryParam("language")).filter(Messages.LANGUAGES::contains).orElse("")))));
        routes.post("/staff/people/{id}/consents", area.page(this::giveConsent));
        routes.get("/staff/people/{id}/consents/{consent}", area.page(this::printConsent));
        routes.post("/staff/people/{id}/consents/{consent}/withdraw", area.page(ctx -> {
            Actor actor = session.actor(ctx);
            consents.withdraw(actor, session.purpose(ctx), uuid(ctx.pathParam("consent")));
            PageKit.redirect(ctx, area.text(ctx).href("/staff/people/" + uuid(ctx.pathParam("id")) + "?done=withdrawn"));
        }));
        routes.post("/staff/people/{id}/referrals", area.page(this::refer));
    }

    private void newPersonPage(Context ctx, int status, FormErrors errors, Map<String, String> values) {
        Actor actor = session.actor(ctx);
        RequestedPurpose purpose = session.purpose(ctx);
        PageText t = area.text(ctx);
        Map<String, Object> params = new HashMap<>();
        params.put("f", frames.frame(ctx, t, t.t("staff.new.title"), actor, Optional.of(purpose), "/staff/people/new").withError(errors.any()));
        params.put("t", t);
        params.put("errors", errors);
        params.put("values", values);
        params.put("languages", Messages.LANGUAGES);
        area.render(ctx, status, "page/staff/new-person.jte", params);
    }

    private void createPerson(Context ctx) {
        Actor actor = session.actor(ctx);
        RequestedPurpose purpose = session.purpose(ctx);
        PageText t = area.text(ctx);
        Map<String, String> values = form(ctx, "displayName", "preferredLanguage", "birthDate");
        FormErrors errors = FormErrors.none();
        if (values.get("displayName").isBlank()) {
            errors.add("displayName", t.t("staff.new.name-missing"));
        }
        Optional<LocalDate> birth = Optional.empty();
        if (!values.get("birthDate").isBlank()) {
            try {
                birth = Optional.of(LocalDate.parse(values.get("birthDate")));
            } catch (java.time.format.DateTimeParseException e) {
                errors.add("birthDate", t.t("staff.new.birth-invalid"));
            }
        }
        if (errors.any()) {
            newPersonPage(ctx, 400, errors, values);
            return;
        }
        CreatedPerson created;
        try {
            created = persons.create(actor, purpose, new NewPerson(values.get("displayName"), values.get("preferredLanguage"), birth));
        } catch (HavenException e) {
            if (e.code() != ErrorCode.INVALID_REQUEST) {
                throw e;
            }
            newPersonPage(ctx, 400, errors.add(e.field().orElse("displayName"), Area.explain(t, e)), values);
            return;
        }
        String lang = Messages.bundled().choose(List.of(Optional.of(values.get("preferredLanguage"))));
        Map<String, Object> params = new HashMap<>();
        params.put("f", frames.frame(ctx, t, t.t("staff.created.title"), actor, Optional.of(purpose), ""));
        params.put("t", t);
        params.put("id", created.id().toString());
        params.put("code", created.accessCode());
        params.put("language", lang);
        params.put("activateBy", t.dateTime(created.activateBy()));
        area.render(ctx, 201, "page/staff/created.jte", params);
    }

    private void personPage(Context ctx, int status, FormErrors errors, Map<String, String> values) {
        Actor actor = session.actor(ctx);
        RequestedPurpose purpose = session.purpose(ctx);
        PageText t = area.text(ctx);
        UUID id = uuid(ctx.pathParam("id"));
        eu.haven.core.casefile.CaseFile file = caseFiles.open(actor, purpose, id);
        List<RecordView> visible = file.records();
        List<Consent> given = file.consents();
        Map<String, Organisation> orgs = organisations.get();
        Map<String, Object> params = new HashMap<>();
        params.put("f", frames.frame(ctx, t, t.t("staff.person.title"), actor, Optional.of(purpose), "").withError(errors.any()));
        params.put("t", t);
        params.put("errors", errors);
        params.put("values", values);
        params.put("id", id.toString());
        params.put("person", PersonView.of(visible, given, orgs, actor, labels, t, framework, consents.now()));
        params.put("categories", categoriesFor(actor, purpose, t.lang()));
        params.put("fields", fields);
        params.put("done", Area.done(ctx, t, "staff.done."));
        area.render(ctx, status, "page/staff/person.jte", params);
    }

    /**
     * Adds a record from the category's form: the framework's fields, each read by its type (a
     * number, a date, yes or no, text), or a free note where the framework names none.
     */
    private void addRecord(Context ctx) {
        Actor actor = session.actor(ctx);
        RequestedPurpose purpose = session.purpose(ctx);
        PageText t = area.text(ctx);
        UUID id = uuid(ctx.pathParam("id"));
        String category = Optional.ofNullable(ctx.formParam("category")).orElse("");
        List<eu.haven.web.page.CategoryFields.Spec> specs = fields.form(category);
        FormErrors errors = FormErrors.none();
        Map<String, String> values = new HashMap<>();
        Map<String, String> raw = new LinkedHashMap<>();
        for (eu.haven.web.page.CategoryFields.Spec spec : specs) {
            String value = Optional.ofNullable(ctx.formParam("field." + spec.name())).orElse("").strip();
            values.put("r-" + category + "-" + spec.name(), value);
            raw.put(spec.name(), value);
        }
        com.fasterxml.jackson.databind.node.ObjectNode json = typed(category, raw, "r-" + category + "-", errors, t);
        if (!errors.any() && json.isEmpty()) {
            errors.add("r-" + category + "-" + specs.get(0).name(), t.t("staff.record.note-missing"));
        }
        if (!errors.any()) {
            records.add(actor, purpose, id, category, json.toString());
            PageKit.redirect(ctx, t.href("/staff/people/" + id + "?done=record"));
            return;
        }
        values.put("category", category);
        recordPage(ctx, 400, errors, values);
    }

    /**
     * The fields of a record as JSON, each read by the type the framework gives it in {@code category} (a number, a
     * date, yes or no, text); a field the framework does not name stays text. Empty fields are left out; a value that
     * is not of its type is an error beside the field ({@code keyPrefix} + its name).
     */
    private com.fasterxml.jackson.databind.node.ObjectNode typed(String category, Map<String, String> raw, String keyPrefix,
                                                                 FormErrors errors, PageText t) {
        Map<String, eu.haven.web.page.CategoryFields.Spec> specs = new HashMap<>();
        fields.form(category).forEach(spec -> specs.put(spec.name(), spec));
        com.fasterxml.jackson.databind.node.ObjectNode json = eu.haven.web.Json.mapper().createObjectNode();
        raw.forEach((name, value) -> {
            String v = value.strip();
            if (v.isEmpty()) {
                return;
            }
            Optional<eu.haven.web.page.CategoryFields.Spec> spec = Optional.ofNullable(specs.get(name));
            String label = spec.map(x -> x.label(t.lang())).orElse(name);
            switch (spec.map(eu.haven.web.page.CategoryFields.Spec::type).orElse("text")) {
                case "number" -> {
                    try {
                        json.put(name, new java.math.BigDecimal(v.replace(',', '.')));
                    } catch (NumberFormatException e) {
                        errors.add(keyPrefix + name, t.f("staff.record.not-a-number", "field", label));
                    }
                }
                case "date" -> {
                    try {
                        json.put(name, LocalDate.parse(v).toString());
                    } catch (java.time.format.DateTimeParseException e) {
                        errors.add(keyPrefix + name, t.f("staff.record.not-a-date", "field", label));
                    }
                }
                case "yes-no" -> {
                    if (v.equals("yes") || v.equals("true")) {
                        json.put(name, true);
                    } else if (v.equals("no") || v.equals("false")) {
                        json.put(name, false);
                    } else {
                        errors.add(keyPrefix + name, t.f("staff.record.not-yes-no", "field", label));
                    }
                }
                default -> json.put(name, v);
            }
        });
        return json;
    }

    /** The organisation's accesses to the person, as the person sees them, a page at a time. */
    private void history(Context ctx) {
        Actor actor = session.actor(ctx);
        RequestedPurpose purpose = session.purpose(ctx);
        PageText t = area.text(ctx);
        UUID id = uuid(ctx.pathParam("id"));
        long before = eu.haven.web.PathIds.before(ctx.queryParam("before"));
        eu.haven.core.casefile.CaseFileService.AccessPage page = caseFiles.accesses(actor, purpose, id, before);
        Map<String, Object> params = new HashMap<>();
        params.put("f", frames.frame(ctx, t, t.t("staff.person.history"), actor, Optional.of(purpose), ""));
        params.put("t", t);
        params.put("id", id.toString());
        params.put("accesses", accesses.accesses(page.events(), organisations.get(), t.lang()));
        params.put("older", page.olderBefore().map(b -> t.href("/staff/people/" + id + "/history?before=" + b)).orElse(""));
        area.render(ctx, 200, "page/staff/history.jte", params);
    }

    /** The form that adds a record of one category (the framework's fields, or a free note). */
    private void recordPage(Context ctx, int status, FormErrors errors, Map<String, String> values) {
        Actor actor = session.actor(ctx);
        RequestedPurpose purpose = session.purpose(ctx);
        PageText t = area.text(ctx);
        UUID id = uuid(ctx.pathParam("id"));
        Map<String, String> allowed = categoriesFor(actor, purpose, t.lang());
        String category = values.getOrDefault("category", "");
        Map<String, String> shown = allowed.containsKey(category) ? Map.of(category, allowed.get(category)) : allowed;
        Map<String, Object> params = new HashMap<>();
        params.put("f", frames.frame(ctx, t, t.t("staff.record.add"), actor, Optional.of(purpose), "").withError(errors.any()));
        params.put("t", t);
        params.put("errors", errors);
        params.put("values", values);
        params.put("id", id.toString());
        params.put("categories", shown);
        params.put("fields", fields);
        area.render(ctx, status, "page/staff/record-new.jte", params);
    }

    private void correctRecord(Context ctx) {
        Actor actor = session.actor(ctx);
        RequestedPurpose purpose = session.purpose(ctx);
        PageText t = area.text(ctx);
        UUID id = uuid(ctx.pathParam("id"));
        UUID record = uuid(ctx.pathParam("record"));
        Map<String, String> fields = new LinkedHashMap<>();
        ctx.formParamMap().forEach((name, vals) -> {
            if (name.startsWith("field.") && name.length() <= 70 && !vals.isEmpty()) {
                fields.put(name.substring(6), vals.get(0));
            }
        });
        if (fields.isEmpty()) {
            personPage(ctx, 400, FormErrors.none().add("", t.t("staff.record.note-missing")), Map.of());
            return;
        }
        FormErrors errors = FormErrors.none();
        String category = Optional.ofNullable(ctx.formParam("category")).orElse("");
        com.fasterxml.jackson.databind.node.ObjectNode json = typed(category, fields, "c-" + record + "-", errors, t);
        if (errors.any()) {
            personPage(ctx, 400, errors, Map.of());
            return;
        }
        records.correct(actor, purpose, id, record, json.toString());
        PageKit.redirect(ctx, t.href("/staff/people/" + id + "?done=corrected"));
    }

    private void giveConsent(Context ctx) {
        Actor actor = session.actor(ctx);
        RequestedPurpose purpose = session.purpose(ctx);
        PageText t = area.text(ctx);
        UUID id = uuid(ctx.pathParam("id"));
        Map<String, String> values = form(ctx, "recipient", "method", "language");
        values.put("purposes", String.join(",", ctx.formParams("purposes")));
        values.put("categories", String.join(",", ctx.formParams("categories")));
        List<String> purposes = ctx.formParams("purposes");
        List<String> categories = ctx.formParams("categories");
        FormErrors errors = FormErrors.none();
        if (values.get("recipient").isEmpty()) {
            errors.add("recipient", t.t("staff.consent.recipient-missing"));
        }
        if (purposes.isEmpty()) {
            errors.add("purposes", t.t("staff.consent.purposes-missing"));
        }
        if (categories.isEmpty()) {
            errors.add("categories", t.t("staff.consent.categories-missing"));
        }
        if (!errors.any()) {
            try {
                Consent c = consents.give(actor, purpose, id, new NewConsent(values.get("recipient"), purposes, categories, Optional.empty(),
                    values.get("method").isEmpty() ? "written" : values.get("method"),
                    values.get("language").isEmpty() ? "en" : values.get("language"), Optional.empty()));
                PageKit.redirect(ctx, t.href("/staff/people/" + id + "/consents/" + c.id()));
                return;
            } catch (HavenException e) {
                if (e.code() != ErrorCode.INVALID_REQUEST && e.code() != ErrorCode.UNKNOWN_ORGANISATION
                    && e.code() != ErrorCode.UNKNOWN_CATEGORY && e.code() != ErrorCode.CATEGORY_NOT_ALLOWED) {
                    throw e;
                }
                errors.add(e.code() == ErrorCode.UNKNOWN_ORGANISATION ? "recipient" : "categories", Area.explain(t, e));
            }
        }
        consentPage(ctx, 400, errors, values);
    }

    /** The form that records a consent, with the person present. */
    private void consentPage(Context ctx, int status, FormErrors errors, Map<String, String> values) {
        Actor actor = session.actor(ctx);
        RequestedPurpose purpose = session.purpose(ctx);
        PageText t = area.text(ctx);
        UUID id = uuid(ctx.pathParam("id"));
        Map<String, Object> params = new HashMap<>();
        params.put("f", frames.frame(ctx, t, t.t("staff.consent.record"), actor, Optional.of(purpose), "").withError(errors.any()));
        params.put("t", t);
        params.put("errors", errors);
        params.put("values", values);
        params.put("id", id.toString());
        params.put("recipients", recipients(actor, organisations.get()));
        params.put("purposes", purposeChoices(t.lang()));
        params.put("allCategories", allCategories(t.lang()));
        area.render(ctx, status, "page/staff/consent-new.jte", params);
    }

    private void printConsent(Context ctx) {
        Actor actor = session.actor(ctx);
        RequestedPurpose purpose = session.purpose(ctx);
        PageText t = area.text(ctx);
        UUID id = uuid(ctx.pathParam("id"));
        UUID consentId = uuid(ctx.pathParam("consent"));
        Consent c = consents.list(actor, purpose, id).stream().filter(x -> x.id().equals(consentId)).findFirst()
            .orElseThrow(HavenException::notFound);
        Map<String, Organisation> orgs = organisations.get();
        String lang = Messages.bundled().choose(List.of(Optional.of(c.language())));
        PageText theirs = new PageText(lang, List.of(Messages.bundled()), java.time.ZoneId.systemDefault());
        String text = theirs.f("consent.text", "controller", name(orgs, c.controller()), "recipient", name(orgs, c.recipient()),
            "categories", String.join(", ", c.categories().stream().map(k -> labels.category(lang, k)).toList()),
            "purposes", String.join(", ", c.purposes().stream().map(p -> labels.purpose(lang, p)).toList()));
        Map<String, Object> params = new HashMap<>();
        params.put("f", frames.frame(ctx, t, t.t("staff.consent.print-title"), actor, Optional.of(purpose), ""));
        params.put("t", t);
        params.put("id", id.toString());
        params.put("lang", lang);
        params.put("dir", Messages.direction(lang));
        params.put("title", theirs.t("consent.title"));
        params.put("text", text);
        params.put("withdraw", theirs.t("consent.withdraw"));
        params.put("given", theirs.f("consent.given", "date", c.givenAt()));
        area.render(ctx, 200, "page/staff/consent.jte", params);
    }

    private void refer(Context ctx) {
        Actor actor = session.actor(ctx);
        RequestedPurpose purpose = session.purpose(ctx);
        PageText t = area.text(ctx);
        UUID id = uuid(ctx.pathParam("id"));
        UUID consentId = uuid(Optional.ofNullable(ctx.formParam("consent")).orElse(""));
        Consent c = consents.list(actor, purpose, id).stream().filter(x -> x.id().equals(consentId)).findFirst()
            .orElseThrow(HavenException::notFound);
        referrals.refer(actor, purpose, new NewReferral(id, c.recipient(), c.purposes().get(0), c.categories(), c.id()));
        PageKit.redirect(ctx, t.href("/staff/people/" + id + "?done=referred"));
    }

    private Map<String, String> categoriesFor(Actor actor, RequestedPurpose purpose, String lang) {
        Map<String, String> out = new LinkedHashMap<>();
        long mask = purpose.purpose().map(p -> framework.grantMask(actor.organisationType(), p)).orElse(0L);
        framework.categories().stream().filter(c -> (c.mask() & mask) != 0).forEach(c -> out.put(c.code(), labels.category(lang, c.code())));
        return out;
    }

    private Map<String, String> allCategories(String lang) {
        Map<String, String> out = new LinkedHashMap<>();
        framework.categories().forEach(c -> out.put(c.code(), labels.category(lang, c.code())));
        return out;
    }

    private Map<String, String> purposeChoices(String lang) {
        Map<String, String> out = new LinkedHashMap<>();
        framework.grants().forEach(g -> g.purposes().forEach(p -> out.put(p, labels.purpose(lang, p))));
        return out;
    }

    private Map<String, String> recipients(Actor actor, Map<String, Organisation> orgs) {
        Map<String, String> out = new LinkedHashMap<>();
        orgs.values().stream().filter(o -> !o.id().equals(actor.organisation()))
            .filter(o -> framework.grants().stream().anyMatch(g -> g.organisationType().equals(o.type())))
            .sorted(java.util.Comparator.comparing(Organisation::name)).forEach(o -> out.put(o.id(), o.name()));
        return out;
    }

    static String name(Map<String, Organisation> orgs, String id) {
        return Optional.ofNullable(orgs.get(id)).map(Organisation::name).orElse(id);
    }

    static Map<String, String> form(Context ctx, String... names) {
        Map<String, String> out = new HashMap<>();
        for (String n : names) {
            String v = Optional.ofNullable(ctx.formParam(n)).orElse("");
            out.put(n, v.length() > 8000 ? v.substring(0, 8000) : v.strip());
        }
        return out;
    }

    static UUID uuid(String raw) {
        return eu.haven.web.PathIds.uuid(raw);
    }

}
