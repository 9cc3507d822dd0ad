package eu.haven.store;

import static org.assertj.core.api.Assertions.assertThat;

import eu.haven.core.audit.CheckpointMirror;
import eu.haven.core.audit.ErasureRecord;
import eu.haven.core.audit.Ledger;
import eu.haven.core.audit.LedgerAudit;
import eu.haven.core.audit.LedgerIntegrityException;
import eu.haven.core.audit.LoggedEvent;
import eu.haven.core.audit.SequencedEvent;
import eu.haven.core.audit.StoredEvent;
import eu.haven.event.AccessEvent;
import eu.haven.event.EventCommitment;
import eu.haven.ledger.NoteSigner;
import eu.haven.ledger.NoteVerifier;
import java.security.KeyPair;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.LongStream;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Changes, deletes, reorders or inserts ledger rows directly in the database, 1,200 times at
 * random, and checks that the start-up audit detects every one.
 */
class LedgerTamperTest {
    private static final String ORIGIN = "haven.test/access";
    private static final int EVENTS = 600;
    private static final int MUTATIONS = 1200;
    private static final String[] EVENT_COLUMNS = {"entry", "salt", "id", "at", "actor_user", "organisation_id", "role", "action",
        "purpose", "person_id", "categories", "permitted", "reason", "target_id", "erasure"};
    /** Columns every event has: nulling one blanks or breaks the opening. */
    private static final String[] ALWAYS_SET = {"salt", "id", "at", "actor_user", "organisation_id", "role", "action", "purpose",
        "person_id", "categories", "permitted"};

    private Database db;
    private final CheckpointMirror mirror = new MemoryMirror();
    private NoteSigner signer;

