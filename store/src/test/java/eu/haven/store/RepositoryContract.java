package eu.haven.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.haven.core.caseload.CaseloadRepository;
import eu.haven.core.consent.CollectionMethod;
import eu.haven.core.consent.Consent;
import eu.haven.core.correction.Correction;
import eu.haven.core.erasure.ErasureRequest;
import eu.haven.core.person.Person;
import eu.haven.core.person.Relationship;
import eu.haven.core.policy.ReferralFacts.Status;
import eu.haven.core.record.CaseRecord;
import eu.haven.core.record.RecordRepository;
import eu.haven.core.referral.Referral;
import eu.haven.core.staff.Organisation;
import eu.haven.core.staff.Role;
import eu.haven.core.staff.StaffUser;
import eu.haven.event.AccessEvent;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The repository suite; it runs on H2 and, when configured, on PostgreSQL. */
abstract class RepositoryContract {
    protected Database db;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    protected abstract DatabaseConfig config();

    @BeforeEach
    void open() {
        db = Database.open(config());
        new JdbcOrganisationRepository(db).save(new Organisation("shelter-a", "Shelter A", "shelter"), Instant.now());
        new JdbcOrganisationRepository(db).save(new Organisation("legal-b", "Legal B", "legal-aid"), Instant.now());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private UUID person() {
        UUID id = UUID.randomUUID();
        new JdbcPersonRepository(db).insert(new Person(id, now, "shelter-a", new byte[] {1, 2, 3}, "$argon2id$x", "ab".repeat(32).substring(0, 64 - 8) + id.toString().substring(0, 8)));
        return id;
    }

    @Test
    void organisations_and_staff_round_trip() {
        var orgs = new JdbcOrganisationRepository(db);
        assertThat(orgs.find("shelter-a")).contains(new Organisation("shelter-a", "Shelter A", "shelter"));
        assertThat(orgs.find("nope")).isEmpty();
        var staff = new JdbcStaffRepository(db);
        StaffUser u = new StaffUser(UUID.randomUUID(), "worker", "shelter-a", Role.CASEWORKER, "$argon2id$h", false, false);
        staff.save(u, Instant.now());
        assertThat(staff.findByUsername("worker")).contains(u);
        assertThat(staff.find(u.id())).contains(u);
        var tokens = new JdbcTokenRepository(db);
        tokens.save("f".repeat(64), u.id(), now.plusSeconds(60));
        assertThat(tokens.find("f".repeat(64))).get().extracting(t -> t.userId()).isEqualTo(u.id());
        tokens.deleteExpired(now.plusSeconds(61));
        assertThat(tokens.find("f".repeat(64))).isEmpty();
        tokens.save("a".repeat(64), u.id(), now.plusSeconds(60));
        tokens.save("b".repeat(64), u.id(), now.plusSeconds(60));
        tokens.delete("a".repeat(64));
        assertThat(tokens.find("a".repeat(64))).isEmpty();
        assertThat(tokens.find("b".repeat(64))).isPresent();
        tokens.deleteForUser(u.id());
        assertThat(tokens.find("b".repeat(64))).isEmpty();

        staff.setPasswordHash(u.id(), "$argon2id$new");
        staff.setDisabled(u.id(), true);
        assertThat(staff.find(u.id())).get().satisfies(x -> {
            assertThat(x.passwordHash()).isEqualTo("$argon2id$new");
            assertThat(x.status()).isEqualTo("disabled");
        });
        staff.markDeleted(u.id(), now);
        staff.setPasswordHash(u.id(), "$argon2id$again");
        assertThat(staff.findByUsername("worker")).get().satisfies(x -> {
            assertThat(x.status()).isEqualTo("deleted");
            assertThat(x.active()).isFalse();
            assertThat(x.passwordHash()).isEqualTo("!");
        });
    }

    @Test
    void persons_relationships_and_records_round_trip() {
        UUID p = person();
        var persons = new JdbcPersonRepository(db);
        assertThat(persons.exists(p)).isTrue();
        assertThat(persons.exists(UUID.randomUUID())).isFalse();
        assertThat(persons.find(p).orElseThrow().sealedProfile()).containsExactly(1, 2, 3);
        var rel = new JdbcRelationshipRepository(db);
        rel.insert(new Relationship(p, "shelter-a", "shelter", now));
        assertThat(rel.exists("shelter-a", p)).isTrue();
        assertThat(rel.exists("legal-b", p)).isFalse();
        assertThat(rel.ofOrganisation("shelter-a", 10)).extracting(Relationship::personId).containsExactly(p);
        var records = new JdbcRecordRepository(db);
        CaseRecord r = new CaseRecord(UUID.randomUUID(), p, "shelter-a", "housing", "shelter", new byte[] {9, 8}, now, UUID.randomUUID());
        records.insert(r);
        CaseRecord back = records.forPerson(p).get(0);
        assertThat(back.id()).isEqualTo(r.id());
        assertThat(back.sealedData()).containsExactly(9, 8);
        assertThat(back.createdAt()).isEqualTo(now);
    }

    @Test
    void the_caseload_pages_and_filters_by_name_hashes_and_counts_what_matches() {
        var rel = new JdbcRelationshipRepository(db);
        var caseload = new JdbcCaseloadRepository(db);
        List<UUID> people = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            UUID p = person();
            people.add(p);
            rel.insert(new Relationship(p, "shelter-a", "shelter", now.plusSeconds(i)));
            caseload.index("shelter-a", p, i % 2 == 0 ? java.util.Set.of("h-amina", "h-a") : java.util.Set.of("h-olena", "h-o"));
        }
        var all = caseload.page("shelter-a", "shelter", "identity", List.of(), now, 0, 3);
        assertThat(all.total()).isEqualTo(7);
        assertThat(all.rows()).extracting(CaseloadRepository.Row::personId).containsExactly(people.get(6), people.get(5), people.get(4));
        var aminas = caseload.page("shelter-a", "shelter", "identity", List.of("h-amina", "h-a"), now, 2, 10);
        assertThat(aminas.total()).isEqualTo(4);
        assertThat(aminas.rows()).extracting(CaseloadRepository.Row::personId).containsExactly(people.get(2), people.get(0));
        var past = caseload.page("shelter-a", "shelter", "identity", List.of("h-amina"), now, 10, 10);
        assertThat(past.rows()).isEmpty();
        assertThat(past.total()).isEqualTo(4);
        assertThat(caseload.page("shelter-a", "shelter", "identity", List.of("h-amina", "h-olena"), now, 0, 10).total()).isZero();
        assertThat(caseload.page("legal-b", "legal-aid", "identity", List.of(), now, 0, 10).total()).isZero();
        assertThat(caseload.unindexed("shelter-a", 10)).isEmpty();
    }

