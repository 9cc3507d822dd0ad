package eu.haven.web.admin;

import eu.haven.core.error.HavenException;
import eu.haven.core.staff.Organisation;
import eu.haven.core.staff.Role;
import eu.haven.core.admin.StaffAdmin;
import eu.haven.core.staff.StaffUser;
import eu.haven.web.Caller;
import eu.haven.web.Requests;
import io.javalin.config.RoutesConfig;
import java.util.List;
import java.util.Optional;

/**
 * Organisations and staff accounts, for the admin role: {@code /api/v1/admin/...}. Every change is
 * recorded in the ledger by the service. Generated passwords are shown once, in the answer.
 */
public final class AdminRoutes {
    record NewOrganisation(String id, String name, String type) {}

    record NewUser(String username, String organisation, String role) {}

    record UserJson(String username, String organisation, String role, String status) {
        static UserJson of(StaffUser u) {
            return new UserJson(u.username(), u.organisationId(), u.role().code(), u.status());
        }
    }

    record UsersJson(List<UserJson> users) {}

    record CreatedUserJson(String username, String organisation, String role, String password) {}

    record PasswordJson(String username, String password) {}

    private AdminRoutes() {}

    public static void register(RoutesConfig routes, StaffAdmin admin, Caller caller, Requests requests,
                                eu.haven.core.admin.DatabaseBackups backups) {
        routes.post("/api/v1/admin/backup", ctx -> {
            var actor = Optional.of(caller.actor(ctx));
            ctx.status(201).json(admin.backup(actor, backups));
        });
        routes.post("/api/v1/admin/organisations", ctx -> {
            var actor = Optional.of(caller.actor(ctx));
            NewOrganisation body = requests.body(ctx, NewOrganisation.class);
            Organisation o = admin.createOrganisation(actor, body.id(), body.name(), body.type());
            ctx.status(201).json(o);
        });
        routes.get("/api/v1/admin/users", ctx ->
            ctx.json(new UsersJson(admin.users(Optional.of(caller.actor(ctx))).stream().map(UserJson::of).toList())));
        routes.post("/api/v1/admin/users", ctx -> {
            var actor = Optional.of(caller.actor(ctx));
            NewUser body = requests.body(ctx, NewUser.class);
            Role role = Role.parse(Optional.ofNullable(body.role()).orElse(""))
                .orElseThrow(() -> HavenException.invalid("'role' must be caseworker, supervisor, dpo, oversight or admin."));
            String password = StaffAdmin.generatePassword();
            StaffUser u = admin.createUser(actor, body.username(), body.organisation(), role, password);
            ctx.status(201).json(new CreatedUserJson(u.username(), u.organisationId(), u.role().code(), password));
        });
        routes.post("/api/v1/admin/users/{username}/reset-password", ctx -> {
            String username = ctx.pathParam("username");
            String password = admin.resetPassword(Optional.of(caller.actor(ctx)), username);
            ctx.json(new PasswordJson(username, password));
        });
        routes.post("/api/v1/admin/users/{username}/disable", ctx -> {
            admin.disable(Optional.of(caller.actor(ctx)), ctx.pathParam("username"));
            ctx.status(204);
        });
        routes.post("/api/v1/admin/users/{username}/enable", ctx -> {
            admin.enable(Optional.of(caller.actor(ctx)), ctx.pathParam("username"));
            ctx.status(204);
        });
        routes.delete("/api/v1/admin/users/{username}", ctx -> {
            admin.delete(Optional.of(caller.actor(ctx)), ctx.pathParam("username"));
            ctx.status(204);
        });
    }
}
