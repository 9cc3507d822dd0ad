package eu.haven.core.transparency;

import java.util.Optional;

/**
 * A number as the report publishes it: exact, {@code <5} for a count from 1 to 4, or withheld for a
 * total that would let a count below 5 be worked out. {@code value} is present only when exact.
 */
public record Shown(Kind kind, Optional<Long> value) {
    public enum Kind { EXACT, SMALL, WITHHELD }

    public static Shown exact(long n) {
        return new Shown(Kind.EXACT, Optional.of(n));
    }

    public static final Shown SMALL = new Shown(Kind.SMALL, Optional.empty());
    public static final Shown WITHHELD = new Shown(Kind.WITHHELD, Optional.empty());

    /** As the CSV and JSON write it: the number, {@code <5}, or {@code withheld}. */
    public String text() {
        return switch (kind) {
            case EXACT -> Long.toString(value.orElseThrow());
            case SMALL -> "<5";
            case WITHHELD -> "withheld";
        };
    }
}
