package eu.haven.store;

import static org.assertj.core.api.Assertions.assertThat;

import eu.haven.core.audit.CheckpointMirror;
import eu.haven.core.audit.Ledger;
import eu.haven.core.audit.LoggedEvent;
import eu.haven.event.AccessEvent;
import eu.haven.ledger.NoteSigner;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A reader following the ledger (the access watch) gets the newest events from the server's memory: the same events,
 * in the same order, as a server that reads them back from the store, and nothing of a person once they are erased.
 */
class LedgerFollowTest {
    private static final String ORIGIN = "haven.test/access";
    private Database db;
    private NoteSigner signer;
    private final CheckpointMirror mirror = new MemoryMirror();

    @BeforeEach
    void open() {
        db = Database.open(DatabaseConfig.h2Memory("follow-" + UUID.randomUUID()));
        KeyPair kp = NoteSigner.generate();
        signer = new NoteSigner(ORIGIN, kp.getPrivate(), NoteSigner.rawPublic(kp.getPublic()));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Ledger ledger() {
        return Ledger.open(new JdbcLedgerStore(db), signer, mirror, Ledger.Settings.defaults(ORIGIN));
    }

    private static AccessEvent read(UUID person) {
        return AccessEvent.byCaseworker(Instant.now(), UUID.randomUUID(), "city-shelter", "read", "shelter", person,
            new LinkedHashSet<>(List.of("identity")), Optional.empty());
    }

    private static AccessEvent toMillis(AccessEvent e) {
        return new AccessEvent(e.id(), e.at().truncatedTo(java.time.temporal.ChronoUnit.MILLIS), e.actorUser(), e.organisation(), e.role(),
            e.action(), e.purpose(), e.personId(), e.categories(), e.permitted(), e.reason(), e.target(), e.erasure());
    }

    /** Every event after {@code after}, a page of {@code page} at a time, as the access watch reads them. */
    private static List<LoggedEvent> follow(Ledger ledger, long after, int page) {
        List<LoggedEvent> all = new ArrayList<>();
        long cursor = after;
        while (true) {
            Ledger.Period p = ledger.after(cursor, page);
            all.addAll(p.events());
            cursor = p.last();
            if (!p.more()) {
                return all;
            }
        }
    }

    @Test
    void the_newest_events_from_memory_are_those_the_store_gives_back() {
        UUID person = UUID.randomUUID();
        List<LoggedEvent> fromMemory;
        try (Ledger ledger = ledger()) {
            assertThat(ledger.followedInMemory()).as("a lone server").isTrue();
            List<AccessEvent> batch = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                batch.add(read(i % 3 == 0 ? person : UUID.randomUUID()));
            }
            ledger.appendAll(batch.subList(0, 20));
            ledger.appendAll(batch.subList(20, 50));
            fromMemory = follow(ledger, -1, 7);
            assertThat(fromMemory).extracting(LoggedEvent::event).containsExactlyElementsOf(batch);
            assertThat(follow(ledger, 49, 7)).as("nothing newer").isEmpty();
            assertThat(follow(ledger, 44, 100)).extracting(LoggedEvent::index).containsExactly(45L, 46L, 47L, 48L, 49L);
        }
        try (Ledger restarted = ledger()) {
            // The ledger keeps an event's time to the millisecond; the memory holds it as it was recorded.
            assertThat(follow(restarted, -1, 7)).as("a restarted server holds none of them and reads the store")
                .isEqualTo(fromMemory.stream().map(e -> new LoggedEvent(e.index(), toMillis(e.event()))).toList());
        }
    }

    @Test
    void after_an_erasure_the_persons_events_are_no_longer_given() {
        UUID person = UUID.randomUUID();
        try (Ledger ledger = ledger()) {
            for (int i = 0; i < 12; i++) {
                ledger.append(read(i % 2 == 0 ? person : UUID.randomUUID()));
            }
            assertThat(follow(ledger, -1, 5)).filteredOn(e -> e.event().personId().equals(Optional.of(person))).hasSize(6);
            assertThat(ledger.forget(person)).isEqualTo(6);
            List<LoggedEvent> after = follow(ledger, -1, 5);
            assertThat(after).filteredOn(e -> e.event().personId().equals(Optional.of(person))).isEmpty();
            assertThat(after).as("the others' six and the erasure's record").hasSizeGreaterThanOrEqualTo(7);
            ledger.append(read(UUID.randomUUID()));
            assertThat(follow(ledger, after.get(after.size() - 1).index(), 5)).as("new events are followed again").hasSize(1);
        }
    }
}
