package eu.haven.navigator.hsds;

import eu.haven.navigator.directory.Directory;
import eu.haven.navigator.directory.Location;
import eu.haven.navigator.directory.Organization;
import eu.haven.navigator.directory.QuestionEntry;
import eu.haven.navigator.directory.Service;
import eu.haven.navigator.directory.ServiceAtLocation;
import eu.haven.navigator.directory.Taxonomy;
import eu.haven.navigator.directory.TaxonomyTerm;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Gathers the resources an import reads, remembering the file and row each came from, then checks that
 * they hold together (unique ids, links to things that exist) before making a {@link Directory}.
 */
final class DirectoryBuilder {
    record Origin(String file, int row) {
    }

    private record Item<T>(T value, Origin origin) {
    }

    private final Map<String, Item<Organization>> organizations = new LinkedHashMap<>();
    private final Map<String, Item<Service>> services = new LinkedHashMap<>();
    private final Map<String, Item<Location>> locations = new LinkedHashMap<>();
    private final Map<String, Item<ServiceAtLocation>> links = new LinkedHashMap<>();
    private final Map<String, Item<Taxonomy>> taxonomies = new LinkedHashMap<>();
    private final Map<String, Item<TaxonomyTerm>> terms = new LinkedHashMap<>();
    private final Map<String, Item<QuestionEntry>> questions = new LinkedHashMap<>();
    private final List<BadRow> bad = new ArrayList<>();

    void bad(Origin at, String reason) {
        bad.add(new BadRow(at.file(), at.row(), reason));
    }

    void organization(Organization o, Origin at) {
        add(organizations, o.id(), o, at, "organization");
    }

    void service(Service s, Origin at) {
        add(services, s.id(), s, at, "service");
    }

    void location(Location l, Origin at) {
        add(locations, l.id(), l, at, "location");
    }

    void link(ServiceAtLocation l, Origin at) {
        add(links, l.id(), l, at, "service_at_location");
    }

    void taxonomy(Taxonomy t, Origin at) {
        add(taxonomies, t.id(), t, at, "taxonomy");
    }

    void term(TaxonomyTerm t, Origin at) {
        add(terms, t.id(), t, at, "taxonomy_term");
    }

    void question(QuestionEntry q, Origin at) {
        add(questions, q.id(), q, at, "question");
    }

    Optional<Service> service(String id) {
        return Optional.ofNullable(services.get(id)).map(Item::value);
    }

    /** A resource seen twice (a nested copy in a full document, say) is kept once when both copies agree on its id. */
    private <T> void add(Map<String, Item<T>> into, String id, T value, Origin at, String kind) {
        if (id == null || !uuid(id)) {
            bad(at, kind + " id is not a UUID");
            return;
        }
        into.merge(id, new Item<>(value, at), (old, neu) -> neu.origin().file().equals(old.origin().file())
            && neu.origin().row() != old.origin().row() ? duplicate(old, neu, kind) : old);
    }

    private <T> Item<T> duplicate(Item<T> old, Item<T> neu, String kind) {
        bad(neu.origin(), kind + " id repeats row " + old.origin().row());
        return old;
    }

    static boolean uuid(String s) {
        try {
            return UUID.fromString(s).toString().equalsIgnoreCase(s);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    ImportResult build(List<String> skipped) {
        services.values().forEach(s -> {
            if (s.value().organizationId() != null && !organizations.containsKey(s.value().organizationId())) {
                bad(s.origin(), "service names an organization_id that is not in the import");
            }
        });
        links.values().forEach(l -> {
            if (!services.containsKey(l.value().serviceId())) {
                bad(l.origin(), "service_at_location names a service_id that is not in the import");
            }
            if (!locations.containsKey(l.value().locationId())) {
                bad(l.origin(), "service_at_location names a location_id that is not in the import");
            }
        });
        questions.values().forEach(q -> q.value().serviceIds().stream().filter(id -> !services.containsKey(id)).findFirst()
            .ifPresent(id -> bad(q.origin(), "question names a service that is not in the import")));
        Directory directory = new Directory(values(organizations), values(services), values(locations), values(links),
            values(taxonomies), values(terms), values(questions));
        return new ImportResult(directory, bad, skipped);
    }

    private static <T> List<T> values(Map<String, Item<T>> map) {
        return map.values().stream().map(Item::value).toList();
    }
}
