package eu.haven.navigator.hsds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import eu.haven.navigator.directory.Location;
import eu.haven.navigator.directory.Organization;
import eu.haven.navigator.directory.Service;
import eu.haven.navigator.directory.ServiceAtLocation;
import eu.haven.navigator.directory.Taxonomy;
import eu.haven.navigator.directory.TaxonomyTerm;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;

/**
 * Reads the HSDS tabular datapackage: one CSV file a table, named as HSDS names them, plus Haven's
 * {@code x_translations.csv} (resource_id, language, field, text, review) and {@code questions.json}. A cell is
 * typed as the table's schema says (numbers, whole numbers) and every row is checked against the schema. Child
 * rows (addresses, phones, schedules, languages, required documents, attributes) join their parent by its id.
 * Tables Haven does not keep (contacts, funding, programs, ...) are read past and named as skipped.
 */
public final class TabularImport {
    private static final CsvMapper CSV = new CsvMapper();
    private static final List<String> CHILD_TABLES = List.of("addresses", "phones", "schedules", "languages",
        "required_documents", "attributes");
    private final HsdsSchemas schemas = HsdsSchemas.bundled();
    private final Map<String, JsonNode> schemaCache = new LinkedHashMap<>();

    private record Row(ObjectNode node, DirectoryBuilder.Origin origin) {
    }

    public ImportResult read(Path dir, IntConsumer progress) {
        DirectoryBuilder into = new DirectoryBuilder();
        List<String> skipped = new ArrayList<>();
        int[] done = {0};
        Map<String, List<Row>> tables = new LinkedHashMap<>();
        List<Path> files;
        try (var list = Files.list(dir)) {
            files = list.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            Optional<String> schema = schemaOf(name);
            if (schema.isEmpty()) {
                if (!name.equals("questions.json") && !name.equals("datapackage.json")) {
                    skipped.add(name);
                }
                continue;
            }
            tables.put(name.replace(".csv", ""), rows(file, schema.get(), into, () -> progress.accept(++done[0])));
        }
        Map<String, ObjectNode> locations = new LinkedHashMap<>();
        Map<String, ObjectNode> services = new LinkedHashMap<>();
        tables.getOrDefault("locations", List.of()).forEach(r -> locations.put(r.node().path("id").asText(), r.node()));
        tables.getOrDefault("services", List.of()).forEach(r -> services.put(r.node().path("id").asText(), r.node()));
        Map<String, ObjectNode> all = new LinkedHashMap<>(services);
        all.putAll(locations);
        translations(tables.getOrDefault("x_translations", List.of()), all, tables, into);
        joinChildren(tables, services, locations, into);
        tables.getOrDefault("organizations", List.of()).forEach(r -> into.organization(as(r.node(), Organization.class), r.origin()));
        tables.getOrDefault("services", List.of()).forEach(r -> into.service(as(r.node(), Service.class), r.origin()));
        tables.getOrDefault("locations", List.of()).forEach(r -> into.location(as(r.node(), Location.class), r.origin()));
        tables.getOrDefault("service_at_location", List.of()).forEach(r -> into.link(as(r.node(), ServiceAtLocation.class), r.origin()));
        tables.getOrDefault("taxonomies", List.of()).forEach(r -> into.taxonomy(as(r.node(), Taxonomy.class), r.origin()));
        tables.getOrDefault("taxonomy_terms", List.of()).forEach(r -> into.term(as(r.node(), TaxonomyTerm.class), r.origin()));
        Path questions = dir.resolve("questions.json");
        if (Files.exists(questions)) {
            ImportResult qs = new JsonImport().read(List.of(questions), n -> { });
            qs.badRows().forEach(b -> into.bad(new DirectoryBuilder.Origin(b.file(), b.row()), b.reason()));
            qs.directory().questions().forEach(q -> into.question(q, new DirectoryBuilder.Origin("questions.json", 0)));
        }
        return into.build(skipped);
    }

    /** The HSDS schema a table's rows follow, by the file's name; empty for a table Haven does not keep. */
    static Optional<String> schemaOf(String fileName) {
        return Optional.ofNullable(switch (fileName) {
            case "organizations.csv" -> "organization";
            case "services.csv" -> "service";
            case "locations.csv" -> "location";
            case "service_at_location.csv", "service_at_locations.csv" -> "service_at_location";
            case "addresses.csv" -> "address";
            case "phones.csv" -> "phone";
            case "schedules.csv" -> "schedule";
            case "languages.csv" -> "language";
            case "required_documents.csv" -> "required_document";
            case "attributes.csv" -> "attribute";
            case "taxonomies.csv" -> "taxonomy";
            case "taxonomy_terms.csv" -> "taxonomy_term";
            case "x_translations.csv" -> "x_translations";
            default -> null;
        });
    }

