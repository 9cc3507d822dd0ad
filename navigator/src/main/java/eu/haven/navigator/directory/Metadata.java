package eu.haven.navigator.directory;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** HSDS metadata: one change to a resource, who made it and when. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Metadata(String id, String resourceId, String resourceType, String lastActionDate, String lastActionType,
                       String fieldName, String previousValue, String replacementValue, String updatedBy) {
    /** One {@code import} row for each service of a directory that replaces the whole, made by {@code by} at {@code when}. */
    public static java.util.List<Metadata> imported(Directory directory, String by, String when) {
        return directory.services().stream().map(s -> new Metadata(java.util.UUID.randomUUID().toString(), s.id(),
            ResourceType.SERVICE.hsdsName(), when, "import", "", "", "", by)).toList();
    }
}
