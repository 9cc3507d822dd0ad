package eu.haven.core.equality;

import eu.haven.core.person.Profile;
import eu.haven.core.person.Profiles;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts each outcome under the person's language and age group as it happens (read from their
 * sealed profile, which only this moment opens), so that the counts name no person and outlive an
 * erasure. Counting never stops the service: a failure is logged without a person and passed over.
 */
public final class EqualityCounter implements OutcomeLog {
    private static final Logger LOG = LoggerFactory.getLogger(EqualityCounter.class);
    /** Age groups, by the lower bound of each. */
    public static final java.util.List<String> AGE_GROUPS = java.util.List.of("0-17", "18-25", "26-40", "41-64", "65+", "unknown");
    private final Profiles profiles;
    private final EqualityCountRepository counts;
    private final ZoneId zone;

    public EqualityCounter(Profiles profiles, EqualityCountRepository counts, ZoneId zone) {
        this.profiles = profiles;
        this.counts = counts;
        this.zone = zone;
    }

    @Override
    public void record(UUID personId, Outcome outcome, Instant at, Optional<Duration> took) {
        try {
            Optional<Profile> profile = profiles.of(personId);
            String language = profile.map(Profile::preferredLanguage).orElse("unknown");
            LocalDate day = LocalDate.ofInstant(at, zone);
            String age = profile.flatMap(Profile::birthDate).map(b -> ageGroup(Period.between(b, day).getYears())).orElse("unknown");
            counts.add(YearMonth.from(day).toString(), outcome, language, age, took.map(Duration::toDays).orElse(0L));
        } catch (RuntimeException e) {
            LOG.warn("An outcome could not be counted for the equality view: {}", e.getClass().getSimpleName());
        }
    }

    static String ageGroup(int years) {
        if (years < 18) {
            return "0-17";
        }
        if (years <= 25) {
            return "18-25";
        }
        if (years <= 40) {
            return "26-40";
        }
        return years <= 64 ? "41-64" : "65+";
    }
}
