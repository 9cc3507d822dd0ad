package eu.haven.web.page.staff;

import eu.haven.navigator.directory.Metadata;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An editor's form over one directory resource: its plain fields, its texts in each of the nine languages (with the
 * "needs review" mark), and the history of its changes.
 */
public record DirectoryForm(String title, String action, List<Input> plain, List<Language> languages, List<Metadata> history,
                            Optional<String> publicHref, boolean saved) {
    /** A field: a line of text, a longer text, or a choice ({@code options}: value to label). */
    public record Input(String name, String label, String value, boolean longText, Map<String, String> options) {
        public static Input line(String name, String label, String value) {
            return new Input(name, label, value, false, Map.of());
        }

        public static Input text(String name, String label, String value) {
            return new Input(name, label, value, true, Map.of());
        }

        public static Input choice(String name, String label, String value, Map<String, String> options) {
            return new Input(name, label, value, false, options);
        }
    }

    /** One language's texts; {@code review}: marked as drafted without a native speaker. */
    public record Language(String code, String name, List<Input> inputs, boolean review) {
    }
}
