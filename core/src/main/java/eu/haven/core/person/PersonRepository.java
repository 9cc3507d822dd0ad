package eu.haven.core.person;

import java.util.Optional;
import java.util.UUID;

public interface PersonRepository {
    void insert(Person person);

    Optional<Person> find(UUID id);

    boolean exists(UUID id);
}
