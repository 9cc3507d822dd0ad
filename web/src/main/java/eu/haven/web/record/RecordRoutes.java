package eu.haven.web.record;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.haven.core.error.HavenException;
import eu.haven.core.record.RecordService;
import eu.haven.core.record.RecordView;
import eu.haven.web.Caller;
import eu.haven.web.Requests;
import io.javalin.config.RoutesConfig;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@code /api/v1/persons/{id}/records}: add a record, read the records the policy allows. */
public final class RecordRoutes {
    record NewRecordJson(String category, JsonNode data) {}

    record IdJson(UUID id) {}

    record CorrectedJson(JsonNode data) {}

    /** {@code data} is the record's JSON object as written (checked then, and authenticated by its decryption). */
    record RecordJson(UUID id, String category, @JsonRawValue String data, String organisation, String purpose, Instant createdAt) {}

    record RecordsJson(List<RecordJson> records) {}

    private RecordRoutes() {}

    public static void register(RoutesConfig routes, RecordService records, Caller caller, Requests requests,
                                ObjectMapper mapper) {
        routes.post("/api/v1/persons/{id}/records", ctx -> {
            var actor = caller.actor(ctx);
            var purpose = caller.purpose(ctx);
            UUID person = Requests.uuid(ctx, "id");
            NewRecordJson body = requests.body(ctx, NewRecordJson.class);
            if (body.category() == null || body.category().isBlank()) {
                throw HavenException.invalid("'category' is required.");
            }
            String json = data(body.data(), mapper);
            UUID id = records.add(actor, purpose, person, body.category(), json);
            ctx.status(201).json(new IdJson(id));
        });
        routes.put("/api/v1/persons/{id}/records/{recordId}", ctx -> {
            var actor = caller.actor(ctx);
            var purpose = caller.purpose(ctx);
            UUID person = Requests.uuid(ctx, "id");
            UUID record = Requests.uuid(ctx, "recordId");
            CorrectedJson body = requests.body(ctx, CorrectedJson.class);
            records.correct(actor, purpose, person, record, data(body.data(), mapper));
            ctx.status(204);
        });
        routes.get("/api/v1/persons/{id}/records", ctx -> {
            var actor = caller.actor(ctx);
            var purpose = caller.purpose(ctx);
            UUID person = Requests.uuid(ctx, "id");
            List<String> asked = ctx.queryParams("category").stream()
                .flatMap(v -> Arrays.stream(v.split(","))).map(String::trim).filter(s -> !s.isEmpty()).toList();
            Optional<Collection<String>> categories = asked.isEmpty() ? Optional.empty() : Optional.of(asked);
            List<RecordJson> out = records.list(actor, purpose, person, categories).stream()
                .map(RecordRoutes::toJson).toList();
            ctx.json(new RecordsJson(out));
        });
    }

    private static String data(JsonNode data, ObjectMapper mapper) throws JsonProcessingException {
        if (data == null || !data.isObject()) {
            throw HavenException.invalid("'data' must be a JSON object.");
        }
        String json = mapper.writeValueAsString(data);
        if (json.length() > RecordService.MAX_DATA) {
            throw HavenException.invalid("'data' is larger than " + RecordService.MAX_DATA / 1024 + " KiB.");
        }
        return json;
    }

    private static RecordJson toJson(RecordView r) {
        return new RecordJson(r.id(), r.category(), r.data(), r.organisation(), r.purpose(), r.createdAt());
    }
}
