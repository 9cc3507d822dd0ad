package eu.haven.core.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import eu.haven.core.error.RetryLater;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private Instant now = Instant.parse("2026-11-29T10:00:00Z");
    private final Clock clock = new Clock() {
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        public Instant instant() {
            return now;
        }
    };

    private LoginThrottle throttle(int maxKeys) {
        return new LoginThrottle(new LoginThrottle.Settings(3, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofHours(1), maxKeys),
            clock, "wait");
    }

    private long waitFor(LoginThrottle t, String key) {
        RetryLater refused = catchThrowableOfType(RetryLater.class, () -> t.attempt(key));
        assertThat(refused).as("the key must wait").isNotNull();
        return refused.seconds();
    }

    @Test
    void attemptsAreCountedBeforeTheWorkAndDelaysGrow() {
        LoginThrottle t = throttle(100);
        t.attempt("a");
        t.attempt("a");
        t.attempt("a");
        assertThat(waitFor(t, "a")).as("the third attempt, still running, already counts").isEqualTo(1);
        now = now.plusSeconds(1);
        t.attempt("a");
        assertThat(waitFor(t, "a")).isEqualTo(2);
        now = now.plusSeconds(2);
        t.attempt("a");
        assertThat(waitFor(t, "a")).isEqualTo(4);
        for (int i = 0; i < 10; i++) {
            now = now.plusSeconds(120);
            t.attempt("a");
        }
        assertThat(waitFor(t, "a")).as("capped").isEqualTo(60);
        assertThatCode(() -> t.attempt("b")).as("other keys are not affected").doesNotThrowAnyException();
    }

    @Test
    void aSuccessClearsTheKeyAndARefundGivesBackOnlyItsOwnAttempt() {
        LoginThrottle t = throttle(100);
        t.attempt("user");
        t.attempt("user");
        t.succeeded("user");
        t.attempt("user");
        t.attempt("user");
        assertThatCode(() -> t.attempt("user")).doesNotThrowAnyException();

        t.attempt("shared");
        t.attempt("shared");
        t.attempt("shared");
        t.refund("shared");
        assertThatCode(() -> t.attempt("shared")).as("the refunded attempt lifted the wait").doesNotThrowAnyException();
        assertThat(waitFor(t, "shared")).isPositive();
    }

    @Test
    void aFullTableDropsIdleKeysButNeverOneThatIsWaiting() {
        LoginThrottle t = throttle(10);
        for (int i = 0; i < 3; i++) {
            t.attempt("blocked");
        }
        for (int i = 0; i < 200; i++) {
            t.attempt("passer-by-" + i);
        }
        assertThat(t.size()).isLessThanOrEqualTo(10);
        assertThat(waitFor(t, "blocked")).as("still waiting after 200 other keys").isPositive();

        LoginThrottle full = throttle(2);
        for (String k : new String[] {"x", "y"}) {
            for (int i = 0; i < 3; i++) {
                full.attempt(k);
            }
        }
        assertThat(waitFor(full, "newcomer")).as("a table full of waiting keys makes a new key wait").isPositive();
        now = now.plusSeconds(2);
        assertThatCode(() -> full.attempt("newcomer")).doesNotThrowAnyException();
    }

    @Test
    void aKeyUnusedForLongIsForgotten() {
        LoginThrottle t = throttle(100);
        t.attempt("k");
        t.attempt("k");
        now = now.plus(Duration.ofHours(2));
        t.attempt("k");
        t.attempt("k");
        assertThatCode(() -> t.attempt("k")).doesNotThrowAnyException();
    }
}
