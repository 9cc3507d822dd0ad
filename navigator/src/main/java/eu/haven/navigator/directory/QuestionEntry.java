package eu.haven.navigator.directory;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A curated question and its answer, with the services it points to. Not part of HSDS: it travels in
 * {@code questions.json} beside the HSDS files, with the same translation extension.
 * {@code keywords} are other ways people ask the same (space-separated), searched with the question.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
public record QuestionEntry(String id, String question, String answer, String keywords, List<String> serviceIds,
                            Map<String, Map<String, String>> xTranslations, Set<String> xReview) {
    public QuestionEntry {
        xTranslations = Translations.frozen(xTranslations);
        xReview = Translations.frozen(xReview);
        serviceIds = serviceIds == null ? List.of() : List.copyOf(serviceIds);
    }

    public Translations translations() {
        return new Translations(xTranslations, xReview);
    }
}
