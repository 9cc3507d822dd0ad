package eu.haven.web.algorithm;

import eu.haven.core.algorithm.AlgorithmRegister;
import eu.haven.core.error.ErrorCode;
import eu.haven.core.error.HavenException;
import eu.haven.core.staff.Actor;
import eu.haven.core.staff.Role;
import eu.haven.web.Caller;
import eu.haven.web.Requests;
import io.javalin.config.RoutesConfig;
import java.util.List;

/**
 * The algorithm register: {@code GET /algorithms.json} (public), {@code PUT /api/v1/algorithms/{id}}
 * (the data protection officer adds or changes an entry) and {@code GET /api/v1/algorithms/{id}/history}.
 */
public final class AlgorithmRoutes {
    record RegisterJson(List<AlgorithmJson> algorithms) {}

    record HistoryJson(List<AlgorithmJson> versions) {}

    private AlgorithmRoutes() {}

    public static void register(RoutesConfig routes, AlgorithmRegister register, Caller caller, Requests requests) {
        routes.get("/algorithms.json", ctx -> ctx.json(new RegisterJson(register.entries().stream().map(AlgorithmJson::of).toList())));
        routes.put("/api/v1/algorithms/{id}", ctx -> {
            Actor actor = caller.actor(ctx);
            AlgorithmJson body = requests.body(ctx, AlgorithmJson.class);
            ctx.json(AlgorithmJson.of(register.save(actor, body.entry(ctx.pathParam("id")))));
        });
        routes.get("/api/v1/algorithms/{id}/history", ctx -> {
            Actor actor = caller.actor(ctx);
            if (actor.role() != Role.DPO) {
                throw new HavenException(ErrorCode.ROLE, "The register's history is the data protection officer's.");
            }
            ctx.json(new HistoryJson(register.history(ctx.pathParam("id")).stream().map(AlgorithmJson::of).toList()));
        });
    }
}
