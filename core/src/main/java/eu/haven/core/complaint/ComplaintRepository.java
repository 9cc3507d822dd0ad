package eu.haven.core.complaint;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface ComplaintRepository {
    void insert(Complaint complaint);

    Optional<Complaint> find(UUID id);

    /** The person's complaints, newest first. */
    List<Complaint> forPerson(UUID personId);

    /** Complaints not yet answered or handed over, oldest first, at most {@code limit}. */
    List<Complaint> waiting(int limit);

    void answer(UUID id, byte[] sealedAnswer, Instant at);

    void handOver(UUID id, Complaint.Body body, Instant at);
}
