package eu.haven.core.staff;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface StaffRepository {
    void save(StaffUser user, java.time.Instant createdAt);

    Optional<StaffUser> findByUsername(String username);

    void setPasswordHash(UUID id, String passwordHash);

    void setDisabled(UUID id, boolean disabled);

    /** Marks the account deleted: it keeps its id and username, loses its password, never signs in again. */
    void markDeleted(UUID id, java.time.Instant at);

    Optional<StaffUser> find(UUID id);

    List<StaffUser> all();
}
