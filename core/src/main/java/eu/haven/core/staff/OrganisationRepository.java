package eu.haven.core.staff;

import java.util.List;
import java.util.Optional;

public interface OrganisationRepository {
    void save(Organisation organisation, java.time.Instant createdAt);

    Optional<Organisation> find(String id);

    List<Organisation> all();
}