    @Test
    void consents_withdraw_once_and_referrals_are_decided_once() {
        UUID p = person();
        var consents = new JdbcConsentRepository(db);
        Consent c = new Consent(UUID.randomUUID(), Consent.SCHEMA_VERSION, p, "shelter-a", "legal-b", List.of("legal-aid"),
            List.of("identity", "housing"), List.of("https://w3id.org/dpv/legal/eu/gdpr#A6-1-a"), false, "ar",
            CollectionMethod.VERBAL, "notice", "EU", "P3Y", "EU", "ask", now, Optional.of(now.plusSeconds(3600)),
            Optional.empty(), UUID.randomUUID(), Optional.empty(), Optional.empty(), Optional.empty());
        consents.insert(c);
        assertThat(consents.find(c.id())).contains(c);
        assertThat(consents.withdraw(c.id(), now, Optional.of("legal-b"))).isTrue();
        assertThat(consents.withdraw(c.id(), now.plusSeconds(5), Optional.empty())).isFalse();
        assertThat(consents.forPerson(p).get(0).withdrawnAt()).contains(now);
        assertThat(consents.forPerson(p).get(0).withdrawnBy()).contains("legal-b");

        var referrals = new JdbcReferralRepository(db);
        Referral r = new Referral(UUID.randomUUID(), p, "shelter-a", "legal-b", "legal-aid", List.of("identity"), c.id(),
            Status.PENDING, now, UUID.randomUUID(), Optional.empty(), Optional.empty());
        referrals.insert(r);
        assertThat(referrals.pendingTo("legal-b")).extracting(Referral::id).containsExactly(r.id());
        assertThat(referrals.decide(r.id(), Status.ACCEPTED, now, UUID.randomUUID(), Optional.empty())).isTrue();
        assertThat(referrals.decide(r.id(), Status.DECLINED, now, UUID.randomUUID(), Optional.of(new byte[] {7}))).isFalse();
        assertThat(referrals.sealedDeclineReasons(p)).isEmpty();
        assertThat(referrals.find(r.id()).orElseThrow().status()).isEqualTo(Status.ACCEPTED);
        assertThat(referrals.forPerson(p)).hasSize(1);
    }

