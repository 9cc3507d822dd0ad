package eu.haven.navigator.directory;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** One consistent, immutable state of the whole service directory, looked up by id. */
public final class Directory {
    private final Map<String, Organization> organizations;
    private final Map<String, Service> services;
    private final Map<String, Location> locations;
    private final List<ServiceAtLocation> serviceAtLocations;
    private final Map<String, Taxonomy> taxonomies;
    private final Map<String, TaxonomyTerm> terms;
    private final Map<String, QuestionEntry> questions;
    private final Map<String, List<ServiceAtLocation>> byService;

    public Directory(List<Organization> organizations, List<Service> services, List<Location> locations,
                     List<ServiceAtLocation> serviceAtLocations, List<Taxonomy> taxonomies, List<TaxonomyTerm> terms,
                     List<QuestionEntry> questions) {
        this.organizations = byId(organizations, Organization::id);
        this.services = byId(services, Service::id);
        this.locations = byId(locations, Location::id);
        this.serviceAtLocations = List.copyOf(serviceAtLocations);
        this.taxonomies = byId(taxonomies, Taxonomy::id);
        this.terms = byId(terms, TaxonomyTerm::id);
        this.questions = byId(questions, QuestionEntry::id);
        this.byService = serviceAtLocations.stream().collect(Collectors.groupingBy(ServiceAtLocation::serviceId));
    }

    public static Directory empty() {
        return new Directory(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    private static <T> Map<String, T> byId(List<T> items, Function<T, String> id) {
        var map = new LinkedHashMap<String, T>();
        items.stream().sorted(Comparator.comparing(id)).forEach(i -> map.put(id.apply(i), i));
        return java.util.Collections.unmodifiableMap(map);
    }

    public List<Organization> organizations() {
        return List.copyOf(organizations.values());
    }

    public List<Service> services() {
        return List.copyOf(services.values());
    }

    public List<Location> locations() {
        return List.copyOf(locations.values());
    }

    public List<ServiceAtLocation> serviceAtLocations() {
        return serviceAtLocations;
    }

    public List<Taxonomy> taxonomies() {
        return List.copyOf(taxonomies.values());
    }

    public List<TaxonomyTerm> terms() {
        return List.copyOf(terms.values());
    }

    public List<QuestionEntry> questions() {
        return List.copyOf(questions.values());
    }

    public Optional<Organization> organization(String id) {
        return Optional.ofNullable(organizations.get(id));
    }

    public Optional<Service> service(String id) {
        return Optional.ofNullable(services.get(id));
    }

    public Optional<Location> location(String id) {
        return Optional.ofNullable(locations.get(id));
    }

    public Optional<Taxonomy> taxonomy(String id) {
        return Optional.ofNullable(taxonomies.get(id));
    }

    public Optional<TaxonomyTerm> term(String id) {
        return Optional.ofNullable(terms.get(id));
    }

    public Optional<QuestionEntry> question(String id) {
        return Optional.ofNullable(questions.get(id));
    }

    /** A resource of any kind, by its kind and id. */
    public Optional<Object> resource(ResourceType type, String id) {
        return switch (type) {
            case ORGANIZATION -> organization(id).map(x -> x);
            case SERVICE -> service(id).map(x -> x);
            case LOCATION -> location(id).map(x -> x);
            case SERVICE_AT_LOCATION -> serviceAtLocations.stream().filter(l -> l.id().equals(id)).findFirst().map(x -> x);
            case TAXONOMY -> taxonomy(id).map(x -> x);
            case TAXONOMY_TERM -> term(id).map(x -> x);
            case QUESTION -> question(id).map(x -> x);
        };
    }

    /** Where a service is given. */
    public List<ServiceAtLocation> atLocations(String serviceId) {
        return byService.getOrDefault(serviceId, List.of());
    }

    /** The locations a service is given at, in the order of its links. */
    public List<Location> locationsOf(String serviceId) {
        return atLocations(serviceId).stream().map(s -> location(s.locationId())).flatMap(Optional::stream).toList();
    }

    /** The top-level terms: the navigator's categories. */
    public List<TaxonomyTerm> categories() {
        return terms.values().stream().filter(t -> t.parentId() == null).toList();
    }
}