    @BeforeEach
    void buildALedger() {
        db = Database.open(DatabaseConfig.h2Memory("tamper-" + UUID.randomUUID()));
        KeyPair kp = NoteSigner.generate();
        signer = new NoteSigner(ORIGIN, kp.getPrivate(), NoteSigner.rawPublic(kp.getPublic()));
        try (Ledger ledger = Ledger.open(new JdbcLedgerStore(db), signer, mirror, Ledger.Settings.defaults(ORIGIN))) {
            UUID person = UUID.randomUUID();
            for (int i = 0; i < EVENTS; i++) {
                ledger.append(AccessEvent.byCaseworker(Instant.now(), UUID.randomUUID(), "city-shelter", i % 2 == 0 ? "read" : "write",
                    i % 7 == 0 ? "immigration-enforcement" : "shelter", i % 3 == 0 ? person : UUID.randomUUID(),
                    new LinkedHashSet<>(List.of("identity", "housing")), i % 7 == 0 ? Optional.of("firewall") : Optional.empty()));
            }
            ledger.checkpoint();
        }
        db.autonomous(h -> {
            h.execute("CREATE TABLE snap_events AS SELECT * FROM ledger_events");
            h.execute("CREATE TABLE snap_tiles AS SELECT * FROM ledger_tiles");
            h.execute("CREATE TABLE snap_checkpoints AS SELECT * FROM ledger_checkpoints");
            return null;
        });
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void audit() {
        new LedgerAudit(new JdbcLedgerStore(db), NoteVerifier.fromVkey(signer.vkey()), mirror).run();
    }

    @Test
    void theUntouchedLedgerPassesAndEveryRandomMutationIsDetected() {
        audit();
        assertThat(count("ledger_tiles")).isEqualTo(2);
        Random random = new Random(20261122L);
        Map<String, Integer> kinds = new TreeMap<>();
        for (int i = 0; i < MUTATIONS; i++) {
            String kind = db.autonomous(h -> mutate(h, random));
            kinds.merge(kind.replaceAll("[:@].*", ""), 1, Integer::sum);
            try {
                audit();
                throw new AssertionError("mutation " + i + " went undetected: " + kind);
            } catch (LedgerIntegrityException detected) {
                assertThat(detected.getMessage()).startsWith("The access ledger failed its integrity check");
            }
            restore();
        }
        audit();
        assertThat(kinds.keySet()).contains("null-field", "change-event", "delete-event", "swap-events", "insert-event", "change-tile",
            "delete-tile", "insert-tile", "change-checkpoint", "delete-checkpoint", "insert-checkpoint");
    }

    @Test
    void aRealErasureIsRecordedSignedAndStillPassesTheAudit() {
        UUID person = personAt(0);
        try (Ledger ledger = open()) {
            assertThat(ledger.forget(person)).isEqualTo(EVENTS / 3);
        }
        audit();
        assertThat(store().forPerson(person)).isEmpty();
        assertThat(store().events(0, EVENTS)).filteredOn(e -> e.opening().isEmpty()).extracting(StoredEvent::index)
            .containsExactlyElementsOf(LongStream.range(0, EVENTS).filter(i -> i % 3 == 0).boxed().toList());
        List<StoredEvent> records = store().events(EVENTS, 10);
        assertThat(records).hasSize(1);
        AccessEvent record = records.get(0).opening().orElseThrow().event();
        assertThat(record.personId()).isEmpty();
        assertThat(record.action()).isEqualTo(ErasureRecord.ACTION);
        assertThat(record.erasure().orElseThrow()).doesNotContain(person.toString());
        assertThat(ErasureRecord.open(record, EVENTS, NoteVerifier.fromVkey(signer.vkey())))
            .extracting(ErasureRecord.Range::first).containsExactlyElementsOf(LongStream.range(0, EVENTS).filter(i -> i % 3 == 0).boxed().toList());

        db.autonomous(h -> h.execute("UPDATE ledger_events SET entry = " + flip("entry", 3) + " WHERE idx = 0"));
        expectCaught("does not match the entries");
    }

    @Test
    void aRefusalRewrittenAsAPermittedReadBehindANullSaltIsCaughtAndNeverShown() {
        UUID person = personAt(0);
        try (Ledger ledger = open()) {
            assertThat(ledger.history(person).events()).first().satisfies(e -> assertThat(e.event().reason()).contains("firewall"));
            db.autonomous(h -> h.execute("UPDATE ledger_events SET salt = NULL, purpose = 'shelter', permitted = TRUE, reason = NULL WHERE idx = 0"));
            Ledger.History history = ledger.history(person);
            assertThat(history.withheld()).isEqualTo(1);
            assertThat(history.events()).hasSize(EVENTS / 3 - 1).extracting(LoggedEvent::index).doesNotContain(0L);
            assertThat(ledger.receipt(0)).isEmpty();
        }
        expectCaught("the event at index 0 has no opening and no erasure record in the ledger lists it");
    }

    @Test
    void aRefusalRewrittenWithItsSaltKeptIsWithheldToo() {
        UUID person = personAt(0);
        try (Ledger ledger = open()) {
            db.autonomous(h -> h.execute("UPDATE ledger_events SET purpose = 'shelter', permitted = TRUE, reason = NULL WHERE idx = 0"));
            assertThat(ledger.history(person).withheld()).isEqualTo(1);
            assertThat(ledger.history(person).events()).noneMatch(e -> e.index() == 0);
            assertThat(ledger.receipt(0)).isEmpty();
        }
        expectCaught("the event at index 0 does not match its public entry");
    }

    @Test
    void aReadBlankedOutOfAPersonsHistoryIsCaught() {
        UUID person = personAt(0);
        blank(3);
        try (Ledger ledger = open()) {
            throw new AssertionError("the ledger opened over a blanked read");
        } catch (LedgerIntegrityException detected) {
            assertThat(detected.getMessage()).contains("index 3 has no opening");
        }
        assertThat(store().forPerson(person)).extracting(StoredEvent::index).doesNotContain(3L);
        db.autonomous(h -> h.execute("UPDATE ledger_events SET salt = NULL WHERE idx = 4"));
        expectCaught("index 3 has no opening");
    }

    @Test
    void anErasureRecordMadeUpOrCopiedInTheDatabaseDoesNotCoverABlank() {
        UUID someoneElse = personAt(1);
        try (Ledger ledger = open()) {
            ledger.forget(someoneElse);
        }
        audit();
        AccessEvent genuine = store().events(EVENTS, 1).get(0).opening().orElseThrow().event();
        blank(3);

        KeyPair other = NoteSigner.generate();
        NoteSigner impostor = new NoteSigner(ORIGIN, other.getPrivate(), NoteSigner.rawPublic(other.getPublic()));
        appendRow(EVENTS + 1, ErasureRecord.covering(List.of(3L), impostor, Instant.now()).get(0));
        expectCaught("the erasure record at index " + (EVENTS + 1) + " does not verify");

        db.autonomous(h -> h.execute("DELETE FROM ledger_events WHERE idx = " + (EVENTS + 1)));
        appendRow(EVENTS + 1, new AccessEvent(UUID.randomUUID(), genuine.at(), Optional.empty(), Optional.empty(), genuine.role(),
            genuine.action(), genuine.purpose(), Optional.empty(), Set.of(), true, Optional.empty(), Optional.empty(), genuine.erasure()));
        expectCaught("the erasure record at index " + (EVENTS + 1) + " does not verify");

        db.autonomous(h -> h.execute("DELETE FROM ledger_events WHERE idx = " + (EVENTS + 1)));
        appendRow(EVENTS + 1, genuine);
        expectCaught("the event at index 3 has no opening and no erasure record in the ledger lists it");

        db.autonomous(h -> h.execute("UPDATE ledger_events SET erasure = REPLACE(erasure, 'blanks 1', 'blanks 3') WHERE idx = " + EVENTS));
        expectCaught("the event at index " + EVENTS + " does not match its public entry");
    }

    @Test
    void aPersonsEventsAreFoundPageByPageThroughTheirLinks() {
        UUID person = personAt(0);
        List<Long> all = LongStream.range(0, EVENTS).filter(i -> i % 3 == 0).boxed().toList();
        assertThat(store().forPerson(person)).extracting(StoredEvent::index).containsExactlyElementsOf(all);
        assertThat(store().indicesNaming(person)).containsExactlyElementsOf(all);
        assertThat(store().forPerson(person, Long.MAX_VALUE, 3)).extracting(StoredEvent::index).containsExactly(597L, 594L, 591L);
        // From the last event of a page, and from an index that names somebody else.
        assertThat(store().forPerson(person, 591, 2)).extracting(StoredEvent::index).containsExactly(588L, 585L);
        assertThat(store().forPerson(person, 590, 2)).extracting(StoredEvent::index).containsExactly(588L, 585L);
        assertThat(store().forPerson(person, 3, 5)).extracting(StoredEvent::index).containsExactly(0L);
        assertThat(store().forPerson(person, 0, 5)).isEmpty();
        assertThat(store().forPerson(UUID.randomUUID(), Long.MAX_VALUE, 5)).isEmpty();
    }

    @Test
    void aLinkRewiredToHideAReadFromAPersonsHistoryIsCaught() {
        UUID person = personAt(0);
        // The event at 9 links to the one at 6; linked to 3 instead, the read at 6 drops out of the person's own history.
        db.autonomous(h -> h.execute("UPDATE ledger_events SET person_prev = 3 WHERE idx = 9"));
        assertThat(store().forPerson(person)).extracting(StoredEvent::index).contains(3L, 9L).doesNotContain(6L);
        expectCaught("the event at index 9 links to index 3 where the previous event naming the same person is index 6");

        db.autonomous(h -> h.execute("UPDATE ledger_events SET person_prev = 6 WHERE idx = 9"));
        audit();
        // A link from an event naming somebody else into the person's events.
        db.autonomous(h -> h.execute("UPDATE ledger_events SET person_prev = 6 WHERE idx = 7"));
        expectCaught("the event at index 7 links to index 6 where the previous event naming the same person is none");
    }

    @Test
    void aHeadMovedBackRemovedOrMadeUpIsCaught() {
        UUID person = personAt(0);
        db.autonomous(h -> h.createUpdate("UPDATE ledger_person_heads SET last_idx = 3 WHERE person_id = :p").bind("p", person).execute());
        assertThat(store().forPerson(person)).extracting(StoredEvent::index).containsExactly(0L, 3L);
        expectCaught("a person's events are found from index 3 where their newest event is at index 597");

        db.autonomous(h -> h.createUpdate("DELETE FROM ledger_person_heads WHERE person_id = :p").bind("p", person).execute());
        assertThat(store().forPerson(person)).isEmpty();
        expectCaught("a person's events are found from none where their newest event is at index 597");

        db.autonomous(h -> h.createUpdate("INSERT INTO ledger_person_heads (person_id, last_idx) VALUES (:p, 597)").bind("p", person).execute());
        audit();
        db.autonomous(h -> h.createUpdate("INSERT INTO ledger_person_heads (person_id, last_idx) VALUES (:p, 1)")
            .bind("p", UUID.randomUUID()).execute());
        expectCaught("a person's events are found from index 1, which names somebody else or nobody");
    }

    @Test
    void afterAnErasureNothingLinksABlankToAnyoneAndLaterEventsStartAfresh() {
        UUID person = personAt(0);
        try (Ledger ledger = open()) {
            ledger.forget(person);
            ledger.append(AccessEvent.byCaseworker(Instant.now(), UUID.randomUUID(), "city-shelter", "read", "shelter", person,
                new LinkedHashSet<>(List.of("identity")), Optional.empty()));
        }
        audit();
        long later = EVENTS + 1;
        assertThat(store().forPerson(person)).extracting(StoredEvent::index).containsExactly(later);
        assertThat(store().events(later, 1).get(0).previous()).isEmpty();
        assertThat(store().events(0, EVENTS)).filteredOn(e -> e.opening().isEmpty()).allSatisfy(e -> assertThat(e.previous()).isEmpty());
        assertThat(store().personHeads().orElseThrow()).containsEntry(person, later);
    }

    private UUID personAt(long idx) {
        return db.autonomous(h -> h.createQuery("SELECT person_id FROM ledger_events WHERE idx = " + idx).mapTo(UUID.class).one());
    }

    private void blank(long idx) {
        db.autonomous(h -> h.execute("UPDATE ledger_events SET salt = NULL, id = NULL, at = NULL, actor_user = NULL, organisation_id = NULL, "
            + "role = NULL, action = NULL, purpose = NULL, person_id = NULL, categories = NULL, permitted = NULL, reason = NULL, "
            + "target_id = NULL WHERE idx = " + idx));
    }

    /** What an intruder with write access to the database can do: add a row whose entry matches its own opening. */
    private void appendRow(long idx, AccessEvent event) {
        byte[] salt = EventCommitment.newSalt(eu.haven.core.crypto.Randomness::fill);
        store().append(List.of(new SequencedEvent(idx, event, salt, EventCommitment.entry(salt, event))), List.of());
    }

    private Ledger open() {
        return Ledger.open(store(), signer, mirror, Ledger.Settings.defaults(ORIGIN));
    }

    private JdbcLedgerStore store() {
        return new JdbcLedgerStore(db);
    }

    private void expectCaught(String what) {
        try {
            audit();
            throw new AssertionError("the audit passed: " + what);
        } catch (LedgerIntegrityException detected) {
            assertThat(detected.getMessage()).startsWith("The access ledger failed its integrity check").contains(what);
        }
    }

    private String mutate(Handle h, Random r) {
        int n = EVENTS;
        int pick = r.nextInt(100);
        if (pick < 10) {
            long idx = r.nextInt(n);
            String column = ALWAYS_SET[r.nextInt(ALWAYS_SET.length)];
            h.createUpdate("UPDATE ledger_events SET " + column + " = NULL WHERE idx = :i").bind("i", idx).execute();
            return "null-field:" + column + "@" + idx;
        }
        if (pick < 40) {
            long idx = r.nextInt(n);
            String column = EVENT_COLUMNS[r.nextInt(EVENT_COLUMNS.length)];
            h.createUpdate("UPDATE ledger_events SET " + column + " = " + changed(column, r) + " WHERE idx = :i").bind("i", idx).execute();
            return "change-event:" + column + "@" + idx;
        }
        if (pick < 55) {
            long idx = r.nextInt(n);
            h.createUpdate("DELETE FROM ledger_events WHERE idx = :i").bind("i", idx).execute();
            if (r.nextBoolean()) {
                h.createUpdate("UPDATE ledger_events SET idx = idx - 1 WHERE idx > :i").bind("i", idx).execute();
                return "delete-event:closed-gap@" + idx;
            }
            return "delete-event@" + idx;
        }
        if (pick < 70) {
            long a = r.nextInt(n);
            long b = (a + 1 + r.nextInt(n - 1)) % n;
            h.createUpdate("UPDATE ledger_events SET idx = -1 WHERE idx = :a").bind("a", a).execute();
            h.createUpdate("UPDATE ledger_events SET idx = :a WHERE idx = :b").bind("a", a).bind("b", b).execute();
            h.createUpdate("UPDATE ledger_events SET idx = :b WHERE idx = -1").bind("b", b).execute();
            return "swap-events:" + a + "<->" + b;
        }
        if (pick < 80) {
            long at = r.nextInt(n);
            long copyOf = r.nextInt(n);
            h.createUpdate("UPDATE ledger_events SET idx = -idx - 10 WHERE idx >= :k").bind("k", at).execute();
            h.createUpdate("UPDATE ledger_events SET idx = -idx - 9 WHERE idx < 0").execute();
            h.createUpdate("INSERT INTO ledger_events SELECT :k, entry, salt, id, at, actor_user, organisation_id, role, action, purpose, "
                + "person_id, categories, permitted, reason, target_id, erasure, person_prev FROM snap_events WHERE idx = :c").bind("k", at).bind("c", copyOf).execute();
            return "insert-event:copy-of-" + copyOf + "@" + at;
        }
        if (pick < 87) {
            long idx = r.nextInt(2);
            h.createUpdate("UPDATE ledger_tiles SET hashes = " + flip("hashes", r.nextInt(8192)) + " WHERE tile_level = 0 AND idx = :i")
                .bind("i", idx).execute();
            return "change-tile@" + idx;
        }
        if (pick < 90) {
            h.createUpdate("DELETE FROM ledger_tiles WHERE idx = :i").bind("i", r.nextInt(2)).execute();
            return "delete-tile";
        }
        if (pick < 93) {
            h.createUpdate("INSERT INTO ledger_tiles SELECT tile_level + :l, idx + :d, hashes FROM snap_tiles WHERE idx = 0")
                .bind("l", r.nextInt(2)).bind("d", 2 + r.nextInt(3)).execute();
            return "insert-tile";
        }
        if (pick < 96) {
            h.createUpdate("UPDATE ledger_checkpoints SET note = REPLACE(note, '" + EVENTS + "', '" + (EVENTS - 1 - r.nextInt(10)) + "')").execute();
            return "change-checkpoint";
        }
        if (pick < 98) {
            h.execute("DELETE FROM ledger_checkpoints");
            return "delete-checkpoint";
        }
        h.createUpdate("INSERT INTO ledger_checkpoints (tree_size, note, signed_at) SELECT tree_size + 1, "
            + "REPLACE(note, '" + EVENTS + "', '" + (EVENTS + 1) + "'), signed_at FROM snap_checkpoints").execute();
        return "insert-checkpoint";
    }

    private static String changed(String column, Random r) {
        return switch (column) {
            case "entry", "salt" -> flip(column, r.nextInt(32));
            case "id", "person_id", "actor_user", "target_id" -> "CAST('" + UUID.randomUUID() + "' AS UUID)";
            case "at" -> "DATEADD(MILLISECOND, " + (1 + r.nextInt(5000)) + ", at)";
            case "permitted" -> "NOT permitted";
            case "categories" -> "'identity,health'";
            case "purpose" -> "'legal-aid'";
            case "action" -> "'delete'";
            case "role" -> "'dpo'";
            case "reason" -> "CASE WHEN reason IS NULL THEN 'consent-withdrawn' ELSE NULL END";
            case "organisation_id" -> "'legal-aid'";
            case "erasure" -> "'haven.erasure/v1'";
            default -> throw new IllegalArgumentException(column);
        };
    }

    /** SQL that flips one bit of byte {@code pos} of a binary column. */
    private static String flip(String column, int pos) {
        return "CAST(CONCAT(SUBSTRING(" + column + ", 1, " + pos + "), CAST(X'01' AS VARBINARY) , SUBSTRING(" + column + ", " + (pos + 2) + ")) AS VARBINARY)";
    }

    private long count(String table) {
        return db.autonomous(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
    }

    private void restore() {
        db.autonomous(h -> {
            h.execute("DELETE FROM ledger_events");
            h.execute("INSERT INTO ledger_events SELECT * FROM snap_events");
            h.execute("DELETE FROM ledger_tiles");
            h.execute("INSERT INTO ledger_tiles SELECT * FROM snap_tiles");
            h.execute("DELETE FROM ledger_checkpoints");
            h.execute("INSERT INTO ledger_checkpoints SELECT * FROM snap_checkpoints");
            return null;
        });
    }

}
