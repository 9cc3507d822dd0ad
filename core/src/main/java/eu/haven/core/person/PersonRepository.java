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

    /** Replaces the access code; the old one stops working at once. False when there is no such person. */
    boolean replaceAccessCode(UUID id, String hash, String lookup);

    /** Deletes the person and, by cascade, every row about them. False when there was none. */
    boolean delete(UUID id);

    /** People of whom no record is left, at most {@code limit}. */
    List<UUID> withoutRecords(int limit);
}