    @Test
    void sessions_corrections_and_erasure_requests_round_trip() {
        UUID p = person();
        var sessions = new JdbcPersonSessionRepository(db);
        sessions.save("a".repeat(64), p, now.plusSeconds(60));
        sessions.save("b".repeat(64), p, now.minusSeconds(1));
        assertThat(sessions.find("a".repeat(64))).contains(new eu.haven.core.person.PersonSessionRepository.Session(p, now.plusSeconds(60)));
        sessions.deleteExpired(now);
        assertThat(sessions.find("b".repeat(64))).isEmpty();
        sessions.deleteForPerson(p);
        assertThat(sessions.find("a".repeat(64))).isEmpty();

        var corrections = new JdbcCorrectionRepository(db);
        Correction c = new Correction(UUID.randomUUID(), p, "shelter-a", Optional.empty(), new byte[] {9}, Correction.Status.OPEN,
            Optional.empty(), now, Optional.empty(), Optional.empty());
        corrections.insert(c);
        assertThat(corrections.openFor("shelter-a")).extracting(Correction::id).containsExactly(c.id());
        assertThat(corrections.openFor("legal-b")).isEmpty();
        UUID by = UUID.randomUUID();
        assertThat(corrections.answer(c.id(), Correction.Status.ANSWERED, new byte[] {7}, now, by)).isTrue();
        assertThat(corrections.answer(c.id(), Correction.Status.CORRECTED, new byte[] {8}, now, by)).isFalse();
        Correction answered = corrections.find(c.id()).orElseThrow();
        assertThat(answered.status()).isEqualTo(Correction.Status.ANSWERED);
        assertThat(answered.sealedAnswer().orElseThrow()).containsExactly(7);
        assertThat(answered.answeredBy()).contains(by);
        assertThat(corrections.openFor("shelter-a")).isEmpty();

        var erasures = new JdbcErasureRepository(db);
        ErasureRequest e = new ErasureRequest(p, "shelter-a", "kept ten years", ErasureRequest.Status.PENDING, Optional.empty(), now,
            Optional.empty());
        erasures.insertIfAbsent(e);
        erasures.insertIfAbsent(new ErasureRequest(p, "shelter-a", "other", ErasureRequest.Status.PENDING, Optional.empty(), now,
            Optional.empty()));
        assertThat(erasures.forPerson(p)).extracting(ErasureRequest::reason).containsExactly("kept ten years");
        assertThat(erasures.pendingFor("shelter-a")).hasSize(1);
        assertThat(erasures.decline(p, "shelter-a", new byte[] {5}, now)).isTrue();
        assertThat(erasures.decline(p, "shelter-a", new byte[] {6}, now)).isFalse();
        assertThat(erasures.pendingFor("shelter-a")).isEmpty();
        assertThat(erasures.find(p, "shelter-a").orElseThrow().status()).isEqualTo(ErasureRequest.Status.DECLINED);
        assertThat(erasures.delete(p, "shelter-a")).isTrue();
        assertThat(erasures.forPerson(p)).isEmpty();
    }