    private List<Row> rows(Path file, String schemaName, DirectoryBuilder into, Runnable tick) {
        String name = file.getFileName().toString();
        List<Row> rows = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file);
             MappingIterator<Map<String, String>> it = CSV.readerForMapOf(String.class)
                 .with(CsvSchema.emptySchema().withHeader()).readValues(reader)) {
            int row = 0;
            while (it.hasNextValue()) {
                row++;
                Map<String, String> cells;
                try {
                    cells = it.nextValue();
                } catch (RuntimeException e) {
                    into.bad(new DirectoryBuilder.Origin(name, row), "not a well-formed CSV row");
                    break;
                }
                var origin = new DirectoryBuilder.Origin(name, row);
                ObjectNode node = typed(schemaName, cells);
                if (!schemaName.equals("x_translations")) {
                    List<String> problems = schemas.problems(schemaName, node.toString());
                    if (!problems.isEmpty()) {
                        into.bad(origin, schemaName + " " + String.join("; ", problems));
                        continue;
                    }
                }
                rows.add(new Row(node, origin));
                tick.run();
            }
        } catch (IOException e) {
            into.bad(new DirectoryBuilder.Origin(name, 0), "cannot be read as CSV");
        }
        return rows;
    }

    /** A row as a JSON object, empty cells left out and numbers typed as the schema says. */
    private ObjectNode typed(String schemaName, Map<String, String> cells) {
        JsonNode props = schemaName.equals("x_translations") ? HsdsJson.MAPPER.createObjectNode()
            : schemaCache.computeIfAbsent(schemaName, this::loadSchema).path("properties");
        ObjectNode node = HsdsJson.MAPPER.createObjectNode();
        cells.forEach((k, v) -> {
            if (v == null || v.isEmpty()) {
                return;
            }
            String type = props.path(k).path("type").asText("string");
            try {
                switch (type) {
                    case "number" -> node.put(k, new java.math.BigDecimal(v.trim()));
                    case "integer" -> node.put(k, Long.parseLong(v.trim()));
                    case "boolean" -> node.put(k, Boolean.parseBoolean(v.trim()));
                    default -> node.put(k, v);
                }
            } catch (NumberFormatException e) {
                node.put(k, v); // left as text: the schema check then names the column
            }
        });
        return node;
    }

    private JsonNode loadSchema(String name) {
        try (var in = TabularImport.class.getResourceAsStream("/hsds/schema/" + name + ".json")) {
            return HsdsJson.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void joinChildren(Map<String, List<Row>> tables, Map<String, ObjectNode> services,
                                     Map<String, ObjectNode> locations, DirectoryBuilder into) {
        for (String table : CHILD_TABLES) {
            for (Row r : tables.getOrDefault(table, List.of())) {
                String serviceKey = table.equals("attributes") ? "link_id" : "service_id";
                Optional<ObjectNode> parent = Optional.ofNullable(services.get(r.node().path(serviceKey).asText()))
                    .or(() -> Optional.ofNullable(locations.get(r.node().path("location_id").asText())));
                if (parent.isEmpty()) {
                    if (table.equals("addresses") || table.equals("required_documents") || table.equals("schedules")) {
                        into.bad(r.origin(), table + " row belongs to no service or location in the import");
                    }
                    continue; // phones, languages and attributes may belong to things Haven does not keep
                }
                JsonNode list = parent.get().path(table);
                ArrayNode array = list.isArray() ? (ArrayNode) list : parent.get().putArray(table);
                array.add(r.node());
            }
        }
    }

    private static void translations(List<Row> rows, Map<String, ObjectNode> byId, Map<String, List<Row>> tables,
                                     DirectoryBuilder into) {
        Map<String, ObjectNode> targets = new LinkedHashMap<>(byId);
        for (String t : List.of("organizations", "taxonomy_terms", "schedules", "required_documents")) {
            tables.getOrDefault(t, List.of()).forEach(r -> targets.put(r.node().path("id").asText(), r.node()));
        }
        for (Row r : rows) {
            ObjectNode target = targets.get(r.node().path("resource_id").asText());
            String lang = r.node().path("language").asText();
            String field = r.node().path("field").asText();
            if (target == null || lang.isEmpty() || field.isEmpty()) {
                into.bad(r.origin(), "translation names no resource in the import, or no language or field");
                continue;
            }
            target.withObject("x_translations").withObject(lang).put(field, r.node().path("text").asText());
            if (r.node().path("review").asBoolean(false)) {
                ArrayNode review = target.withArray("x_review");
                if (!review.toString().contains("\"" + lang + "\"")) {
                    review.add(lang);
                }
            }
        }
    }

    private static <T> T as(JsonNode node, Class<T> type) {
        return HsdsJson.MAPPER.convertValue(node, type);
    }
}
