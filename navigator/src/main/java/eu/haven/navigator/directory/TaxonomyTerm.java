package eu.haven.navigator.directory;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Map;
import java.util.Set;

/** HSDS taxonomy_term: the navigator's categories are the terms of its taxonomy. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TaxonomyTerm(String id, String code, String name, String description, String parentId, String taxonomyId,
                           String language, Map<String, Map<String, String>> xTranslations, Set<String> xReview) {
    public TaxonomyTerm {
        xTranslations = Translations.frozen(xTranslations);
        xReview = Translations.frozen(xReview);
    }

    public Translations translations() {
        return new Translations(xTranslations, xReview);
    }
}
