package eu.haven.core.staff;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface StaffRepository {
    void save(StaffUser user, java.time.Instant createdAt);

    Optional<StaffUser> findByUsername(String username);

    Optional<StaffUser> find(UUID id);

    List<StaffUser> all();
}
