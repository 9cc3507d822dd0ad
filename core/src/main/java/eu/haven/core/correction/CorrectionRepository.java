package eu.haven.core.correction;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface CorrectionRepository {
    void insert(Correction correction);

    Optional<Correction> find(UUID id);

    List<Correction> forPerson(UUID personId);

    /** Open requests addressed to an organisation, oldest first. */
    List<Correction> openFor(String organisation);

    /** Answers an open request; false when it was no longer open. */
    boolean answer(UUID id, Correction.Status status, byte[] sealedAnswer, Instant at, UUID by);
}
