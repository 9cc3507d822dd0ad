package eu.haven.navigator.hsds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.haven.navigator.directory.Location;
import eu.haven.navigator.directory.Organization;
import eu.haven.navigator.directory.QuestionEntry;
import eu.haven.navigator.directory.Service;
import eu.haven.navigator.directory.ServiceAtLocation;
import eu.haven.navigator.directory.Taxonomy;
import eu.haven.navigator.directory.TaxonomyTerm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;

/**
 * Reads HSDS JSON files: one object, an array of objects, or a page of an HSDS API ({@code contents}). What a file
 * holds is told by its name: {@code service...}, {@code organization...}, {@code location...},
 * {@code service_at_location...}, {@code taxonomy_term...}, {@code taxonomy...}; Haven's {@code questions.json}
 * holds the question-and-answer entries. Nested resources in full documents (a service's organization and
 * locations, an attribute's taxonomy term) are taken as resources of their own. Every object is checked against its
 * HSDS schema first.
 */
public final class JsonImport {
    private final HsdsSchemas schemas = HsdsSchemas.bundled();

    /** A file's name and its text. */
    public record Source(String name, String text) {
    }

    public ImportResult read(List<Path> files, IntConsumer progress) {
        List<Source> sources = new ArrayList<>();
        for (Path file : files) {
            try {
                sources.add(new Source(file.getFileName().toString(), Files.readString(file)));
            } catch (java.nio.charset.MalformedInputException e) {
                sources.add(new Source(file.getFileName().toString(), "\u0000"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return readSources(sources, progress);
    }

    /** The directory files bundled at {@code folder} on the class path (the demo city's). */
    public ImportResult readBundled(String folder) {
        List<Source> sources = new ArrayList<>();
        for (String name : List.of("organizations.json", "services.json", "locations.json", "service_at_locations.json",
            "taxonomies.json", "taxonomy_terms.json", "questions.json")) {
            try (var in = JsonImport.class.getResourceAsStream(folder + "/" + name)) {
                if (in != null) {
                    sources.add(new Source(name, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return readSources(sources, n -> { });
    }

    public ImportResult readSources(List<Source> sources, IntConsumer progress) {
        DirectoryBuilder into = new DirectoryBuilder();
        List<String> skipped = new ArrayList<>();
        int done = 0;
        for (Source source : sources) {
            String name = source.name();
            Optional<String> kind = kindOf(name);
            if (kind.isEmpty()) {
                skipped.add(name);
                continue;
            }
            JsonNode root;
            try {
                root = HsdsJson.MAPPER.readTree(source.text());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                into.bad(new DirectoryBuilder.Origin(name, 1), "not JSON (line " + e.getLocation().getLineNr() + ")");
                continue;
            }
            JsonNode items = root.has("contents") ? root.get("contents") : root;
            List<JsonNode> list = new ArrayList<>();
            if (items.isArray()) {
                items.forEach(list::add);
            } else {
                list.add(items);
            }
            for (int i = 0; i < list.size(); i++) {
                take(kind.get(), list.get(i), new DirectoryBuilder.Origin(name, i + 1), into);
                progress.accept(++done);
            }
        }
        return into.build(skipped);
    }

    static Optional<String> kindOf(String fileName) {
        if (!fileName.endsWith(".json")) {
            return Optional.empty();
        }
        if (fileName.startsWith("taxonomies")) {
            return Optional.of("taxonomy");
        }
        for (String kind : List.of("service_at_location", "service", "organization", "location", "taxonomy_term", "taxonomy",
            "question")) {
            if (fileName.startsWith(kind)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    private void take(String kind, JsonNode node, DirectoryBuilder.Origin at, DirectoryBuilder into) {
        if (!node.isObject()) {
            into.bad(at, "not a JSON object");
            return;
        }
        if (!kind.equals("question")) {
            List<String> problems = schemas.problems(kind, node.toString());
            if (!problems.isEmpty()) {
                into.bad(at, kind + " " + String.join("; ", problems));
                return;
            }
        }
        try {
            switch (kind) {
                case "organization" -> organization((ObjectNode) node, at, into);
                case "service" -> service((ObjectNode) node, at, into);
                case "location" -> into.location(as(node, Location.class), at);
                case "service_at_location" -> link((ObjectNode) node, Optional.empty(), at, into);
                case "taxonomy" -> into.taxonomy(as(node, Taxonomy.class), at);
                case "taxonomy_term" -> term(node, at, into);
                default -> question(node, at, into);
            }
        } catch (IllegalArgumentException e) {
            into.bad(at, kind + " does not fit its fields");
        }
    }

    private static <T> T as(JsonNode node, Class<T> type) {
        return HsdsJson.MAPPER.convertValue(node, type);
    }

    private void organization(ObjectNode node, DirectoryBuilder.Origin at, DirectoryBuilder into) {
        into.organization(as(node, Organization.class), at);
        node.path("locations").forEach(l -> into.location(as(l, Location.class), at));
        node.path("services").forEach(s -> service((ObjectNode) s, at, into));
    }

    private void service(ObjectNode node, DirectoryBuilder.Origin at, DirectoryBuilder into) {
        JsonNode org = node.path("organization");
        if (org.isObject()) {
            into.organization(as(org, Organization.class), at);
            if (!node.hasNonNull("organization_id")) {
                node.put("organization_id", org.path("id").asText());
            }
        }
        Service service = as(node, Service.class);
        into.service(service, at);
        node.path("attributes").forEach(a -> {
            if (a.path("taxonomy_term").isObject()) {
                term(a.path("taxonomy_term"), at, into);
            }
        });
        node.path("service_at_locations").forEach(sal -> link((ObjectNode) sal, Optional.of(service.id()), at, into));
    }

    private void link(ObjectNode node, Optional<String> serviceId, DirectoryBuilder.Origin at, DirectoryBuilder into) {
        JsonNode location = node.path("location");
        if (location.isObject()) {
            into.location(as(location, Location.class), at);
            if (!node.hasNonNull("location_id")) {
                node.put("location_id", location.path("id").asText());
            }
        }
        if (serviceId.isPresent() && !node.hasNonNull("service_id")) {
            node.put("service_id", serviceId.get());
        }
        into.link(as(node, ServiceAtLocation.class), at);
    }

    private void term(JsonNode node, DirectoryBuilder.Origin at, DirectoryBuilder into) {
        JsonNode detail = node.path("taxonomy_detail");
        TaxonomyTerm term = as(node, TaxonomyTerm.class);
        if (detail.isObject()) {
            Taxonomy taxonomy = as(detail, Taxonomy.class);
            into.taxonomy(taxonomy, at);
            if (term.taxonomyId() == null) {
                term = new TaxonomyTerm(term.id(), term.code(), term.name(), term.description(), term.parentId(), taxonomy.id(),
                    term.language(), term.xTranslations(), term.xReview());
            }
        }
        into.term(term, at);
    }

    private void question(JsonNode node, DirectoryBuilder.Origin at, DirectoryBuilder into) {
        QuestionEntry q = as(node, QuestionEntry.class);
        if (q.question() == null || q.question().isBlank() || q.answer() == null || q.answer().isBlank()) {
            into.bad(at, "question needs a question and an answer");
            return;
        }
        into.question(q, at);
    }
}
