package eu.haven.navigator.edit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.haven.core.error.ErrorCode;
import eu.haven.core.error.HavenException;
import eu.haven.core.staff.Actor;
import eu.haven.core.staff.Role;
import eu.haven.navigator.directory.Directory;
import eu.haven.navigator.directory.DirectoryRepository;
import eu.haven.navigator.directory.Location;
import eu.haven.navigator.directory.Metadata;
import eu.haven.navigator.directory.NavigatorService;
import eu.haven.navigator.directory.Organization;
import eu.haven.navigator.directory.QuestionEntry;
import eu.haven.navigator.directory.ResourceType;
import eu.haven.navigator.directory.Service;
import eu.haven.navigator.directory.ServiceAtLocation;
import eu.haven.navigator.directory.TaxonomyTerm;
import eu.haven.navigator.hsds.HsdsJson;
import eu.haven.navigator.hsds.HsdsSchemas;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Staff of the {@code editor} role keep the directory: they create and change organisations, services, locations,
 * the links between services and locations, categories and questions. Every resource is checked as an import checks
 * it (its HSDS schema, then its links), and every change is kept as HSDS metadata rows (who, when, which field, from
 * what, to what), one a field, shown on the resource's history.
 */
public final class DirectoryEdits {
    private final NavigatorService navigator;
    private final DirectoryRepository repository;
    private final Clock clock;

    public DirectoryEdits(NavigatorService navigator, DirectoryRepository repository, Clock clock) {
        this.navigator = navigator;
        this.repository = repository;
        this.clock = clock;
    }

    /** Who may edit: an editor, and nobody else (an administrator makes editors; a caseworker keeps case files). */
    public static void requireEditor(Actor actor) {
        if (actor.role() != Role.EDITOR) {
            throw new HavenException(ErrorCode.ROLE, "Only staff of the editor role change the service directory.");
        }
    }

    /**
     * Stores {@code body} as the resource {@code id} of {@code type} (a new one when {@code id} is empty) and returns its
     * id. The body is the whole resource, as HSDS writes it; an id in it must be the same.
     */
    public synchronized String save(Actor actor, ResourceType type, Optional<String> id, JsonNode body) {
        requireEditor(actor);
        if (!(body instanceof ObjectNode object)) {
            throw HavenException.invalid("The body must be a JSON object: the whole " + type.hsdsName() + ".");
        }
        Directory d = navigator.directory();
        Optional<Object> existing = id.flatMap(x -> d.resource(type, x));
        if (id.isPresent() && existing.isEmpty()) {
            throw HavenException.notFound();
        }
        String resourceId = id.orElseGet(() -> Optional.ofNullable(object.get("id")).map(JsonNode::asText).filter(s -> !s.isBlank())
            .orElseGet(() -> UUID.randomUUID().toString()));
        if (object.hasNonNull("id") && !object.get("id").asText().equals(resourceId)) {
            throw HavenException.invalid("id", "The id in the body is not the id in the address.");
        }
        if (id.isEmpty() && d.resource(type, resourceId).isPresent()) {
            throw new HavenException(ErrorCode.CONFLICT, "A " + type.hsdsName() + " with this id exists; change it with PUT.");
        }
        object.put("id", resourceId);
        Object resource = check(type, object, d);
        List<Metadata> changes = changes(actor, type, resourceId, existing.map(e -> (JsonNode) HsdsJson.MAPPER.valueToTree(e)),
            HsdsJson.MAPPER.valueToTree(resource));
        if (changes.isEmpty()) {
            return resourceId;
        }
        repository.put(type, resourceId, resource, changes);
        navigator.reload();
        return resourceId;
    }

    /** The changes made to a resource, newest first. */
    public List<Metadata> history(Actor actor, String resourceId) {
        requireEditor(actor);
        return repository.history(resourceId);
    }

