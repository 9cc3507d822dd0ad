package eu.haven.web.page.staff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.haven.core.error.ErrorCode;
import eu.haven.core.error.HavenException;
import eu.haven.core.staff.Actor;
import eu.haven.navigator.directory.Directory;
import eu.haven.navigator.directory.Languages;
import eu.haven.navigator.directory.NavigatorService;
import eu.haven.navigator.directory.ResourceType;
import eu.haven.navigator.edit.DirectoryEdits;
import eu.haven.navigator.hsds.HsdsJson;
import eu.haven.web.page.Area;
import eu.haven.web.page.FormErrors;
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
 * The editor's pages over the public service directory: the list, and a form for each service, question,
 * organisation and place with its texts in the nine languages and its history. {@link DirectoryEdits} checks the
 * role and the resource and keeps the history; these pages only convert the form to HSDS and back.
 */
public final class DirectoryPages {
    private static final List<String> STATUSES = List.of("active", "inactive", "defunct", "temporarily closed");
    private final Area area;
    private final StaffPageSession session;
    private final StaffFrames frames;
    private final NavigatorService navigator;
    private final DirectoryEdits edits;

    DirectoryPages(Area area, StaffPageSession session, StaffFrames frames, NavigatorService navigator, DirectoryEdits edits) {
        this.area = area;
        this.session = session;
        this.frames = frames;
        this.navigator = navigator;
        this.edits = edits;
    }

    /** A kind of resource as the pages name it in their addresses. */
    private enum Kind {
        SERVICES(ResourceType.SERVICE), QUESTIONS(ResourceType.QUESTION), ORGANIZATIONS(ResourceType.ORGANIZATION),
        LOCATIONS(ResourceType.LOCATION);

        final ResourceType type;

        Kind(ResourceType type) {
            this.type = type;
        }

        String path() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Kind of(String path) {
            for (Kind k : values()) {
                if (k.path().equals(path)) {
                    return k;
                }
            }
            throw HavenException.notFound();
        }
    }

    void register(RoutesConfig routes) {
        routes.get("/staff/directory", area.page(this::list));
        routes.get("/staff/directory/{kind}/{id}", area.page(ctx -> form(ctx, 200, FormErrors.none(), Optional.empty())));
        routes.post("/staff/directory/{kind}/{id}", area.page(this::save));
    }

    /** A row of the list: its name and the address of its form. */
    public record Row(String name, String href, String detail) {
    }

    private void list(Context ctx) {
        Actor actor = session.actor(ctx);
        DirectoryEdits.requireEditor(actor);
        PageText t = area.text(ctx);
        Directory d = navigator.directory();
        Map<String, Object> params = new HashMap<>();
        params.put("f", frames.frame(ctx, t, t.t("staff.directory.title"), actor, Optional.empty(), "/staff/directory"));
        params.put("t", t);
        params.put("services", d.services().stream().sorted(java.util.Comparator.comparing(s -> s.name()))
            .map(s -> new Row(s.name(), t.href("/staff/directory/services/" + s.id()), status(t, s.status()))).toList());
        params.put("questions", d.questions().stream().map(q -> new Row(q.question(), t.href("/staff/directory/questions/" + q.id()), ""))
            .toList());
        params.put("organizations", d.organizations().stream().map(o -> new Row(o.name(), t.href("/staff/directory/organizations/" + o.id()),
            "")).toList());
        params.put("locations", d.locations().stream().map(l -> new Row(Optional.ofNullable(l.name()).orElse(l.id()),
            t.href("/staff/directory/locations/" + l.id()), "")).toList());
        area.render(ctx, 200, "page/staff/directory.jte", params);
    }

    /** An editor's request about one item: who, in which language, which kind and id ({@code new} for a new one). */
    private record Item(Actor actor, PageText t, Kind kind, String id) {
        boolean creating() {
            return id.equals("new");
        }
    }

    private Item item(Context ctx) {
        Actor actor = session.actor(ctx);
        DirectoryEdits.requireEditor(actor);
        Item item = new Item(actor, area.text(ctx), Kind.of(ctx.pathParam("kind")), ctx.pathParam("id"));
        if (item.creating() && item.kind() != Kind.SERVICES && item.kind() != Kind.QUESTIONS) {
            throw HavenException.notFound();
        }
        return item;
    }

