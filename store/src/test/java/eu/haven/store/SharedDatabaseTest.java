package eu.haven.store;

import static org.assertj.core.api.Assertions.assertThat;

import eu.haven.core.audit.CheckpointMirror;
import eu.haven.core.audit.Ledger;
import eu.haven.core.audit.LedgerAudit;
import eu.haven.core.audit.LoggedEvent;
import eu.haven.core.consent.CollectionMethod;
import eu.haven.core.consent.Consent;
import eu.haven.core.person.Person;
import eu.haven.core.person.Relationship;
import eu.haven.core.record.CaseRecord;
import eu.haven.core.staff.Organisation;
import eu.haven.core.staff.Role;
import eu.haven.core.staff.StaffUser;
import eu.haven.event.AccessEvent;
import eu.haven.ledger.Checkpoint;
import eu.haven.ledger.Merkle;
import eu.haven.ledger.NoteSigner;
import eu.haven.ledger.NoteVerifier;
import java.security.KeyPair;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Two servers on one PostgreSQL database, as two {@link Database}s on one schema: what one keeps in memory about a
 * person follows what the other writes, their ledgers append to one log without a gap or a fork, and the locks let
 * any number of servers run but a command that needs them stopped run alone.
 */
@EnabledIfEnvironmentVariable(named = "HAVEN_TEST_POSTGRES", matches = "jdbc:postgresql:.+")
class SharedDatabaseTest {
    private static final String ORIGIN = "haven.test/shared";
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private final String schema = "haven_shared_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private Database one;
    private Database two;

    private DatabaseConfig config() {
        return new DatabaseConfig(System.getenv("HAVEN_TEST_POSTGRES"), System.getenv().getOrDefault("HAVEN_TEST_POSTGRES_USER", "postgres"),
            System.getenv().getOrDefault("HAVEN_TEST_POSTGRES_PASSWORD", ""), Optional.of(schema));
    }

    @BeforeEach
    void open() {
        one = Database.open(config());
        two = Database.open(config());
        new JdbcOrganisationRepository(one).save(new Organisation("shelter-a", "Shelter A", "shelter"), now);
        new JdbcOrganisationRepository(one).save(new Organisation("legal-b", "Legal B", "legal-aid"), now);
    }

    @AfterEach
    void drop() {
        two.close();
        one.with(h -> h.execute("DROP SCHEMA " + schema + " CASCADE"));
        one.close();
    }

    private UUID person(Database db) {
        UUID id = UUID.randomUUID();
        new JdbcPersonRepository(db).insert(new Person(id, now, "shelter-a", new byte[] {1}, "$argon2id$x",
            id.toString().replace("-", "") + "0".repeat(32)));
        return id;
    }

    @Test
    void a_change_through_one_server_is_seen_by_the_other_at_its_next_read() {
        UUID p = person(one);
        var factsTwo = new JdbcPersonFactsRepository(two, 100);
        var recordsTwo = new JdbcRecordRepository(two);
        var consentsTwo = new JdbcConsentRepository(two);
        assertThat(factsTwo.find(p).orElseThrow().organisations()).isEmpty();
        assertThat(recordsTwo.forPerson(p)).isEmpty();
        assertThat(consentsTwo.forPerson(p)).isEmpty();

        new JdbcRelationshipRepository(one).insert(new Relationship(p, "shelter-a", "shelter", now));
        assertThat(factsTwo.find(p).orElseThrow().organisations()).containsExactly("shelter-a");
        Consent c = new Consent(UUID.randomUUID(), Consent.SCHEMA_VERSION, p, "shelter-a", "legal-b", List.of("legal-aid"),
            List.of("identity"), List.of("https://w3id.org/dpv/legal/eu/gdpr#A6-1-a"), false, "ar", CollectionMethod.VERBAL, "notice",
            "EU", "P3Y", "EU", "ask", now, Optional.empty(), Optional.empty(), UUID.randomUUID(), Optional.empty(), Optional.empty(),
            Optional.empty());
        new JdbcConsentRepository(one).insert(c);
        assertThat(consentsTwo.forPerson(p)).extracting(Consent::id).containsExactly(c.id());
        assertThat(factsTwo.find(p).orElseThrow().consents()).hasSize(1);
        // The attack the cache must not allow: the consent withdrawn through one server, the data asked for through the other.
        new JdbcConsentRepository(one).withdraw(c.id(), now, Optional.empty());
        assertThat(factsTwo.find(p).orElseThrow().consents().get(0).withdrawnAt()).contains(now);
        assertThat(consentsTwo.forPerson(p).get(0).withdrawnAt()).contains(now);

        CaseRecord rec = new CaseRecord(UUID.randomUUID(), p, "shelter-a", "housing", "shelter", new byte[] {1}, now, UUID.randomUUID());
        new JdbcRecordRepository(one).insert(rec);
        assertThat(recordsTwo.forPerson(p)).extracting(CaseRecord::id).containsExactly(rec.id());
        new JdbcRecordRepository(one).replaceData(rec.id(), new byte[] {2});
        assertThat(recordsTwo.forPerson(p).get(0).sealedData()).containsExactly(2);
        // By hand in SQL, too: the database's triggers raise the version.
        one.with(h -> h.execute("UPDATE records SET data = ? WHERE id = ?", new byte[] {3}, rec.id()));
        assertThat(recordsTwo.forPerson(p).get(0).sealedData()).containsExactly(3);

        new JdbcPersonRepository(one).delete(p);
        assertThat(factsTwo.find(p)).isEmpty();
        assertThat(recordsTwo.forPerson(p)).isEmpty();
        assertThat(consentsTwo.forPerson(p)).isEmpty();
    }

