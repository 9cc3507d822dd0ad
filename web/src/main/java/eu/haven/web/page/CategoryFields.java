package eu.haven.web.page;

import com.fasterxml.jackson.databind.JsonNode;
import eu.haven.core.framework.Framework;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields the framework names for each category's records ({@code categories[].fields}: name,
 * type, label per language), read once from the published document: the staff's form per category
 * asks for them, and both the staff's and the person's pages label a record's values with them.
 */
public final class CategoryFields {
    /** A field of a category's records; {@code type} is one of the framework's field types. */
    public record Spec(String name, String type, Map<String, String> labels) {
        public String label(String lang) {
            return labels.getOrDefault(lang, labels.getOrDefault("en", name));
        }
    }

    private final Map<String, List<Spec>> byCategory;

    public CategoryFields(Framework framework) {
        Map<String, List<Spec>> all = new HashMap<>();
        framework.document().ifPresent(doc -> {
            for (JsonNode c : doc.path("categories")) {
                List<Spec> specs = new ArrayList<>();
                for (JsonNode f : c.path("fields")) {
                    Map<String, String> labels = new HashMap<>();
                    f.path("labels").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText("")));
                    specs.add(new Spec(f.path("name").asText(), f.path("type").asText("text"), Map.copyOf(labels)));
                }
                all.put(c.path("code").asText(), List.copyOf(specs));
            }
        });
        this.byCategory = Map.copyOf(all);
    }

    /** The category's fields, in the framework's order; none when it names none (its records are a free note). */
    public List<Spec> of(String category) {
        return byCategory.getOrDefault(category, List.of());
    }

    /** What a category's form asks for: its fields, or one free note where the framework names none. */
    public List<Spec> form(String category) {
        List<Spec> named = of(category);
        return named.isEmpty() ? List.of(new Spec("note", "long-text", Map.of())) : named;
    }

    /** A value's label: the framework's for this field in the page's language, else in English; a free note's; else the field's name. */
    public String label(String category, String field, PageText t) {
        return of(category).stream().filter(s -> s.name().equals(field)).findFirst().map(s -> s.label(t.lang()))
            .orElseGet(() -> field.equals("note") ? t.t("record.note") : field);
    }
}
