package eu.haven.core.consent;

import eu.haven.core.person.Profile;
import eu.haven.core.person.Profiles;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Below {@code age} (default 16, GDPR Art. 8) consent is given by a guardian and recorded with the
 * method {@code guardian}; referrals of a child need such a consent. A person whose birth date is
 * not known is treated as an adult.
 */
public final class Guardianship {
    public static final int DEFAULT_AGE = 16;
    private final Profiles profiles;
    private final int age;
    private final Clock clock;

    public Guardianship(Profiles profiles, int age, Clock clock) {
        if (age < 0 || age > 21) {
            throw new IllegalArgumentException("the age of consent must lie between 0 and 21");
        }
        this.profiles = profiles;
        this.age = age;
        this.clock = clock;
    }

    public boolean child(UUID personId) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
        return profiles.of(personId).map((Profile p) -> p.youngerThan(age, today)).orElse(false);
    }
}
