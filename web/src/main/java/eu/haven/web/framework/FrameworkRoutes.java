package eu.haven.web.framework;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.haven.core.framework.Firewall;
import eu.haven.core.framework.Framework;
import io.javalin.config.RoutesConfig;
import java.util.TreeSet;

/** {@code GET /api/v1/framework}: the published data-sharing framework, public and unauthenticated. */
public final class FrameworkRoutes {
    private FrameworkRoutes() {}

    public static void register(RoutesConfig routes, Framework framework, Firewall firewall, ObjectMapper mapper) {
        ObjectNode body = framework.document().filter(d -> d.isObject()).map(d -> ((ObjectNode) d).deepCopy())
            .orElseGet(mapper::createObjectNode);
        ObjectNode fw = body.putObject("firewall");
        fw.put("description", "Service data is never released for these purposes or anything beneath them, "
            + "whatever this framework says. Every attempt is refused, recorded and shown to the person concerned.");
        Firewall.ROOTS.forEach(fw.putArray("roots")::add);
        new TreeSet<>(firewall.purposes()).forEach(fw.putArray("purposes")::add);
        String json = body.toString();
        routes.get("/api/v1/framework", ctx -> {
            ctx.header("Cache-Control", "public, max-age=300");
            ctx.contentType("application/json").result(json);
        });
    }
}