    private void form(Context ctx, int status, FormErrors errors, Optional<Map<String, String>> typed) {
        Item item = item(ctx);
        Actor actor = item.actor();
        PageText t = item.t();
        Kind kind = item.kind();
        String id = item.id();
        boolean creating = item.creating();
        JsonNode current = creating ? HsdsJson.MAPPER.createObjectNode() : existing(kind, id);
        Map<String, String> values = typed.orElseGet(() -> values(kind, current));
        DirectoryForm form = new DirectoryForm(t.t("staff.directory." + (kind == Kind.SERVICES ? "services" : kind == Kind.QUESTIONS
            ? "questions" : kind.path())), t.href("/staff/directory/" + kind.path() + "/" + id), plain(kind, t, values),
            languages(kind, t, values), creating ? List.of() : edits.history(actor, id),
            kind == Kind.SERVICES && !creating ? Optional.of("/services/" + id) : Optional.empty(), "saved".equals(ctx.queryParam("done")));
        Map<String, Object> params = new HashMap<>();
        params.put("f", frames.frame(ctx, t, form.title(), actor, Optional.empty(), "/staff/directory").withError(errors.any()));
        params.put("t", t);
        params.put("errors", errors);
        params.put("form", form);
        area.render(ctx, status, "page/staff/directory-edit.jte", params);
    }

    /** An HSDS status in the page's language. */
    private static String status(PageText t, String status) {
        return status == null ? "" : t.t("staff.directory.status." + status.replace(' ', '-'));
    }

    private JsonNode existing(Kind kind, String id) {
        return HsdsJson.MAPPER.valueToTree(navigator.directory().resource(kind.type, id).orElseThrow(HavenException::notFound));
    }

    /** The texts of each language a kind has. */
    private static List<String> texts(Kind kind) {
        return switch (kind) {
            case SERVICES, ORGANIZATIONS -> List.of("name", "description");
            case QUESTIONS -> List.of("question", "answer");
            case LOCATIONS -> List.of();
        };
    }

    private static Map<String, String> values(Kind kind, JsonNode r) {
        Map<String, String> v = new HashMap<>();
        for (String field : List.of("organization_id", "status", "name", "latitude", "longitude")) {
            v.put(field, r.path(field).asText(""));
        }
        JsonNode address = r.path("addresses").path(0);
        v.put("address_1", address.path("address_1").asText(""));
        v.put("postal_code", address.path("postal_code").asText(""));
        v.put("city", address.path("city").asText(""));
        for (String field : texts(kind)) {
            v.put("en." + field, r.path(field).asText(""));
            for (String lang : Languages.ALL.subList(1, Languages.ALL.size())) {
                v.put(lang + "." + field, r.path("x_translations").path(lang).path(field).asText(""));
            }
        }
        r.path("x_review").forEach(l -> v.put("review." + l.asText(), "1"));
        return v;
    }

    private List<DirectoryForm.Input> plain(Kind kind, PageText t, Map<String, String> v) {
        List<DirectoryForm.Input> out = new ArrayList<>();
        switch (kind) {
            case SERVICES -> {
                Map<String, String> orgs = new LinkedHashMap<>();
                navigator.directory().organizations().forEach(o -> orgs.put(o.id(), o.name()));
                Map<String, String> statuses = new LinkedHashMap<>();
                STATUSES.forEach(s -> statuses.put(s, status(t, s)));
                out.add(DirectoryForm.Input.choice("organization_id", t.t("staff.directory.organization"), v.get("organization_id"), orgs));
                out.add(DirectoryForm.Input.choice("status", t.t("staff.directory.status"),
                    v.get("status").isEmpty() ? "active" : v.get("status"), statuses));
            }
            case LOCATIONS -> {
                out.add(DirectoryForm.Input.line("name", t.t("staff.directory.name"), v.get("name")));
                if (!v.get("address_1").isEmpty() || !v.get("city").isEmpty()) {
                    out.add(DirectoryForm.Input.line("address_1", t.t("staff.directory.address"), v.get("address_1")));
                    out.add(DirectoryForm.Input.line("postal_code", t.t("staff.directory.postal-code"), v.get("postal_code")));
                    out.add(DirectoryForm.Input.line("city", t.t("staff.directory.city"), v.get("city")));
                }
                out.add(DirectoryForm.Input.line("latitude", t.t("staff.directory.latitude"), v.get("latitude")));
                out.add(DirectoryForm.Input.line("longitude", t.t("staff.directory.longitude"), v.get("longitude")));
            }
            default -> { }
        }
        return out;
    }

