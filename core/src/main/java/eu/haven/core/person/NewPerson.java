package eu.haven.core.person;

import java.time.LocalDate;
import java.util.Optional;

/** What a caseworker enters to take a person on. */
public record NewPerson(String displayName, String preferredLanguage, Optional<LocalDate> birthDate) {}
