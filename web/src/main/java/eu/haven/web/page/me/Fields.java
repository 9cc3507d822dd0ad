package eu.haven.web.page.me;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/** A record's JSON as name and value pairs to show; nested values are shown as their JSON text. */
public final class Fields {
    private static final ObjectMapper JSON = new ObjectMapper();

    public record Field(String name, String value) {}

    private Fields() {}

    public static List<Field> of(String json) {
        List<Field> out = new ArrayList<>();
        try {
            JsonNode node = JSON.readTree(json);
            if (node != null && node.isObject()) {
                node.properties().forEach(e -> out.add(new Field(e.getKey(), text(e.getValue()))));
            } else if (node != null) {
                out.add(new Field("", text(node)));
            }
        } catch (java.io.IOException e) {
            out.add(new Field("", json));
        }
        return out;
    }

    private static String text(JsonNode v) {
        return v.isValueNode() ? v.asText() : v.toString();
    }
}
