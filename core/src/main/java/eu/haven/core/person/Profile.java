package eu.haven.core.person;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;

/** What the sealed profile holds: the preferred language and, if known, the birth date. */
public record Profile(String preferredLanguage, Optional<LocalDate> birthDate) {
    /** True when the birth date is known and the person is younger than {@code age} on {@code day}. */
    public boolean youngerThan(int age, LocalDate day) {
        return birthDate.map(b -> Period.between(b, day).getYears() < age).orElse(false);
    }
}
