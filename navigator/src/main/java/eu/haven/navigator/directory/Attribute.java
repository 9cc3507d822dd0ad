package eu.haven.navigator.directory;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Optional;

/** HSDS attribute: links an entity to a taxonomy term, by id or (in nested documents) with the term itself. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Attribute(String id, String linkId, String linkType, String linkEntity, String taxonomyTermId, String value,
                        TaxonomyTerm taxonomyTerm) {
    /** The term's id, from the link or from the nested term. */
    public Optional<String> termId() {
        return Optional.ofNullable(taxonomyTermId).or(() -> Optional.ofNullable(taxonomyTerm).map(TaxonomyTerm::id));
    }
}