    private static List<DirectoryForm.Language> languages(Kind kind, PageText t, Map<String, String> v) {
        List<DirectoryForm.Language> out = new ArrayList<>();
        if (texts(kind).isEmpty()) {
            return out;
        }
        for (String lang : Languages.ALL) {
            List<DirectoryForm.Input> inputs = new ArrayList<>();
            List<String> fields = texts(kind);
            inputs.add(DirectoryForm.Input.line(lang + "." + fields.get(0), t.t("staff.directory." + fields.get(0)),
                v.getOrDefault(lang + "." + fields.get(0), "")));
            inputs.add(DirectoryForm.Input.text(lang + "." + fields.get(1), t.t("staff.directory." + fields.get(1)),
                v.getOrDefault(lang + "." + fields.get(1), "")));
            out.add(new DirectoryForm.Language(lang, PageKit.languageName(lang), inputs, v.containsKey("review." + lang)));
        }
        return out;
    }

    private void save(Context ctx) {
        Item item = item(ctx);
        Kind kind = item.kind();
        String id = item.id();
        boolean creating = item.creating();
        PageText t = item.t();
        Actor actor = item.actor();
        ObjectNode body = (ObjectNode) (creating ? HsdsJson.MAPPER.createObjectNode() : existing(kind, id)).deepCopy();
        Map<String, String> typed = new HashMap<>();
        ctx.formParamMap().forEach((k, vs) -> typed.put(k, vs.isEmpty() ? "" : limit(vs.get(0))));
        try {
            apply(kind, body, typed);
            String saved = edits.save(actor, kind.type, creating ? Optional.empty() : Optional.of(id), body);
            PageKit.redirect(ctx, t.href("/staff/directory/" + kind.path() + "/" + saved + "?done=saved"));
        } catch (HavenException e) {
            if (e.code() != ErrorCode.INVALID_REQUEST) {
                throw e;
            }
            String field = e.field().map(f -> texts(kind).contains(f) ? "en." + f : f).orElse("en." + texts(kind).stream().findFirst()
                .orElse("name"));
            Map<String, String> values = new HashMap<>(values(kind, body));
            values.putAll(typed);
            form(ctx, 400, FormErrors.none().add(field, e.getMessage()), Optional.of(values));
        }
    }

    private static String limit(String s) {
        String v = s.strip();
        return v.length() > 4000 ? v.substring(0, 4000) : v;
    }

    /** The form's values written into the resource's HSDS JSON: plain fields, the source texts, translations, review marks. */
    private static void apply(Kind kind, ObjectNode body, Map<String, String> typed) {
        switch (kind) {
            case SERVICES -> {
                set(body, "organization_id", typed.get("organization_id"));
                set(body, "status", typed.getOrDefault("status", "active"));
            }
            case LOCATIONS -> {
                set(body, "name", typed.get("name"));
                number(body, "latitude", typed.get("latitude"));
                number(body, "longitude", typed.get("longitude"));
                if (body.path("addresses").isArray() && !body.path("addresses").isEmpty()) {
                    ObjectNode address = (ObjectNode) body.path("addresses").get(0);
                    for (String f : List.of("address_1", "postal_code", "city")) {
                        if (typed.containsKey(f)) {
                            set(address, f, typed.get(f));
                        }
                    }
                }
            }
            default -> { }
        }
        if (texts(kind).isEmpty()) {
            return;
        }
        ObjectNode translations = body.withObject("x_translations");
        for (String field : texts(kind)) {
            set(body, field, typed.get("en." + field));
            for (String lang : Languages.ALL.subList(1, Languages.ALL.size())) {
                String text = typed.getOrDefault(lang + "." + field, "");
                if (text.isEmpty()) {
                    if (translations.has(lang)) {
                        ((ObjectNode) translations.get(lang)).remove(field);
                    }
                } else {
                    translations.withObject(lang).put(field, text);
                }
            }
        }
        ArrayNode review = body.putArray("x_review");
        Languages.ALL.stream().filter(l -> typed.containsKey("review." + l)).forEach(review::add);
    }

    private static void set(ObjectNode node, String field, String value) {
        if (value == null || value.isBlank()) {
            node.remove(field);
        } else {
            node.put(field, value);
        }
    }

    private static void number(ObjectNode node, String field, String value) {
        if (value == null || value.isBlank()) {
            node.remove(field);
            return;
        }
        try {
            node.put(field, new java.math.BigDecimal(value.replace(',', '.')));
        } catch (NumberFormatException e) {
            throw HavenException.invalid(field, "A number, such as 51.5012.");
        }
    }
}
