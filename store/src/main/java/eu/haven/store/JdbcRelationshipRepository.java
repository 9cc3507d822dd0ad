package eu.haven.store;

import eu.haven.core.person.Relationship;
import eu.haven.core.person.RelationshipRepository;
import java.util.List;
import java.util.UUID;

public final class JdbcRelationshipRepository implements RelationshipRepository {
    private final Database db;

    public JdbcRelationshipRepository(Database db) {
        this.db = db;
    }

    @Override
    public void insert(Relationship r) {
        db.with(h -> h.createUpdate("INSERT INTO relationships (person_id, organisation_id, purpose, since) VALUES (:p, :o, :purpose, :since)")
            .bind("p", r.personId()).bind("o", r.organisation()).bind("purpose", r.purpose()).bind("since", Times.of(r.since()))
            .execute());
        db.personChanged(r.personId());
    }

    @Override
    public boolean exists(String organisation, UUID personId) {
        return db.with(h -> h.createQuery("SELECT COUNT(*) FROM relationships WHERE organisation_id = :o AND person_id = :p")
            .bind("o", organisation).bind("p", personId).mapTo(Long.class).one() > 0);
    }

    @Override
    public List<Relationship> ofOrganisation(String organisation, int limit) {
        return db.with(h -> h.createQuery("SELECT * FROM relationships WHERE organisation_id = :o ORDER BY since DESC LIMIT :n")
            .bind("o", organisation).bind("n", limit)
            .map((rs, c) -> new Relationship(Times.uuid(rs, "person_id"), rs.getString("organisation_id"),
                rs.getString("purpose"), Times.get(rs, "since"))).list());
    }
}
