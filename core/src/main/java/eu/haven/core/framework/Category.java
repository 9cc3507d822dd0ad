package eu.haven.core.framework;

import java.util.Optional;

/** A data category; {@code bit} is its position in category masks (at most 64 categories). */
public record Category(String code, String label, Optional<String> iri, boolean special, int bit) {
    public long mask() {
        return 1L << bit;
    }
}
