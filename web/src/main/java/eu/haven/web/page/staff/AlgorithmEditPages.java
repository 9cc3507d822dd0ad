package eu.haven.web.page.staff;

import eu.haven.core.algorithm.AlgorithmEntry;
import eu.haven.core.algorithm.AlgorithmRegister;
import eu.haven.core.error.HavenException;
import eu.haven.core.staff.Actor;
import eu.haven.core.staff.Role;
import eu.haven.web.page.Area;
import eu.haven.web.page.FormErrors;
import eu.haven.web.page.PageKit;
import eu.haven.web.page.PageText;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The data protection officer keeps the public algorithm register: changes an entry's texts (the
 * rules and parameters of Haven's own stay the code's) or adds the city's own. Every version is kept
 * with its date and author, and listed under the form.
 */
final class AlgorithmEditPages {
    static final List<String> FIELDS = List.of("name", "provider", "description", "purpose", "legalBasis", "dataUsed", "humanOversight",
        "risks", "impactAssessment", "contact", "riskClassification");
    private final Area area;
    private final StaffPageSession session;
    private final StaffFrames frames;
    private final AlgorithmRegister register;

    AlgorithmEditPages(Area area, StaffPageSession session, StaffFrames frames, AlgorithmRegister register) {
        this.area = area;
        this.session = session;
        this.frames = frames;
        this.register = register;
    }

    void register(RoutesConfig routes) {
        routes.get("/staff/algorithms", area.page(ctx -> {
            Actor actor = officer(ctx);
            PageText t = area.text(ctx);
            Map<String, Object> params = new HashMap<>();
            params.put("f", frames.frame(ctx, t, t.t("staff.algorithms.title"), actor, Optional.empty(), "/staff/algorithms"));
            params.put("t", t);
            params.put("entries", register.entries());
            area.render(ctx, 200, "page/staff/algorithms.jte", params);
        }));
        routes.get("/staff/algorithms/{id}", area.page(ctx -> {
            Actor actor = officer(ctx);
            String id = ctx.pathParam("id");
            Map<String, String> values = new HashMap<>();
            register.entry(id).ifPresent(e -> values.putAll(values(e)));
            if (values.isEmpty() && !"new".equals(id)) {
                throw HavenException.notFound();
            }
            form(ctx, actor, 200, id, values, FormErrors.none());
        }));
        routes.post("/staff/algorithms/{id}", area.page(ctx -> {
            Actor actor = officer(ctx);
            PageText t = area.text(ctx);
            String id = "new".equals(ctx.pathParam("id")) ? Optional.ofNullable(ctx.formParam("id")).orElse("").strip() : ctx.pathParam("id");
            Map<String, String> values = CasePages.form(ctx, FIELDS.toArray(String[]::new));
            values.putAll(CasePages.form(ctx, "status", "highRisk", "rules", "id"));
            try {
                AlgorithmEntry saved = register.save(actor, new AlgorithmEntry(id, values.get("name"), values.get("provider"),
                    values.get("description"), values.get("purpose"), values.get("legalBasis"), values.get("dataUsed"),
                    values.get("humanOversight"), values.get("risks"), values.get("impactAssessment"), values.get("contact"),
                    AlgorithmEntry.Status.parse(values.get("status")).orElse(AlgorithmEntry.Status.IN_USE), "yes".equals(values.get("highRisk")),
                    values.get("riskClassification"), java.util.Arrays.stream(values.get("rules").split("[,\\s]+")).filter(r -> !r.isBlank()).toList(),
                    Map.of(), false, Optional.empty(), Optional.empty()));
                PageKit.redirect(ctx, t.href("/staff/algorithms/" + saved.id()));
            } catch (HavenException e) {
                if (e.field().isEmpty()) {
                    throw e;
                }
                form(ctx, actor, 400, ctx.pathParam("id"), values, FormErrors.none().add(e.field().get(), t.t("staff.algorithms.invalid")));
            }
        }));
    }

    private static Map<String, String> values(AlgorithmEntry e) {
        Map<String, String> v = new HashMap<>();
        v.put("name", e.name());
        v.put("provider", e.provider());
        v.put("description", e.description());
        v.put("purpose", e.purpose());
        v.put("legalBasis", e.legalBasis());
        v.put("dataUsed", e.dataUsed());
        v.put("humanOversight", e.humanOversight());
        v.put("risks", e.risks());
        v.put("impactAssessment", e.impactAssessment());
        v.put("contact", e.contact());
        v.put("riskClassification", e.riskClassification());
        v.put("status", e.status().code());
        v.put("highRisk", e.highRisk() ? "yes" : "");
        v.put("rules", String.join(", ", e.rules()));
        v.put("builtIn", e.builtIn() ? "yes" : "");
        return v;
    }

    private void form(Context ctx, Actor actor, int status, String id, Map<String, String> values, FormErrors errors) {
        PageText t = area.text(ctx);
        Map<String, Object> params = new HashMap<>();
        params.put("f", frames.frame(ctx, t, t.t("staff.algorithms.edit"), actor, Optional.empty(), "/staff/algorithms").withError(errors.any()));
        params.put("t", t);
        params.put("id", id);
        params.put("values", values);
        params.put("errors", errors);
        params.put("fields", FIELDS);
        params.put("history", "new".equals(id) ? List.<AlgorithmEntry>of() : register.history(id));
        area.render(ctx, status, "page/staff/algorithm-edit.jte", params);
    }

    private Actor officer(Context ctx) {
        return session.actor(ctx, Role.DPO);
    }
}
