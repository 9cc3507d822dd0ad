package eu.haven.navigator.directory;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** HSDS location, with its addresses and phones. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Location(String id, String locationType, String name, String description, String transportation,
                       Double latitude, Double longitude, List<Address> addresses, List<Phone> phones,
                       Map<String, Map<String, String>> xTranslations, Set<String> xReview) {
    public Location {
        xTranslations = Translations.frozen(xTranslations);
        xReview = Translations.frozen(xReview);
        addresses = addresses == null ? List.of() : List.copyOf(addresses);
        phones = phones == null ? List.of() : List.copyOf(phones);
    }

    public Translations translations() {
        return new Translations(xTranslations, xReview);
    }

    /** Where it is, when the location gives both coordinates. */
    public Optional<GeoPoint> point() {
        return latitude == null || longitude == null ? Optional.empty() : Optional.of(new GeoPoint(latitude, longitude));
    }
}