    @Test
    void deleting_a_person_removes_every_row_about_them() {
        UUID p = person();
        UUID other = person();
        var persons = new JdbcPersonRepository(db);
        var records = new JdbcRecordRepository(db);
        new JdbcRelationshipRepository(db).insert(new Relationship(p, "shelter-a", "shelter", now));
        new JdbcRelationshipRepository(db).insert(new Relationship(p, "legal-b", "legal-aid", now));
        CaseRecord old = new CaseRecord(UUID.randomUUID(), p, "shelter-a", "housing", "shelter", new byte[] {1}, now.minusSeconds(100), UUID.randomUUID());
        CaseRecord fresh = new CaseRecord(UUID.randomUUID(), p, "legal-b", "legal", "legal-aid", new byte[] {2}, now, UUID.randomUUID());
        records.insert(old);
        records.insert(fresh);
        records.insert(new CaseRecord(UUID.randomUUID(), other, "shelter-a", "housing", "shelter", new byte[] {3}, now, UUID.randomUUID()));
        assertThat(records.createdBefore("shelter", now.minusSeconds(10), 10)).extracting(RecordRepository.Expired::id)
            .containsExactly(old.id());
        assertThat(records.createdBefore("shelter", now.plusSeconds(10), 1)).hasSize(1);
        assertThat(records.replaceData(fresh.id(), new byte[] {4})).isTrue();
        assertThat(records.find(fresh.id()).orElseThrow().sealedData()).containsExactly(4);
        assertThat(records.deleteHeldBy(p, "legal-b")).isEqualTo(1);
        assertThat(new JdbcRelationshipRepository(db).exists("legal-b", p)).isFalse();
        assertThat(new JdbcRelationshipRepository(db).exists("shelter-a", p)).isTrue();
        assertThat(persons.withoutRecords(10)).doesNotContain(p, other);
        assertThat(records.delete(old.id())).isTrue();
        assertThat(persons.withoutRecords(10)).contains(p).doesNotContain(other);

        var consents = new JdbcConsentRepository(db);
        Consent c = new Consent(UUID.randomUUID(), Consent.SCHEMA_VERSION, p, "shelter-a", "legal-b", List.of("legal-aid"),
            List.of("identity"), List.of("x"), false, "ar", CollectionMethod.GUARDIAN, "n", "EU", "P3Y", "EU", "ask", now,
            Optional.empty(), Optional.empty(), UUID.randomUUID(), Optional.empty(), Optional.empty(), Optional.empty());
        consents.insert(c);
        new JdbcReferralRepository(db).insert(new Referral(UUID.randomUUID(), p, "shelter-a", "legal-b", "legal-aid",
            List.of("identity"), c.id(), Status.PENDING, now, UUID.randomUUID(), Optional.empty(), Optional.empty()));
        new JdbcPersonSessionRepository(db).save("c".repeat(64), p, now.plusSeconds(60));
        new JdbcCorrectionRepository(db).insert(new Correction(UUID.randomUUID(), p, "shelter-a", Optional.empty(), new byte[] {1},
            Correction.Status.OPEN, Optional.empty(), now, Optional.empty(), Optional.empty()));
        new JdbcErasureRepository(db).insertIfAbsent(new ErasureRequest(p, "shelter-a", "r", ErasureRequest.Status.PENDING,
            Optional.empty(), now, Optional.empty()));
        assertThat(persons.codeState(p)).get().satisfies(s -> assertThat(s.activatedAt()).isEmpty());
        assertThat(persons.activate(p, "$argon2id$secret", now)).isTrue();
        assertThat(persons.activate(p, "$argon2id$other", now)).as("a code is activated once").isFalse();
        assertThat(persons.secretFailed(p)).isEqualTo(1);
        assertThat(persons.secretFailed(p)).isEqualTo(2);
        assertThat(persons.codeState(p)).get().satisfies(s -> {
            assertThat(s.activatedAt()).isPresent();
            assertThat(s.secretHash()).contains("$argon2id$secret");
            assertThat(s.secretFailures()).isEqualTo(2);
        });
        persons.secretSucceeded(p);
        assertThat(persons.codeState(p).orElseThrow().secretFailures()).isZero();
        assertThat(persons.replaceAccessCode(p, "$argon2id$new", "c".repeat(64), now.plusSeconds(5))).isTrue();
        assertThat(persons.findByCodeLookup("c".repeat(64))).get().extracting(Person::id).isEqualTo(p);
        assertThat(persons.codeState(p)).get().satisfies(s -> {
            assertThat(s.activatedAt()).as("a new code starts unactivated").isEmpty();
            assertThat(s.secretHash()).isEmpty();
            assertThat(s.issuedAt()).isEqualTo(now.plusSeconds(5));
        });
        var codeRequests = new JdbcCodeRequestRepository(db);
        UUID req = UUID.randomUUID();
        codeRequests.insert(new eu.haven.core.code.CodeRequest(req, p, "shelter-a", UUID.randomUUID(), now,
            eu.haven.core.code.CodeRequest.Status.PENDING, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
        assertThat(codeRequests.issue(req, now)).as("not approved yet").isFalse();
        assertThat(codeRequests.approve(req, UUID.randomUUID(), "legal-b", now)).isTrue();
        assertThat(codeRequests.approve(req, UUID.randomUUID(), "legal-b", now)).isFalse();
        assertThat(codeRequests.pending(10)).isEmpty();
        assertThat(codeRequests.issue(req, now)).isTrue();
        assertThat(codeRequests.forPerson(p)).singleElement().satisfies(r -> {
            assertThat(r.approverOrganisation()).contains("legal-b");
            assertThat(r.issuedAt()).contains(now);
        });
        var alerts = new JdbcAlertRepository(db);
        UUID alert = UUID.randomUUID();
        alerts.insert(new eu.haven.core.alert.Alert(alert, eu.haven.core.alert.Alert.Kind.SECRET_LOCKED, Optional.of("shelter-a"),
            Optional.empty(), now, Optional.empty()));
        assertThat(alerts.open(10)).extracting(eu.haven.core.alert.Alert::id).contains(alert);
        assertThat(alerts.acknowledge(alert, UUID.randomUUID(), now, "checked")).isTrue();
        assertThat(alerts.acknowledge(alert, UUID.randomUUID(), now, "checked")).isFalse();
        assertThat(alerts.open(10)).extracting(eu.haven.core.alert.Alert::id).doesNotContain(alert);

        assertThat(persons.delete(p)).isTrue();
        assertThat(persons.delete(p)).isFalse();
        for (String table : List.of("records", "relationships", "consents", "referrals", "person_sessions", "corrections",
            "erasure_requests", "access_code_requests")) {
            long n = db.with(h -> h.createQuery("SELECT COUNT(*) FROM " + table + " WHERE person_id = :p").bind("p", p)
                .mapTo(Long.class).one());
            assertThat(n).as(table).isZero();
        }
        assertThat(persons.exists(other)).isTrue();
        assertThat(records.forPerson(other)).hasSize(1);
    }

    @Test
    void the_ledger_store_keeps_events_entries_tiles_and_checkpoints() {
        UUID p = person();
        var store = new JdbcLedgerStore(db);
        long start = store.extent().end();
        List<eu.haven.core.audit.SequencedEvent> events = new java.util.ArrayList<>();
        List<byte[]> leaves = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            AccessEvent e = event(p, i % 3 != 0, i % 3 == 0 ? Optional.of("firewall") : Optional.empty());
            if (i % 5 == 0) { // an event by the system or the person: no actor, organisation or role; with a target
                e = new AccessEvent(e.id(), e.at(), Optional.empty(), Optional.empty(), Optional.empty(), e.action(), e.purpose(),
                    e.personId(), e.categories(), e.permitted(), e.reason(), Optional.of(UUID.randomUUID()));
            }
            if (i == 7) { // an erasure record's note: several lines, a signature line with a non-ASCII dash, kept to the byte
                e = new AccessEvent(e.id(), e.at(), e.actorUser(), e.organisation(), e.role(), e.action(), e.purpose(), e.personId(),
                    e.categories(), e.permitted(), e.reason(), e.target(), Optional.of("haven.erasure/v1\nblanks 1-" + "9".repeat(40000) + "\n\n\u2014 key c2ln\n"));
            }
            byte[] salt = eu.haven.event.EventCommitment.newSalt(eu.haven.core.crypto.Randomness::fill);
            byte[] entry = eu.haven.event.EventCommitment.entry(salt, e);
            events.add(new eu.haven.core.audit.SequencedEvent(start + i, e, salt, entry));
            leaves.add(eu.haven.ledger.Hashes.leaf(entry));
        }
        var appended = eu.haven.ledger.TreeEdge.empty().append(leaves);
        store.append(events.subList(0, 100), List.of());
        store.append(events.subList(100, 300), appended.completedTiles());
        assertThat(store.extent()).isEqualTo(new eu.haven.core.audit.LedgerStore.Extent(start + 300, start + 300));
        assertThat(store.entries(start + 10, 5)).containsExactlyElementsOf(events.subList(10, 15).stream().map(e -> e.entry()).toList());
        var read = store.events(start + 299, 1).get(0).opening().orElseThrow();
        assertThat(read.salt()).isEqualTo(events.get(299).salt());
        assertThat(eu.haven.event.EventCommitment.entry(read.salt(), read.event())).isEqualTo(read.entry());
        assertThat(store.events(start, 300)).allSatisfy(stored -> {
            var opened = stored.opening().orElseThrow();
            assertThat(eu.haven.event.EventCommitment.entry(opened.salt(), opened.event())).isEqualTo(stored.entry());
        });
        assertThat(store.events(start + 7, 1).get(0).opening().orElseThrow().event().erasure()).isEqualTo(events.get(7).event().erasure());
        assertThat(eu.haven.event.EventCommitment.canonical(store.events(start + 5, 1).get(0).opening().orElseThrow().event()))
            .isEqualTo(eu.haven.event.EventCommitment.canonical(events.get(5).event()));
        var mine = store.forPerson(p);
        assertThat(mine).hasSize(300);
        assertThat(mine.get(3).index()).isEqualTo(start + 3);
        assertThat(mine.get(3).opening().orElseThrow().event().reason()).contains("firewall");
        assertThat(mine.get(4).opening().orElseThrow().event().categories()).containsExactly("identity", "housing");
        assertThat(store.indicesNaming(p)).hasSize(300).startsWith(start, start + 1).endsWith(start + 299);
        assertThat(store.fullTile(0, 0)).hasValueSatisfying(t -> assertThat(t).isEqualTo(appended.completedTiles().get(0).hashes()));
        assertThat(store.tileCounts()).startsWith(1L);
        assertThatThrownBy(() -> store.append(List.of(events.get(5)), List.of())).isInstanceOf(RuntimeException.class);
        assertThat(store.extent().count()).isEqualTo(start + 300);
        store.saveCheckpoint(start + 100, "note 100\n", Instant.now());
        store.saveCheckpoint(start + 300, "note 300\n", Instant.now());
        assertThat(store.latestCheckpoint()).contains("note 300\n");

        assertThat(store.eraseOpenings(p, start + 149)).isEqualTo(150);
        assertThat(store.indicesNaming(p)).hasSize(150).startsWith(start + 150);
        assertThat(store.eraseOpenings(p, start + 299)).isEqualTo(150);
        assertThat(store.forPerson(p)).isEmpty();
        assertThat(store.events(start, 300)).allSatisfy(e -> assertThat(e.opening()).isEmpty());
        assertThat(store.entries(start, 300)).containsExactlyElementsOf(events.stream().map(e -> e.entry()).toList());
    }

    @Test
    void what_is_kept_in_memory_never_outlives_a_write() {
        UUID p = person();
        var facts = new JdbcPersonFactsRepository(db, 100);
        var records = new JdbcRecordRepository(db);
        assertThat(facts.find(p).orElseThrow().consents()).isEmpty();
        assertThat(records.forPerson(p)).isEmpty();
        assertThat(facts.find(UUID.randomUUID())).isEmpty();

        new JdbcRelationshipRepository(db).insert(new Relationship(p, "shelter-a", "shelter", now));
        assertThat(facts.find(p).orElseThrow().organisations()).containsExactly("shelter-a");
        var consents = new JdbcConsentRepository(db);
        Consent c = new Consent(UUID.randomUUID(), Consent.SCHEMA_VERSION, p, "shelter-a", "legal-b", List.of("legal-aid"),
            List.of("identity"), List.of("https://w3id.org/dpv/legal/eu/gdpr#A6-1-a"), false, "ar",
            CollectionMethod.VERBAL, "notice", "EU", "P3Y", "EU", "ask", now, Optional.empty(), Optional.empty(), UUID.randomUUID(), Optional.empty(), Optional.empty(), Optional.empty());
        consents.insert(c);
        assertThat(facts.find(p).orElseThrow().consents()).extracting(eu.haven.core.access.ConsentTerms::id).containsExactly(c.id());
        consents.withdraw(c.id(), now, Optional.empty());
        assertThat(facts.find(p).orElseThrow().consents().get(0).withdrawnAt()).contains(now);
        var referrals = new JdbcReferralRepository(db);
        Referral r = new Referral(UUID.randomUUID(), p, "shelter-a", "legal-b", "legal-aid", List.of("identity"), c.id(),
            Status.PENDING, now, UUID.randomUUID(), Optional.empty(), Optional.empty());
        referrals.insert(r);
        assertThat(facts.find(p).orElseThrow().referrals()).extracting(eu.haven.core.policy.ReferralFacts::status).containsExactly(Status.PENDING);
        referrals.decide(r.id(), Status.DECLINED, now, UUID.randomUUID(), Optional.empty());
        assertThat(facts.find(p).orElseThrow().referrals()).extracting(eu.haven.core.policy.ReferralFacts::status).containsExactly(Status.DECLINED);

        CaseRecord rec = new CaseRecord(UUID.randomUUID(), p, "shelter-a", "housing", "shelter", new byte[] {1}, now, UUID.randomUUID());
        records.insert(rec);
        assertThat(records.forPerson(p)).extracting(CaseRecord::id).containsExactly(rec.id());
        records.replaceData(rec.id(), new byte[] {2});
        assertThat(records.forPerson(p).get(0).sealedData()).containsExactly(2);
        records.delete(rec.id());
        assertThat(records.forPerson(p)).isEmpty();
        records.insert(rec);
        assertThat(records.forPerson(p)).hasSize(1);
        records.deleteHeldBy(p, "shelter-a");
        assertThat(records.forPerson(p)).isEmpty();
        assertThat(facts.find(p).orElseThrow().organisations()).isEmpty();

        // A transaction's own writes are not seen by others before it commits, and gone if it rolls back.
        try {
            db.run(() -> {
                new JdbcRelationshipRepository(db).insert(new Relationship(p, "legal-b", "legal-aid", now));
                assertThat(facts.find(p).orElseThrow().organisations()).containsExactly("legal-b");
                throw new IllegalStateException("roll back");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }
        assertThat(facts.find(p).orElseThrow().organisations()).isEmpty();

        new JdbcPersonRepository(db).delete(p);
        assertThat(facts.find(p)).isEmpty();
    }

    @Test
    void a_value_read_while_the_person_changed_is_not_kept() {
        UUID p = person();
        var cache = new PersonCache<String>(db, 10, v -> 1);
        assertThat(cache.get(p, () -> {
            db.personChanged(p); // a write commits while the value is being read
            return Optional.of("stale");
        })).contains("stale");
        assertThat(cache.get(p, () -> Optional.of("fresh"))).contains("fresh");
        assertThat(cache.get(p, () -> Optional.of("not asked"))).contains("fresh");
        db.personChanged(p);
        assertThat(cache.get(p, () -> Optional.of("newer"))).contains("newer");
    }

    @Test
    void the_cache_keeps_within_its_capacity() {
        var cache = new PersonCache<String>(db, 10, String::length);
        for (int i = 0; i < 100; i++) {
            cache.get(person(), () -> Optional.of("abc"));
        }
        assertThat(cache.weight()).isLessThanOrEqualTo(10);
        assertThat(cache.size()).isBetween(1, 3);
        assertThat(cache.get(person(), () -> Optional.of("x".repeat(11)))).contains("x".repeat(11));
        assertThat(cache.weight()).isLessThanOrEqualTo(10);
    }

    @Test
    void a_transaction_rolls_back_as_a_whole() {
        UUID p = UUID.randomUUID();
        var persons = new JdbcPersonRepository(db);
        try {
            db.run(() -> {
                persons.insert(new Person(p, now, "shelter-a", new byte[] {1}, "h", "c".repeat(64)));
                throw new IllegalStateException("boom");
            });
        } catch (IllegalStateException expected) {
            // the insert must be gone
        }
        assertThat(persons.exists(p)).isFalse();
    }

    @Test
    void the_directory_round_trips_whole_and_an_edit_keeps_its_history() {
        var repo = new JdbcDirectoryRepository(db);
        var demo = new eu.haven.navigator.hsds.JsonImport().readBundled("/navigator/demo").directory();
        var m = new eu.haven.navigator.directory.Metadata(UUID.randomUUID().toString(), demo.services().get(0).id(), "service",
            now.toString(), "import", "", "", "", "admin");
        repo.replaceAll(demo, List.of(m));
        var back = repo.load();
        assertThat(back.services()).isEqualTo(demo.services());
        assertThat(back.questions()).isEqualTo(demo.questions());
        assertThat(back.locations()).isEqualTo(demo.locations());
        var first = demo.services().get(0);
        var edited = first.withLastModified(now.plusSeconds(1).toString());
        var edit = new eu.haven.navigator.directory.Metadata(UUID.randomUUID().toString(), first.id(), "service",
            now.plusSeconds(1).toString(), "update", "last_modified", "a", "b", "editor-1");
        repo.put(eu.haven.navigator.directory.ResourceType.SERVICE, first.id(), edited, List.of(edit));
        assertThat(repo.load().service(first.id())).contains(edited);
        assertThat(repo.history(first.id())).extracting(eu.haven.navigator.directory.Metadata::lastActionType)
            .containsExactly("update", "import");
        repo.replaceAll(eu.haven.navigator.directory.Directory.empty(), List.of());
        assertThat(repo.load().services()).isEmpty();
    }

    @Test
    void the_register_of_authority_requests_keeps_its_people_apart_and_loses_them_with_their_erasure() {
        var repo = new JdbcAuthorityRequestRepository(db);
        var r = new eu.haven.core.authority.AuthorityRequest(UUID.randomUUID(), now, UUID.randomUUID(), "shelter-a", "Court",
            eu.haven.core.authority.BodyType.COURT, "4 F 1/26", "shelter", Optional.empty(), java.util.Set.of("identity", "housing"), "de",
            eu.haven.core.authority.AuthorityRequest.Status.WAITING, Optional.empty(), Optional.empty(), Optional.empty(), java.util.Set.of(),
            Optional.empty(), Optional.empty());
        repo.insert(r);
        assertThat(repo.find(r.id())).contains(r);
        UUID p = person();
        assertThat(repo.addPerson(r.id(), p, now)).isTrue();
        assertThat(repo.addPerson(r.id(), p, now)).as("once").isFalse();
        assertThat(repo.persons(r.id())).containsExactly(p);
        java.time.LocalDate today = java.time.LocalDate.of(2026, 11, 1);
        assertThat(repo.hiddenFrom(p, today)).isEmpty();
        repo.postpone(r.id(), today.plusDays(5), "3 Gs 1/26");
        assertThat(repo.hiddenFrom(p, today)).containsExactly(r.id());
        assertThat(repo.hiddenFrom(p, today.plusDays(5))).as("shown from the date").isEmpty();
        var decided = new eu.haven.core.authority.AuthorityRequest(r.id(), r.receivedAt(), r.registeredBy(), r.organisation(), r.body(),
            r.bodyType(), r.legalReference(), r.purpose(), r.firewallRoot(), r.categories(), r.letterLanguage(),
            eu.haven.core.authority.AuthorityRequest.Status.GRANTED, Optional.of(now), Optional.of(UUID.randomUUID()), Optional.of("why"),
            java.util.Set.of("identity"), Optional.of(today.plusDays(5)), Optional.of("3 Gs 1/26"));
        repo.decide(decided);
        assertThat(repo.find(r.id())).contains(decided);
        assertThat(repo.received(now, now.plusSeconds(1))).containsExactly(decided);
        assertThat(repo.received(now.plusSeconds(1), now.plusSeconds(2))).isEmpty();
        assertThat(new JdbcPersonRepository(db).delete(p)).isTrue();
        assertThat(repo.persons(r.id())).as("the person leaves the register with their erasure").isEmpty();
        assertThat(repo.find(r.id())).as("the request stays, naming nobody").isPresent();
    }

    @Test
    void the_report_counts_are_kept_with_each_batch_and_each_person_served_counts_once_a_month() {
        var framework = new eu.haven.core.framework.FrameworkLoader(eu.haven.core.framework.Firewall.bundled()).loadDemo();
        var tally = new eu.haven.core.transparency.ReportTally(framework, eu.haven.core.framework.DpvTaxonomy.bundled(),
            org -> Optional.of(org.equals("shelter-a") ? "shelter" : "legal-aid"), java.time.ZoneOffset.UTC);
        var store = new JdbcLedgerStore(db);
        assertThat(store.countWith(tally)).isZero();
        UUID p = person();
        List<eu.haven.core.audit.SequencedEvent> batch = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            batch.add(new eu.haven.core.audit.SequencedEvent(i, event(p, i != 2, Optional.of("firewall")), new byte[16], new byte[] {(byte) i}));
        }
        store.append(batch, List.of());
        String month = java.time.YearMonth.from(now.atZone(java.time.ZoneOffset.UTC)).toString();
        var counts = new JdbcReportCountRepository(db).between(month, month);
        assertThat(counts).containsEntry(new eu.haven.core.transparency.CountKey(month, "accesses", "shelter", "permitted"), 2L)
            .containsEntry(new eu.haven.core.transparency.CountKey(month, "accesses", "shelter", "firewall"), 1L)
            .containsEntry(new eu.haven.core.transparency.CountKey(month, "people-served", "shelter", ""), 1L);
        store.append(List.of(new eu.haven.core.audit.SequencedEvent(3, event(p, true, Optional.empty()), new byte[16], new byte[] {3})), List.of());
        assertThat(new JdbcReportCountRepository(db).between(month, month))
            .containsEntry(new eu.haven.core.transparency.CountKey(month, "accesses", "shelter", "permitted"), 3L)
            .as("served once a month").containsEntry(new eu.haven.core.transparency.CountKey(month, "people-served", "shelter", ""), 1L);
        assertThat(new JdbcLedgerStore(db).countWith(tally)).as("a new start counts nothing twice").isZero();
        new JdbcPersonRepository(db).delete(p);
        long served = db.with(h -> h.createQuery("SELECT COUNT(*) FROM report_served").mapTo(Long.class).one());
        assertThat(served).isZero();
        assertThat(new JdbcReportCountRepository(db).between(month, month))
            .as("the counts outlive the person").containsEntry(new eu.haven.core.transparency.CountKey(month, "people-served", "shelter", ""), 1L);
    }

    @Test
    void every_version_of_an_algorithm_register_entry_is_kept() {
        var repo = new JdbcAlgorithmRepository(db);
        var entry = eu.haven.core.algorithm.AlgorithmRegister.bundled().get(0);
        repo.save(entry.changed(now, "dpo-1"));
        repo.save(new eu.haven.core.algorithm.AlgorithmEntry(entry.id(), "Renamed", entry.provider(), entry.description(), entry.purpose(),
            entry.legalBasis(), entry.dataUsed(), entry.humanOversight(), entry.risks(), entry.impactAssessment(), "dpo@example.eu",
            entry.status(), entry.highRisk(), entry.riskClassification(), entry.rules(), java.util.Map.of(), true, Optional.empty(),
            Optional.empty()).changed(now.plusSeconds(1), "dpo-2"));
        assertThat(repo.latest()).singleElement().satisfies(e -> {
            assertThat(e.name()).isEqualTo("Renamed");
            assertThat(e.changedBy()).contains("dpo-2");
            assertThat(e.changedAt()).contains(now.plusSeconds(1));
        });
        assertThat(repo.history(entry.id())).extracting(e -> e.changedBy().orElseThrow()).containsExactly("dpo-2", "dpo-1");
        assertThat(repo.history("none")).isEmpty();
    }

    @Test
    void complaints_wait_until_answered_and_leave_with_the_person() {
        var repo = new JdbcComplaintRepository(db);
        UUID p = person();
        var c = new eu.haven.core.complaint.Complaint(UUID.randomUUID(), p, now, "fa", new byte[] {9, 8}, eu.haven.core.complaint.Complaint.Status.OPEN,
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        repo.insert(c);
        assertThat(repo.waiting(10)).extracting(eu.haven.core.complaint.Complaint::id).containsExactly(c.id());
        repo.answer(c.id(), new byte[] {7}, now.plusSeconds(5));
        assertThat(repo.waiting(10)).isEmpty();
        assertThat(repo.find(c.id())).get().satisfies(x -> {
            assertThat(x.status()).isEqualTo(eu.haven.core.complaint.Complaint.Status.ANSWERED);
            assertThat(x.answer()).get().isEqualTo(new byte[] {7});
            assertThat(x.answeredAt()).contains(now.plusSeconds(5));
        });
        repo.handOver(c.id(), eu.haven.core.complaint.Complaint.Body.SUPERVISORY_AUTHORITY, now.plusSeconds(9));
        assertThat(repo.forPerson(p)).singleElement().satisfies(x -> {
            assertThat(x.handedTo()).contains(eu.haven.core.complaint.Complaint.Body.SUPERVISORY_AUTHORITY);
            assertThat(x.status()).isEqualTo(eu.haven.core.complaint.Complaint.Status.HANDED_OVER);
        });
        new JdbcPersonRepository(db).delete(p);
        assertThat(repo.find(c.id())).isEmpty();
    }

    @Test
    void equality_counts_add_up_by_month_outcome_language_and_age_group() {
        var repo = new JdbcEqualityCountRepository(db);
        repo.add("2026-05", eu.haven.core.equality.Outcome.CORRECTION_ANSWERED, "fa", "26-40", 3);
        repo.add("2026-05", eu.haven.core.equality.Outcome.CORRECTION_ANSWERED, "fa", "26-40", 5);
        repo.add("2026-06", eu.haven.core.equality.Outcome.REFERRAL_MADE, "ar", "unknown", 0);
        assertThat(repo.between("2026-05", "2026-05")).containsExactly(
            new eu.haven.core.equality.EqualityCountRepository.Count("2026-05", "correction-answered", "fa", "26-40", 2, 8));
        assertThat(repo.between("2026-01", "2026-12")).hasSize(2);
    }

    private AccessEvent event(UUID person, boolean permitted, Optional<String> reason) {
        return AccessEvent.byCaseworker(now, UUID.randomUUID(), "shelter-a", "read", "shelter", person,
            new java.util.LinkedHashSet<>(List.of("identity", "housing")), permitted ? Optional.empty() : reason);
    }
}