    /** The resource, once its schema and its links hold. */
    private Object check(ResourceType type, ObjectNode body, Directory d) {
        if (type != ResourceType.QUESTION) {
            List<String> problems = HsdsSchemas.bundled().problems(type.hsdsName(), body.toString());
            if (!problems.isEmpty()) {
                String first = problems.get(0);
                String field = first.substring(0, first.indexOf(':')).replaceFirst("^/", "").replace('/', '.');
                throw HavenException.invalid(field.isEmpty() ? type.hsdsName() : field, "Not valid HSDS: " + String.join("; ", problems));
            }
        }
        try {
            return switch (type) {
                case ORGANIZATION -> HsdsJson.MAPPER.treeToValue(body, Organization.class);
                case SERVICE -> {
                    Service s = HsdsJson.MAPPER.treeToValue(body, Service.class);
                    if (s.organizationId() != null && d.organization(s.organizationId()).isEmpty()) {
                        throw HavenException.invalid("organization_id", "No such organization in the directory.");
                    }
                    if (s.taxonomyTermIds().stream().anyMatch(t -> d.term(t).isEmpty())) {
                        throw HavenException.invalid("attributes", "An attribute names a taxonomy term that is not in the directory.");
                    }
                    yield s.withLastModified(clock.instant().toString());
                }
                case LOCATION -> HsdsJson.MAPPER.treeToValue(body, Location.class);
                case SERVICE_AT_LOCATION -> {
                    ServiceAtLocation l = HsdsJson.MAPPER.treeToValue(body, ServiceAtLocation.class);
                    if (l.serviceId() == null || d.service(l.serviceId()).isEmpty()) {
                        throw HavenException.invalid("service_id", "No such service in the directory.");
                    }
                    if (l.locationId() == null || d.location(l.locationId()).isEmpty()) {
                        throw HavenException.invalid("location_id", "No such location in the directory.");
                    }
                    yield l;
                }
                case TAXONOMY -> HsdsJson.MAPPER.treeToValue(body, eu.haven.navigator.directory.Taxonomy.class);
                case TAXONOMY_TERM -> HsdsJson.MAPPER.treeToValue(body, TaxonomyTerm.class);
                case QUESTION -> {
                    QuestionEntry q = HsdsJson.MAPPER.treeToValue(body, QuestionEntry.class);
                    if (q.question() == null || q.question().isBlank()) {
                        throw HavenException.invalid("question", "A question needs its question.");
                    }
                    if (q.answer() == null || q.answer().isBlank()) {
                        throw HavenException.invalid("answer", "A question needs its answer.");
                    }
                    if (q.serviceIds().stream().anyMatch(x -> d.service(x).isEmpty())) {
                        throw HavenException.invalid("service_ids", "A question names a service that is not in the directory.");
                    }
                    yield q;
                }
            };
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            throw HavenException.invalid("A field does not have the type HSDS gives it.");
        }
    }

    /** One metadata row a changed field ({@code x_translations.de.name} for a translation). */
    private List<Metadata> changes(Actor actor, ResourceType type, String id, Optional<JsonNode> before, JsonNode after) {
        String when = clock.instant().toString();
        String action = before.isEmpty() ? "create" : "update";
        String by = actor.organisation() + "/" + actor.userId();
        List<Metadata> out = new ArrayList<>();
        JsonNode old = before.orElse(HsdsJson.MAPPER.createObjectNode());
        TreeSet<String> fields = new TreeSet<>();
        old.fieldNames().forEachRemaining(fields::add);
        after.fieldNames().forEachRemaining(fields::add);
        for (String field : fields) {
            if (field.equals("last_modified")) {
                continue;
            }
            JsonNode a = old.path(field);
            JsonNode b = after.path(field);
            if (field.equals("x_translations")) {
                TreeSet<String> langs = new TreeSet<>();
                a.fieldNames().forEachRemaining(langs::add);
                b.fieldNames().forEachRemaining(langs::add);
                for (String lang : langs) {
                    TreeSet<String> inner = new TreeSet<>();
                    a.path(lang).fieldNames().forEachRemaining(inner::add);
                    b.path(lang).fieldNames().forEachRemaining(inner::add);
                    for (String f : inner) {
                        add(out, id, type, when, action, "x_translations." + lang + "." + f, a.path(lang).path(f), b.path(lang).path(f), by);
                    }
                }
            } else {
                add(out, id, type, when, action, field, a, b, by);
            }
        }
        return out;
    }

    private static void add(List<Metadata> out, String id, ResourceType type, String when, String action, String field, JsonNode a,
                            JsonNode b, String by) {
        if (a.equals(b)) {
            return;
        }
        out.add(new Metadata(UUID.randomUUID().toString(), id, type.hsdsName(), when, action, field, text(a), text(b), by));
    }

    private static String text(JsonNode n) {
        return n.isMissingNode() || n.isNull() ? "" : n.isValueNode() ? n.asText() : n.toString();
    }
}
