package eu.haven.core.consent;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A consent as a caseworker records it on the person's behalf; with method {@code guardian}, the
 * guardian who gave it.
 */
public record NewConsent(String recipient, List<String> purposes, List<String> categories,
                         Optional<Instant> expiresAt, String method, String language, Optional<Guardian> guardian) {

    /** Who gave a consent for a child: their name and how they are related ({@link #RELATIONSHIPS}). */
    public record Guardian(String name, String relationship) {}

    public static final List<String> RELATIONSHIPS = List.of("mother", "father", "legal-guardian", "other-relative", "other");
}
