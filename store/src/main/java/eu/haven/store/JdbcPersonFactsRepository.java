package eu.haven.store;

import eu.haven.core.access.PersonFacts;
import eu.haven.core.access.PersonFactsRepository;
import java.util.HashSet;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads a person's decision facts on one connection and keeps them in memory ({@link PersonCache})
 * for the next decision, until a write about the person.
 */
public final class JdbcPersonFactsRepository implements PersonFactsRepository {
    /** People whose facts are kept in memory by default. */
    public static final int DEFAULT_CACHE_SIZE = 10_000;

    private final Database db;
    private final PersonCache<PersonFacts> cache;

    public JdbcPersonFactsRepository(Database db, int capacity) {
        this.db = db;
        this.cache = new PersonCache<>(db, capacity, f -> 1);
    }

    @Override
    public Optional<PersonFacts> find(UUID personId) {
        return cache.get(personId, () -> read(personId));
    }

    private Optional<PersonFacts> read(UUID personId) {
        return db.reading(() -> db.with(h -> {
            boolean exists = h.createQuery("SELECT COUNT(*) FROM persons WHERE id = :id").bind("id", personId)
                .mapTo(Long.class).one() > 0;
            if (!exists) {
                return Optional.empty();
            }
            var consents = h.createQuery("SELECT * FROM consents WHERE person_id = :p ORDER BY given_at, id").bind("p", personId)
                .map((rs, ctx) -> JdbcConsentRepository.map(rs)).list().stream()
                .map(c -> new eu.haven.core.access.ConsentTerms(c.id(), c.controller(), c.recipient(), java.util.Set.copyOf(c.purposes()),
                    c.categories(), c.givenAt(), c.expiresAt(), c.withdrawnAt())).toList();
            var referrals = h.createQuery("SELECT * FROM referrals WHERE person_id = :p ORDER BY created_at, id")
                .bind("p", personId).map((rs, ctx) -> JdbcReferralRepository.map(rs).facts()).list();
            var organisations = new HashSet<>(h.createQuery("SELECT organisation_id FROM relationships WHERE person_id = :p "
                + "UNION SELECT organisation_id FROM records WHERE person_id = :p").bind("p", personId).mapTo(String.class).list());
            return Optional.of(new PersonFacts(consents, referrals, organisations));
        }));
    }
}
