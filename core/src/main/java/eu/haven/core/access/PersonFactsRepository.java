package eu.haven.core.access;

import java.util.Optional;
import java.util.UUID;

/**
 * The decision facts of a person, read together. An implementation may keep them in memory, but a
 * change committed through the repositories must be seen by every {@code find} that starts after
 * the writing call has returned.
 */
public interface PersonFactsRepository {
    /** The person's facts; empty when there is no such person. */
    Optional<PersonFacts> find(UUID personId);
}
