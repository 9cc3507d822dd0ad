package eu.haven.core.person;

import java.util.List;
import java.util.UUID;

public interface RelationshipRepository {
    void insert(Relationship relationship);

    boolean exists(String organisation, UUID personId);

    /** The people an organisation has a relationship with, newest first, at most {@code limit}. */
    List<Relationship> ofOrganisation(String organisation, int limit);
}
