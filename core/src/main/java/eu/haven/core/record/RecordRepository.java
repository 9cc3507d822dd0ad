package eu.haven.core.record;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface RecordRepository {
    void insert(CaseRecord record);

    List<CaseRecord> forPerson(UUID personId);

    Optional<CaseRecord> find(UUID id);

    /** Replaces a record's sealed data; false when there is no such record. */
    boolean replaceData(UUID id, byte[] sealedData);

    /** Deletes what one organisation holds on a person: records and relationship. Returns the records deleted. */
    int deleteHeldBy(UUID personId, String organisation);

    boolean delete(UUID id);

    /** Records kept for {@code purpose} created before {@code cutoff}, at most {@code limit}. */
    List<Expired> createdBefore(String purpose, Instant cutoff, int limit);

    /** What the retention job needs of a record: no data. */
    record Expired(UUID id, UUID personId, String organisation, String category) {}
}
