package eu.haven.web.page.staff;

import eu.haven.core.admin.StaffAdmin;
import eu.haven.core.error.ErrorCode;
import eu.haven.core.error.HavenException;
import eu.haven.core.framework.Framework;
import eu.haven.core.framework.OrganisationType;
import eu.haven.core.staff.Actor;
import eu.haven.core.staff.Organisation;
import eu.haven.core.staff.Role;
import eu.haven.core.staff.StaffUser;
import eu.haven.web.page.Area;
import eu.haven.web.page.FormErrors;
import eu.haven.web.page.PageKit;
import eu.haven.web.page.PageText;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The administrator's pages: staff accounts (create with a generated password shown once, disable,
 * enable, reset the password) and organisations (create; never of an enforcement type). Every act
 * is checked and recorded by {@link StaffAdmin}; the pages only convert.
 */
final class AdminPages {
    private final Area area;
    private final StaffPageSession session;
    private final StaffFrames frames;
    private final StaffAdmin admin;
    private final Framework framework;
    private final Supplier<Map<String, Organisation>> organisations;

    AdminPages(Area area, StaffPageSession session, StaffFrames frames, StaffAdmin admin, Framework framework,
               Supplier<Map<String, Organisation>> organisations) {
        this.area = area;
        this.session = session;
        this.frames = frames;
        this.admin = admin;
        this.framework = framework;
        this.organisations = organisations;
    }

    void register(RoutesConfig routes) {
        routes.get("/staff/admin", area.page(ctx -> show(ctx, 200, FormErrors.none(), Map.of(), "")));
        routes.post("/staff/admin/users", area.page(this::createUser));
        routes.post("/staff/admin/organisations", area.page(this::createOrganisation));
        routes.post("/staff/admin/users/{username}/{act}", area.page(ctx -> {
            Optional<Actor> by = Optional.of(session.actor(ctx));
            String username = ctx.pathParam("username");
            PageText t = area.text(ctx);
            switch (ctx.pathParam("act")) {
                case "disable" -> admin.disable(by, username);
                case "enable" -> admin.enable(by, username);
                case "reset-password" -> {
                    String password = admin.resetPassword(by, username);
                    show(ctx, 200, FormErrors.none(), Map.of(), t.f("staff.admin.password-reset", "username", username, "password", password));
                    return;
                }
                default -> throw HavenException.notFound();
            }
            PageKit.redirect(ctx, t.href("/staff/admin"));
        }));
    }

    private void show(Context ctx, int status, FormErrors errors, Map<String, String> values, String notice) {
        Actor actor = session.actor(ctx);
        PageText t = area.text(ctx);
        List<StaffAccount> accounts = admin.users(Optional.of(actor)).stream().filter(u -> !u.deleted())
            .sorted(Comparator.comparing(StaffUser::username))
            .map(u -> new StaffAccount(u.username(), CasePages.name(organisations.get(), u.organisationId()), u.role().code(),
                u.disabled())).toList();
        Map<String, String> orgs = new LinkedHashMap<>();
        organisations.get().values().stream().sorted(Comparator.comparing(Organisation::name)).forEach(o -> orgs.put(o.id(), o.name()));
        Map<String, String> types = new LinkedHashMap<>();
        framework.organisationTypes().stream().filter(ty -> !ty.enforcement()).sorted(Comparator.comparing(OrganisationType::code))
            .forEach(ty -> types.put(ty.code(), ty.label()));
        Map<String, Object> params = new HashMap<>();
        params.put("f", frames.frame(ctx, t, t.t("staff.admin.title"), actor, Optional.empty(), "/staff/admin").withError(errors.any()));
        params.put("t", t);
        params.put("errors", errors);
        params.put("values", values);
        params.put("accounts", accounts);
        params.put("organisations", orgs);
        params.put("types", types);
        params.put("roles", List.of("caseworker", "supervisor", "dpo", "oversight", "equality", "admin", "editor"));
        params.put("notice", notice);
        area.render(ctx, status, "page/staff/admin.jte", params);
    }

    private void createUser(Context ctx) {
        Optional<Actor> by = Optional.of(session.actor(ctx));
        PageText t = area.text(ctx);
        Map<String, String> values = CasePages.form(ctx, "username", "organisation", "role");
        try {
            Role role = Role.parse(values.get("role")).orElseThrow(IllegalArgumentException::new);
            String password = StaffAdmin.generatePassword();
            admin.createUser(by, values.get("username"), values.get("organisation"), role, password);
            show(ctx, 201, FormErrors.none(), Map.of(), t.f("staff.admin.created", "username", values.get("username"), "password", password));
        } catch (IllegalArgumentException e) {
            show(ctx, 400, FormErrors.none().add("role", t.t("staff.admin.role-missing")), values, "");
        } catch (HavenException e) {
            if (e.code() != ErrorCode.INVALID_REQUEST && e.code() != ErrorCode.CONFLICT && e.code() != ErrorCode.UNKNOWN_ORGANISATION) {
                throw e;
            }
            show(ctx, 400, FormErrors.none().add(e.code() == ErrorCode.UNKNOWN_ORGANISATION ? "organisation" : "username",
                e.code() == ErrorCode.CONFLICT ? t.t("staff.admin.taken") : t.t("staff.admin.username-invalid")), values, "");
        }
    }

    private void createOrganisation(Context ctx) {
        Optional<Actor> by = Optional.of(session.actor(ctx));
        PageText t = area.text(ctx);
        Map<String, String> values = CasePages.form(ctx, "orgId", "orgName", "orgType");
        try {
            admin.createOrganisation(by, values.get("orgId"), values.get("orgName"), values.get("orgType"));
            PageKit.redirect(ctx, t.href("/staff/admin"));
        } catch (HavenException e) {
            if (e.code() != ErrorCode.INVALID_REQUEST && e.code() != ErrorCode.CONFLICT) {
                throw e;
            }
            show(ctx, 400, FormErrors.none().add("orgId", e.code() == ErrorCode.CONFLICT ? t.t("staff.admin.taken")
                : t.t("staff.admin.org-invalid")), values, "");
        }
    }
}
