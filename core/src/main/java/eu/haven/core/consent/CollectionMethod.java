package eu.haven.core.consent;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How consent was collected. */
public enum CollectionMethod {
    VERBAL, WRITTEN, ELECTRONIC, GUARDIAN;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<CollectionMethod> parse(String code) {
        return Arrays.stream(values()).filter(m -> m.code().equals(code)).findFirst();
    }
}
