package eu.haven.core.consent;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface ConsentRepository {
    void insert(Consent consent);

    Optional<Consent> find(UUID id);

    List<Consent> forPerson(UUID personId);

    /** Marks withdrawn, by the organisation that registered it or (empty) by the person; false when it already was. */
    boolean withdraw(UUID id, Instant at, Optional<String> by);
}