    @Test
    void a_person_served_through_both_servers_in_a_month_is_counted_once() {
        var framework = new eu.haven.core.framework.FrameworkLoader(eu.haven.core.framework.Firewall.bundled()).loadDemo();
        var tally = new eu.haven.core.transparency.ReportTally(framework, eu.haven.core.framework.DpvTaxonomy.bundled(),
            org -> Optional.of("shelter"), java.time.ZoneOffset.UTC);
        JdbcLedgerStore storeOne = new JdbcLedgerStore(one);
        JdbcLedgerStore storeTwo = new JdbcLedgerStore(two);
        storeOne.countWith(tally);
        storeTwo.countWith(tally);
        UUID p = person(one);
        UUID q = person(one);
        storeOne.append(List.of(new eu.haven.core.audit.SequencedEvent(0, about(p), new byte[16], new byte[] {0})), List.of());
        storeTwo.append(List.of(new eu.haven.core.audit.SequencedEvent(1, about(p), new byte[16], new byte[] {1})), List.of());
        storeTwo.append(List.of(new eu.haven.core.audit.SequencedEvent(2, about(q), new byte[16], new byte[] {2})), List.of());
        storeOne.append(List.of(new eu.haven.core.audit.SequencedEvent(3, about(q), new byte[16], new byte[] {3})), List.of());
        String month = java.time.YearMonth.from(Instant.now().atZone(java.time.ZoneOffset.UTC)).toString();
        assertThat(new JdbcReportCountRepository(one).between(month, month))
            .containsEntry(new eu.haven.core.transparency.CountKey(month, "accesses", "shelter", "permitted"), 4L)
            .containsEntry(new eu.haven.core.transparency.CountKey(month, "people-served", "shelter", ""), 2L);
    }

    @Test
    void a_sign_out_through_one_server_ends_the_session_on_the_other() {
        var staff = new JdbcStaffRepository(one);
        StaffUser u = new StaffUser(UUID.randomUUID(), "worker", "shelter-a", Role.CASEWORKER, "$argon2id$h", false, false);
        staff.save(u, now);
        var tokensTwo = new JdbcTokenRepository(two);
        new JdbcTokenRepository(one).save("c".repeat(64), u.id(), now.plusSeconds(600));
        assertThat(tokensTwo.find("c".repeat(64))).isPresent();
        new JdbcTokenRepository(one).delete("c".repeat(64));
        assertThat(tokensTwo.find("c".repeat(64))).isEmpty();
    }

    @Test
    void servers_run_together_and_a_command_that_needs_them_stopped_runs_alone() {
        assertThat(one.joinServers(false)).isTrue();
        assertThat(two.joinServers(false)).as("a second server").isTrue();
        try (Database command = Database.open(config())) {
            assertThat(command.joinServers(true)).as("a key rotation while servers run").isFalse();
        }
        assertThat(one.leadsJobs()).isTrue();
        assertThat(two.leadsJobs()).as("one server runs the jobs").isFalse();
        one.close();
        assertThat(two.leadsJobs()).as("the other takes them over when it stops").isTrue();
        two.close();
        try (Database command = Database.open(config()); Database server = Database.open(config())) {
            assertThat(command.joinServers(true)).as("with every server stopped").isTrue();
            assertThat(server.joinServers(false)).as("a server while the command runs").isFalse();
        }
        one = Database.open(config());
        two = Database.open(config());
    }

