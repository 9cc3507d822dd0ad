package eu.haven.navigator.directory;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Map;
import java.util.Set;

/** HSDS required_document: what to bring. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
public record RequiredDocument(String id, String document, String uri, Map<String, Map<String, String>> xTranslations,
                               Set<String> xReview) {
    public RequiredDocument {
        xTranslations = Translations.frozen(xTranslations);
        xReview = Translations.frozen(xReview);
    }

    public Translations translations() {
        return new Translations(xTranslations, xReview);
    }
}
