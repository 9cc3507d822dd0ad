package eu.haven.navigator.directory;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Map;
import java.util.Set;

/** HSDS organization: who runs services. Absent HSDS fields are null here, as in the JSON. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Organization(String id, String name, String alternateName, String description, String email, String website,
                           Map<String, Map<String, String>> xTranslations, Set<String> xReview) {
    public Organization {
        xTranslations = Translations.frozen(xTranslations);
        xReview = Translations.frozen(xReview);
    }

    public Translations translations() {
        return new Translations(xTranslations, xReview);
    }
}
