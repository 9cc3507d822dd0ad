package eu.haven.web.auth;

import eu.haven.core.staff.AuthService;
import eu.haven.core.staff.IssuedToken;
import eu.haven.web.Caller;
import eu.haven.web.ClientAddress;
import eu.haven.web.Requests;
import io.javalin.config.RoutesConfig;
import java.time.Instant;

/** {@code POST /api/v1/auth/token}: staff sign-in. */
public final class AuthRoutes {
    record TokenRequest(String username, String password) {}

    record TokenJson(String token, Instant expiresAt) {}

    record PasswordChange(String current, @com.fasterxml.jackson.annotation.JsonProperty("new") String replacement) {}

    private AuthRoutes() {}

    public static void register(RoutesConfig routes, AuthService auth, Caller caller, Requests requests, ClientAddress clients) {
        routes.post("/api/v1/auth/sign-out", ctx -> {
            auth.signOut(Requests.bearer(ctx));
            ctx.status(204);
        });
        routes.post("/api/v1/auth/password", ctx -> {
            var actor = caller.actor(ctx);
            PasswordChange body = requests.body(ctx, PasswordChange.class);
            IssuedToken token = auth.changePassword(actor, body.current(), body.replacement(), clients.of(ctx));
            ctx.json(new TokenJson(token.token(), token.expiresAt()));
        });
        routes.post("/api/v1/auth/token", ctx -> {
            TokenRequest body = requests.body(ctx, TokenRequest.class);
            IssuedToken token = auth.login(body.username(), body.password(), clients.of(ctx));
            ctx.json(new TokenJson(token.token(), token.expiresAt()));
        });
    }
}
