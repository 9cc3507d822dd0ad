package eu.haven.core.code;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface CodeRequestRepository {
    void insert(CodeRequest request);

    Optional<CodeRequest> find(UUID id);

    /** Every request about the person, oldest first. */
    List<CodeRequest> forPerson(UUID personId);

    /** Requests still waiting for approval, oldest first, at most {@code limit}. */
    List<CodeRequest> pending(int limit);

    /** The requests a member of staff asked for that are not handed over yet (pending or approved), oldest first. */
    List<CodeRequest> openBy(UUID requestedBy, int limit);

    /** Pending -> approved; false when it was not pending any more. */
    boolean approve(UUID id, UUID approver, String approverOrganisation, Instant at);

    /** Approved -> issued; false when it was not approved (or was issued already). */
    boolean issue(UUID id, Instant at);
}
