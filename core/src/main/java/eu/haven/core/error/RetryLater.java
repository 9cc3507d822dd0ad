package eu.haven.core.error;

import java.time.Duration;

/** A refusal that passes with time: answered with {@code Retry-After}. */
public final class RetryLater extends HavenException {
    private static final long serialVersionUID = 1L;
    private final transient Duration after;

    public RetryLater(ErrorCode code, String message, Duration after) {
        super(code, message);
        this.after = after;
    }

    @Override
    public java.util.Map<String, Object> args() {
        return java.util.Map.of("seconds", seconds());
    }

    /** Whole seconds to wait, at least one. */
    public long seconds() {
        return Math.max(1, (after.toMillis() + 999) / 1000);
    }
}
