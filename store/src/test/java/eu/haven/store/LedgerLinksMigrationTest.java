package eu.haven.store;

import static org.assertj.core.api.Assertions.assertThat;

import eu.haven.core.audit.CheckpointMirror;
import eu.haven.core.audit.LedgerAudit;
import eu.haven.core.audit.StoredEvent;
import eu.haven.event.AccessEvent;
import eu.haven.event.EventCommitment;
import eu.haven.ledger.Hashes;
import eu.haven.ledger.NoteSigner;
import eu.haven.ledger.NoteVerifier;
import eu.haven.ledger.TreeEdge;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * A ledger written before events were linked by person: the upgrade links each event naming a person to the previous
 * one naming them, starts each person at their newest, and the audit then passes.
 */
class LedgerLinksMigrationTest {

    @Test
    void anUpgradedLedgerLinksEveryPersonsEventsAndPassesTheAudit() {
        String name = "links-" + UUID.randomUUID();
        DatabaseConfig config = DatabaseConfig.h2Memory(name);
        Flyway.configure().dataSource(config.url(), config.user(), config.password()).locations("classpath:db/migration").target("19")
            .load().migrate();
        UUID amina = UUID.randomUUID();
        UUID olek = UUID.randomUUID();
        // amina at 0, 2, 3 and 6; olek at 1 and 5; nobody at 4.
        List<Optional<UUID>> named = List.of(Optional.of(amina), Optional.of(olek), Optional.of(amina), Optional.of(amina), Optional.empty(),
            Optional.of(olek), Optional.of(amina));
        List<byte[]> leaves = new ArrayList<>();
        try (var c = java.sql.DriverManager.getConnection(config.url(), config.user(), config.password());
             var insert = c.prepareStatement("INSERT INTO ledger_events (idx, entry, salt, id, at, actor_user, organisation_id, role, "
                 + "action, purpose, person_id, categories, permitted, reason, target_id, erasure) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                 + "?, ?, ?, NULL, NULL)")) {
            for (int i = 0; i < named.size(); i++) {
                AccessEvent e = new AccessEvent(UUID.randomUUID(), Instant.parse("2026-03-01T10:00:00Z").plusSeconds(i),
                    Optional.of(UUID.randomUUID()), Optional.of("city-shelter"), Optional.of("caseworker"), "read", "shelter", named.get(i),
                    new LinkedHashSet<>(List.of("identity")), true, Optional.empty(), Optional.empty());
                byte[] salt = EventCommitment.newSalt(eu.haven.core.crypto.Randomness::fill);
                byte[] entry = EventCommitment.entry(salt, e);
                leaves.add(Hashes.leaf(entry));
                insert.setLong(1, i);
                insert.setBytes(2, entry);
                insert.setBytes(3, salt);
                insert.setObject(4, e.id());
                insert.setObject(5, Times.of(EventCommitment.committedTime(e.at())));
                insert.setObject(6, e.actorUser().orElseThrow());
                insert.setString(7, "city-shelter");
                insert.setString(8, "caseworker");
                insert.setString(9, "read");
                insert.setString(10, "shelter");
                insert.setObject(11, named.get(i).orElse(null));
                insert.setString(12, "identity");
                insert.setBoolean(13, true);
                insert.setNull(14, java.sql.Types.VARCHAR);
                insert.executeUpdate();
            }
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
        try (Database db = Database.open(config)) {
            JdbcLedgerStore store = new JdbcLedgerStore(db);
            assertThat(store.events(0, 7)).extracting(e -> e.previous().isPresent() ? e.previous().getAsLong() : -1L)
                .containsExactly(-1L, -1L, 0L, 2L, -1L, 1L, 3L);
            assertThat(store.personHeads().orElseThrow()).containsOnly(java.util.Map.entry(amina, 6L), java.util.Map.entry(olek, 5L));
            assertThat(store.forPerson(amina)).extracting(StoredEvent::index).containsExactly(0L, 2L, 3L, 6L);
            assertThat(store.forPerson(olek, Long.MAX_VALUE, 1)).extracting(StoredEvent::index).containsExactly(5L);

            KeyPair kp = NoteSigner.generate();
            NoteSigner signer = new NoteSigner("haven.test/access", kp.getPrivate(), NoteSigner.rawPublic(kp.getPublic()));
            CheckpointMirror none = new CheckpointMirror() {
                public Optional<String> read() {
                    return Optional.empty();
                }

                public void write(String note) {
                }
            };
            TreeEdge edge = new LedgerAudit(store, NoteVerifier.fromVkey(signer.vkey()), none).run().edge();
            assertThat(edge.root()).isEqualTo(TreeEdge.empty().append(leaves).edge().root());
        }
    }
}
