package eu.haven.core.consent;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A consent as a caseworker records it on the person's behalf. */
public record NewConsent(String recipient, List<String> purposes, List<String> categories,
                         Optional<Instant> expiresAt, String method, String language) {}
