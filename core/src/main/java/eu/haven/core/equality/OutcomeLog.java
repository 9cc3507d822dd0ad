package eu.haven.core.equality;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Where the services tell the equality counts what happened to a person's request or referral. */
public interface OutcomeLog {
    /** {@code took}: how long the answer took, where there was a question. */
    void record(UUID personId, Outcome outcome, Instant at, Optional<Duration> took);

    /** A log that keeps nothing. */
    OutcomeLog NONE = (personId, outcome, at, took) -> { };
}
