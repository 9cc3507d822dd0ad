package eu.haven.navigator.hsds;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import eu.haven.navigator.directory.Attribute;
import eu.haven.navigator.directory.Directory;
import eu.haven.navigator.directory.Languages;
import eu.haven.navigator.directory.Location;
import eu.haven.navigator.directory.Organization;
import eu.haven.navigator.directory.RequiredDocument;
import eu.haven.navigator.directory.Schedule;
import eu.haven.navigator.directory.Service;
import eu.haven.navigator.directory.ServiceAtLocation;
import eu.haven.navigator.directory.TaxonomyTerm;
import java.util.List;
import java.util.Optional;

/**
 * The documents the HSDS API answers with: the resources nested as HSDS's "full" documents nest them, and a
 * resource's texts in one language when the reader asks for one ({@code ?lang=}), in which case the translation
 * extension is left out, so that the document is plain HSDS in that language.
 */
public final class HsdsViews {
    private HsdsViews() {
    }

    /** An HSDS page of a list. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Page<T>(int totalItems, int totalPages, int pageNumber, int size, boolean firstPage, boolean lastPage,
                          boolean empty, List<T> contents) {
        public static <T> Page<T> of(List<T> all, int page, int perPage) {
            int from = Math.min((page - 1) * perPage, all.size());
            return of(all.size(), page, perPage, all.subList(from, Math.min(from + perPage, all.size())));
        }

        /** Page {@code page} of {@code total} items, holding {@code contents}. */
        public static <T> Page<T> of(int total, int page, int perPage, List<T> contents) {
            int pages = Math.max(1, (total + perPage - 1) / perPage);
            return new Page<>(total, pages, page, contents.size(), page == 1, page >= pages, contents.isEmpty(), List.copyOf(contents));
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record FullService(@JsonUnwrapped Service service, Organization organization,
                              List<FullServiceAtLocation> serviceAtLocations) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record FullServiceAtLocation(@JsonUnwrapped ServiceAtLocation link, Location location, Service service) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record FullOrganization(@JsonUnwrapped Organization organization, List<Service> services) {
    }

    public static FullService full(Service s, Directory d, Optional<String> lang) {
        Service service = in(s, d, lang);
        return new FullService(service, Optional.ofNullable(s.organizationId()).flatMap(d::organization).map(o -> in(o, lang)).orElse(null),
            d.atLocations(s.id()).stream().map(l -> new FullServiceAtLocation(l, d.location(l.locationId()).map(x -> in(x, lang)).orElse(null),
                null)).toList());
    }

    public static FullServiceAtLocation full(ServiceAtLocation l, Directory d, Optional<String> lang) {
        return new FullServiceAtLocation(l, d.location(l.locationId()).map(x -> in(x, lang)).orElse(null),
            d.service(l.serviceId()).map(s -> in(s, d, lang)).orElse(null));
    }

    public static FullOrganization full(Organization o, Directory d, Optional<String> lang) {
        return new FullOrganization(in(o, lang), d.services().stream().filter(s -> o.id().equals(s.organizationId()))
            .map(s -> in(s, d, lang)).toList());
    }

    private static boolean translate(Optional<String> lang) {
        return lang.filter(l -> !l.equals(Languages.SOURCE)).isPresent();
    }

    /** The service with its texts in {@code lang} (and its attributes' terms named in it), or as stored. */
    public static Service in(Service s, Directory d, Optional<String> lang) {
        if (!translate(lang)) {
            return s;
        }
        String l = lang.get();
        var t = s.translations();
        List<RequiredDocument> docs = s.requiredDocuments().stream().map(doc -> new RequiredDocument(doc.id(),
            doc.translations().of(l, "document", doc.document()), doc.uri(), null, null)).toList();
        List<Schedule> schedules = s.schedules().stream().map(x -> new Schedule(x.id(), x.validFrom(), x.validTo(), x.freq(), x.byday(),
            x.opensAt(), x.closesAt(), x.translations().of(l, "description", x.description()), null, null)).toList();
        List<Attribute> attributes = s.attributes().stream().map(a -> new Attribute(a.id(), a.linkId(), a.linkType(), a.linkEntity(),
            a.taxonomyTermId(), a.value(), a.termId().flatMap(d::term).map(term -> in(term, lang)).orElse(a.taxonomyTerm()))).toList();
        return new Service(s.id(), s.organizationId(), t.of(l, "name", s.name()), t.of(l, "alternate_name", s.alternateName()),
            t.of(l, "description", s.description()), s.url(), s.email(), s.status(), t.of(l, "application_process", s.applicationProcess()),
            t.of(l, "fees_description", s.feesDescription()), t.of(l, "eligibility_description", s.eligibilityDescription()),
            s.lastModified(), s.phones(), schedules, s.languages(), docs, attributes, null, null);
    }

    public static Organization in(Organization o, Optional<String> lang) {
        if (!translate(lang)) {
            return o;
        }
        var t = o.translations();
        String l = lang.get();
        return new Organization(o.id(), t.of(l, "name", o.name()), t.of(l, "alternate_name", o.alternateName()),
            t.of(l, "description", o.description()), o.email(), o.website(), null, null);
    }

    public static Location in(Location x, Optional<String> lang) {
        if (!translate(lang)) {
            return x;
        }
        var t = x.translations();
        String l = lang.get();
        return new Location(x.id(), x.locationType(), t.of(l, "name", x.name()), t.of(l, "description", x.description()),
            t.of(l, "transportation", x.transportation()), x.latitude(), x.longitude(), x.addresses(), x.phones(), null, null);
    }

    public static TaxonomyTerm in(TaxonomyTerm x, Optional<String> lang) {
        if (!translate(lang)) {
            return x;
        }
        var t = x.translations();
        String l = lang.get();
        return new TaxonomyTerm(x.id(), x.code(), t.of(l, "name", x.name()), t.of(l, "description", x.description()), x.parentId(),
            x.taxonomyId(), l, null, null);
    }
}
