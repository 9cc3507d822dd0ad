package eu.haven.core.person;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface PersonRepository {
    void insert(Person person);

    Optional<Person> find(UUID id);

    boolean exists(UUID id);

    /** The person whose access code has this keyed hash. */
    Optional<Person> findByCodeLookup(String lookup);

    /**
     * Replaces the access code with a new, not yet activated one issued at {@code issuedAt}; the old
     * code and its secret stop working at once. False when there is no such person.
     */
    boolean replaceAccessCode(UUID id, String hash, String lookup, java.time.Instant issuedAt);

    /** The state of the person's access code. */
    Optional<CodeState> codeState(UUID id);

    /** Activates the code with the secret's hash; false when it was already activated (or no such person). */
    boolean activate(UUID id, String secretHash, java.time.Instant at);

    /** Counts a wrong secret; returns the count in a row. */
    int secretFailed(UUID id);

    /** A right secret: the count of wrong ones starts again. */
    void secretSucceeded(UUID id);

    /** Deletes the person and, by cascade, every row about them. False when there was none. */
    boolean delete(UUID id);

    /** People of whom no record is left, at most {@code limit}. */
    List<UUID> withoutRecords(int limit);
}