    private static final class Mirror implements CheckpointMirror {
        private final AtomicReference<String> note = new AtomicReference<>();

        public Optional<String> read() {
            return Optional.ofNullable(note.get());
        }

        public void write(String n) {
            note.set(n);
        }
    }

    private static AccessEvent about(UUID person) {
        return AccessEvent.byCaseworker(Instant.now(), UUID.randomUUID(), "shelter-a", "read", "shelter", person,
            new LinkedHashSet<>(List.of("identity")), Optional.empty());
    }

    @Test
    void two_ledgers_append_to_one_log_without_a_gap_or_a_fork() throws Exception {
        KeyPair kp = NoteSigner.generate();
        NoteSigner signer = new NoteSigner(ORIGIN, kp.getPrivate(), NoteSigner.rawPublic(kp.getPublic()));
        Ledger.Settings settings = Ledger.Settings.defaults(ORIGIN).withCheckpointInterval(java.time.Duration.ofMillis(100));
        Mirror mirrorOne = new Mirror();
        Mirror mirrorTwo = new Mirror();
        UUID person = UUID.randomUUID();
        Set<Long> indices = ConcurrentHashMap.newKeySet();
        Set<String> checkpoints = ConcurrentHashMap.newKeySet();
        int perThread = 150;
        try (Ledger a = Ledger.open(new JdbcLedgerStore(one), signer, mirrorOne, settings);
             Ledger b = Ledger.open(new JdbcLedgerStore(two), signer, mirrorTwo, settings)) {
            // A person reads their timeline through the first server; then the second records an access about them.
            a.append(about(person));
            assertThat(a.historyPage(person, Long.MAX_VALUE, 10).events()).hasSize(1);
            long second = b.append(about(person));
            assertThat(a.historyPage(person, Long.MAX_VALUE, 10).events()).extracting(LoggedEvent::index).first().isEqualTo(second);

            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                Ledger ledger = t % 2 == 0 ? a : b;
                threads.add(Thread.ofPlatform().start(() -> {
                    for (int i = 0; i < perThread; i++) {
                        indices.add(ledger.append(about(i % 10 == 0 ? person : UUID.randomUUID())));
                        if (i % 25 == 0) {
                            checkpoints.add(ledger.signedCheckpoint());
                        }
                    }
                }));
            }
            for (Thread t : threads) {
                t.join();
            }
            long total = 2 + 6L * perThread;
            assertThat(indices).hasSize(6 * perThread).allSatisfy(i -> assertThat(i).isBetween(2L, total - 1));
            assertThat(new JdbcLedgerStore(one).extent()).isEqualTo(new eu.haven.core.audit.LedgerStore.Extent(total, total));
            // Each follows the other: both trees reach the whole log and sign the same checkpoint.
            long deadline = System.nanoTime() + 10_000_000_000L;
            while ((a.checkpointHead().size() != total || b.checkpointHead().size() != total) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(a.checkpointHead().size()).isEqualTo(total);
            assertThat(b.signedCheckpoint()).isEqualTo(a.signedCheckpoint());
            List<LoggedEvent> whole = b.history(person).events();
            assertThat(whole).hasSize(2 + 6 * perThread / 10);
            List<Long> newest = new ArrayList<>(whole.subList(whole.size() - 20, whole.size()).stream().map(LoggedEvent::index).toList());
            java.util.Collections.reverse(newest);
            assertThat(a.historyPage(person, Long.MAX_VALUE, 20).events()).extracting(LoggedEvent::index).containsExactlyElementsOf(newest);
            assertThat(b.historyPage(person, Long.MAX_VALUE, 20).events()).extracting(LoggedEvent::index).containsExactlyElementsOf(newest);
            Checkpoint head = a.checkpointHead();
            NoteVerifier key = NoteVerifier.fromVkey(signer.vkey());
            for (String note : checkpoints) {
                Checkpoint seen = Checkpoint.open(note, key);
                if (seen.size() > 0 && seen.size() < head.size()) {
                    Merkle.verifyConsistency(seen.size(), head.size(), a.consistencyProof(seen.size()), seen.root(), head.root());
                }
            }
            assertThat(a.auditNow().passed()).isTrue();
            assertThat(b.auditNow().passed()).isTrue();
        }
        new LedgerAudit(new JdbcLedgerStore(one), NoteVerifier.fromVkey(signer.vkey()), mirrorOne).run();
        new LedgerAudit(new JdbcLedgerStore(one), NoteVerifier.fromVkey(signer.vkey()), mirrorTwo).run();
    }
}
