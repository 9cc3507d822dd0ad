package eu.haven.navigator.directory;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Map;
import java.util.Set;

/** HSDS schedule: iCal-like opening hours ({@code freq}, {@code byday}, {@code opens_at}, {@code closes_at}). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Schedule(String id, String validFrom, String validTo, String freq, String byday, String opensAt, String closesAt,
                       String description, Map<String, Map<String, String>> xTranslations, Set<String> xReview) {
    public Schedule {
        xTranslations = Translations.frozen(xTranslations);
        xReview = Translations.frozen(xReview);
    }

    public Translations translations() {
        return new Translations(xTranslations, xReview);
    }
}
