package eu.haven.web.alert;

import eu.haven.core.alert.Alert;
import eu.haven.core.alert.AlertService;
import eu.haven.web.Caller;
import eu.haven.web.Requests;
import io.javalin.config.RoutesConfig;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The data protection officer's alerts: {@code GET /api/v1/alerts}, {@code POST /api/v1/alerts/{id}/acknowledge} {@code {"note"}}. */
public final class AlertRoutes {
    record AlertJson(UUID id, String kind, String organisation, UUID target, Instant createdAt) {
        static AlertJson of(Alert a) {
            return new AlertJson(a.id(), a.kind().code(), a.organisation().orElse(null), a.target().orElse(null), a.createdAt());
        }
    }

    record AlertsJson(List<AlertJson> alerts) {}

    record AcknowledgeJson(String note) {}

    private AlertRoutes() {}

    public static void register(RoutesConfig routes, AlertService alerts, Caller caller, Requests requests) {
        routes.get("/api/v1/alerts", ctx -> ctx.json(new AlertsJson(alerts.open(caller.actor(ctx)).stream().map(AlertJson::of).toList())));
        routes.post("/api/v1/alerts/{id}/acknowledge", ctx -> {
            var actor = caller.actor(ctx);
            alerts.acknowledge(actor, Requests.uuid(ctx, "id"), requests.body(ctx, AcknowledgeJson.class).note());
            ctx.status(204);
        });
    }
}
