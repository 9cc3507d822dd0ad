package eu.haven.core.access;

import eu.haven.core.policy.ConsentFacts;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** What a decision needs of a consent: who may share what with whom, for what, and when; categories as codes. */
public record ConsentTerms(UUID id, String controller, String recipient, Set<String> purposes, List<String> categories,
                           Instant givenAt, Optional<Instant> expiresAt, Optional<Instant> withdrawnAt) {
    public ConsentTerms {
        purposes = Set.copyOf(purposes);
        categories = List.copyOf(categories);
    }

    /** The policy's facts, the categories as the framework's bit mask. */
    public ConsentFacts facts(long categoryMask) {
        return new ConsentFacts(id, controller, recipient, purposes, categoryMask, givenAt, expiresAt, withdrawnAt);
    }
}
