package eu.haven.core.erasure;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface ErasureRepository {
    /** Records a waiting request unless one for this person and organisation exists already. */
    void insertIfAbsent(ErasureRequest request);

    Optional<ErasureRequest> find(UUID personId, String organisation);

    List<ErasureRequest> forPerson(UUID personId);

    /** Pending requests addressed to an organisation, oldest first. */
    List<ErasureRequest> pendingFor(String organisation);

    boolean decline(UUID personId, String organisation, byte[] sealedAnswer, Instant at);

    boolean delete(UUID personId, String organisation);
}
