package eu.haven.store;

import eu.haven.core.person.Person;
import eu.haven.core.person.PersonRepository;
import java.util.Optional;
import java.util.UUID;

public final class JdbcPersonRepository implements PersonRepository {
    private final Database db;

    public JdbcPersonRepository(Database db) {
        this.db = db;
    }

    @Override
    public void insert(Person p) {
        db.with(h -> h.createUpdate("INSERT INTO persons (id, created_at, created_by, profile, access_code_hash, access_code_lookup) "
                + "VALUES (:id, :at, :by, :profile, :hash, :lookup)")
            .bind("id", p.id()).bind("at", Times.of(p.createdAt())).bind("by", p.createdBy())
            .bind("profile", p.sealedProfile()).bind("hash", p.accessCodeHash()).bind("lookup", p.accessCodeLookup())
            .execute());
    }

    @Override
    public Optional<Person> find(UUID id) {
        return db.with(h -> h.createQuery("SELECT * FROM persons WHERE id = :id").bind("id", id)
            .map((rs, c) -> new Person(Times.uuid(rs, "id"), Times.get(rs, "created_at"), rs.getString("created_by"),
                rs.getBytes("profile"), rs.getString("access_code_hash"), rs.getString("access_code_lookup")))
            .findOne());
    }

    @Override
    public boolean exists(UUID id) {
        return db.with(h -> h.createQuery("SELECT COUNT(*) FROM persons WHERE id = :id").bind("id", id)
            .mapTo(Long.class).one() > 0);
    }
}
