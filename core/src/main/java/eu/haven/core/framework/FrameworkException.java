package eu.haven.core.framework;

import java.util.List;

/** A framework file that cannot be accepted; the message names every offending entry. */
public class FrameworkException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    public FrameworkException(List<String> problems) {
        super("The data-sharing framework is refused:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
