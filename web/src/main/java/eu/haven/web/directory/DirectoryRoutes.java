package eu.haven.web.directory;

import com.fasterxml.jackson.databind.JsonNode;
import eu.haven.core.error.HavenException;
import eu.haven.navigator.directory.ResourceType;
import eu.haven.navigator.edit.DirectoryEdits;
import eu.haven.navigator.hsds.HsdsJson;
import eu.haven.web.Caller;
import eu.haven.web.Requests;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;

/**
 * The editors' API over the service directory: {@code POST /api/v1/directory/{type}} creates a resource,
 * {@code PUT /api/v1/directory/{type}/{id}} replaces one (the body is the whole resource as HSDS writes it), and
 * {@code GET /api/v1/directory/{type}/{id}/history} lists its changes as HSDS metadata. Types: organizations,
 * services, locations, service_at_locations, taxonomies, taxonomy_terms, questions.
 */
public final class DirectoryRoutes {
    private static final Map<String, ResourceType> TYPES = Map.of("organizations", ResourceType.ORGANIZATION,
        "services", ResourceType.SERVICE, "locations", ResourceType.LOCATION, "service_at_locations", ResourceType.SERVICE_AT_LOCATION,
        "taxonomies", ResourceType.TAXONOMY, "taxonomy_terms", ResourceType.TAXONOMY_TERM, "questions", ResourceType.QUESTION);

    private DirectoryRoutes() {
    }

    public static void register(RoutesConfig routes, DirectoryEdits edits, Caller caller, Requests requests) {
        routes.post("/api/v1/directory/{type}", ctx -> {
            String id = edits.save(caller.actor(ctx), type(ctx), Optional.empty(), requests.body(ctx, JsonNode.class));
            ctx.status(201).json(Map.of("id", id));
        });
        routes.put("/api/v1/directory/{type}/{id}", ctx -> {
            String id = edits.save(caller.actor(ctx), type(ctx), Optional.of(ctx.pathParam("id")), requests.body(ctx, JsonNode.class));
            ctx.json(Map.of("id", id));
        });
        routes.get("/api/v1/directory/{type}/{id}/history", ctx -> {
            type(ctx);
            ctx.contentType("application/json").result(HsdsJson.MAPPER.writeValueAsBytes(Map.of("contents",
                edits.history(caller.actor(ctx), ctx.pathParam("id")))));
        });
    }

    private static ResourceType type(Context ctx) {
        return Optional.ofNullable(TYPES.get(ctx.pathParam("type"))).orElseThrow(HavenException::notFound);
    }
}
