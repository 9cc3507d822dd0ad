package eu.haven.web.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What went wrong with a form, in the page's language: listed in a summary at the top (each linked
 * to its field) and shown again beside the field. A problem that belongs to no field has field "".
 */
public final class FormErrors {
    public record Problem(String field, String message) {}

    private final List<Problem> problems = new ArrayList<>();

    public static FormErrors none() {
        return new FormErrors();
    }

    public FormErrors add(String field, String message) {
        problems.add(new Problem(field, message));
        return this;
    }

    public boolean any() {
        return !problems.isEmpty();
    }

    public List<Problem> all() {
        return List.copyOf(problems);
    }

    /** The message for this field, if it has one. */
    public Optional<String> of(String field) {
        return problems.stream().filter(p -> p.field().equals(field)).map(Problem::message).findFirst();
    }

    public boolean has(String field) {
        return of(field).isPresent();
    }

    /** The summary's link for a problem: its field's id, or the page's main content. */
    public static String anchor(Problem p) {
        return p.field().isEmpty() ? "#main" : "#" + p.field();
    }
}
