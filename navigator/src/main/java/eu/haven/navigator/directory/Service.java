package eu.haven.navigator.directory;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * HSDS service, with the one-to-many parts that belong to it alone (phones, schedules, languages spoken,
 * documents to bring, and its attributes, which link it to taxonomy terms). Absent fields are null or empty.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Service(String id, String organizationId, String name, String alternateName, String description, String url,
                      String email, String status, String applicationProcess, String feesDescription,
                      String eligibilityDescription, String lastModified, List<Phone> phones, List<Schedule> schedules,
                      List<Language> languages, List<RequiredDocument> requiredDocuments, List<Attribute> attributes,
                      Map<String, Map<String, String>> xTranslations, Set<String> xReview) {
    public Service {
        xTranslations = Translations.frozen(xTranslations);
        xReview = Translations.frozen(xReview);
        phones = phones == null ? List.of() : List.copyOf(phones);
        schedules = schedules == null ? List.of() : List.copyOf(schedules);
        languages = languages == null ? List.of() : List.copyOf(languages);
        requiredDocuments = requiredDocuments == null ? List.of() : List.copyOf(requiredDocuments);
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
    }

    public Translations translations() {
        return new Translations(xTranslations, xReview);
    }

    /** The taxonomy terms this service is filed under. */
    public List<String> taxonomyTermIds() {
        return attributes.stream().map(Attribute::termId).flatMap(java.util.Optional::stream).distinct().toList();
    }

    public Service withLastModified(String when) {
        return new Service(id, organizationId, name, alternateName, description, url, email, status, applicationProcess,
            feesDescription, eligibilityDescription, when, phones, schedules, languages, requiredDocuments, attributes,
            xTranslations, xReview);
    }
}
