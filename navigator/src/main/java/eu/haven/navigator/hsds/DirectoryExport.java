package eu.haven.navigator.hsds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import eu.haven.navigator.directory.Directory;
import eu.haven.navigator.directory.Location;
import eu.haven.navigator.directory.Service;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the directory as HSDS 3.0 twice over: JSON (one array a resource type) and the tabular datapackage
 * (one CSV a table, columns as the schema orders them), with Haven's translations in {@code x_translations}
 * (inside the JSON objects; a table of their own beside the CSV) and the questions in {@code questions.json}.
 */
public final class DirectoryExport {
    private static final CsvMapper CSV = new CsvMapper();

    public void writeJson(Directory d, Path dir) {
        write(dir.resolve("organizations.json"), d.organizations());
        write(dir.resolve("services.json"), d.services());
        write(dir.resolve("locations.json"), d.locations());
        write(dir.resolve("service_at_locations.json"), d.serviceAtLocations());
        write(dir.resolve("taxonomies.json"), d.taxonomies());
        write(dir.resolve("taxonomy_terms.json"), d.terms());
        write(dir.resolve("questions.json"), d.questions());
    }

    public void writeTabular(Directory d, Path dir) {
        Map<String, List<ObjectNode>> tables = new LinkedHashMap<>();
        List<ObjectNode> translations = new ArrayList<>();
        d.organizations().forEach(o -> add(tables, "organizations", tree(o), translations));
        for (Service s : d.services()) {
            ObjectNode node = tree(s);
            for (String child : List.of("phones", "schedules", "languages", "required_documents", "attributes")) {
                JsonNode rows = node.remove(child);
                if (rows != null) {
                    rows.forEach(r -> {
                        ObjectNode row = ((ObjectNode) r).put(child.equals("attributes") ? "link_id" : "service_id", s.id());
                        if (child.equals("attributes")) {
                            row.put("link_type", "service").put("link_entity", "service");
                            JsonNode term = row.remove("taxonomy_term");
                            if (term != null && !row.has("taxonomy_term_id")) {
                                row.put("taxonomy_term_id", term.path("id").asText());
                            }
                        }
                        add(tables, child, row, translations);
                    });
                }
            }
            add(tables, "services", node, translations);
        }
        for (Location l : d.locations()) {
            ObjectNode node = tree(l);
            for (String child : List.of("addresses", "phones")) {
                JsonNode rows = node.remove(child);
                if (rows != null) {
                    rows.forEach(r -> add(tables, child, ((ObjectNode) r).put("location_id", l.id()), translations));
                }
            }
            add(tables, "locations", node, translations);
        }
        d.serviceAtLocations().forEach(s -> add(tables, "service_at_location", tree(s), translations));
        d.taxonomies().forEach(t -> add(tables, "taxonomies", tree(t), translations));
        d.terms().forEach(t -> add(tables, "taxonomy_terms", tree(t), translations));
        tables.forEach((table, rows) -> writeCsv(dir.resolve(table + ".csv"), columns(table), rows));
        writeCsv(dir.resolve("x_translations.csv"), List.of("resource_id", "language", "field", "text", "review"), translations);
        write(dir.resolve("questions.json"), d.questions());
    }

    private static ObjectNode tree(Object o) {
        return HsdsJson.MAPPER.valueToTree(o);
    }

    private static void add(Map<String, List<ObjectNode>> tables, String table, ObjectNode row, List<ObjectNode> translations) {
        JsonNode texts = row.remove("x_translations");
        JsonNode review = row.remove("x_review");
        if (texts != null) {
            texts.properties().forEach(lang -> lang.getValue().properties().forEach(field -> translations.add(
                HsdsJson.MAPPER.createObjectNode().put("resource_id", row.path("id").asText()).put("language", lang.getKey())
                    .put("field", field.getKey()).put("text", field.getValue().asText())
                    .put("review", review != null && review.toString().contains("\"" + lang.getKey() + "\"")))));
        }
        tables.computeIfAbsent(table, t -> new ArrayList<>()).add(row);
    }

    /** The table's columns: the scalar properties of its HSDS schema, in the schema's order. */
    private static List<String> columns(String table) {
        String schema = TabularImport.schemaOf(table + ".csv").orElseThrow();
        try (var in = DirectoryExport.class.getResourceAsStream("/hsds/schema/" + schema + ".json")) {
            JsonNode props = HsdsJson.MAPPER.readTree(in).path("properties");
            List<String> out = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = props.properties().iterator(); it.hasNext(); ) {
                var p = it.next();
                String type = p.getValue().path("type").asText("");
                if (!type.equals("array") && !type.equals("object") && !p.getValue().has("$ref")) {
                    out.add(p.getKey());
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeCsv(Path file, List<String> columns, List<ObjectNode> rows) {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        columns.forEach(schema::addColumn);
        List<Map<String, String>> out = rows.stream().map(r -> {
            Map<String, String> m = new LinkedHashMap<>();
            columns.forEach(c -> m.put(c, r.hasNonNull(c) ? r.get(c).asText() : ""));
            return m;
        }).toList();
        try {
            CSV.writer(schema.build()).writeValue(file.toFile(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, Object value) {
        try {
            HsdsJson.MAPPER.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
