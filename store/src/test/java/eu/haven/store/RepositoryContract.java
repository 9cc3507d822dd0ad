package eu.haven.store;

import static org.assertj.core.api.Assertions.assertThat;

import eu.haven.core.audit.AccessEvent;
import eu.haven.core.consent.CollectionMethod;
import eu.haven.core.consent.Consent;
import eu.haven.core.person.Person;
import eu.haven.core.person.Relationship;
import eu.haven.core.policy.ReferralFacts.Status;
import eu.haven.core.record.CaseRecord;
import eu.haven.core.referral.Referral;
import eu.haven.core.staff.Organisation;
import eu.haven.core.staff.Role;
import eu.haven.core.staff.StaffUser;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
        new JdbcOrganisationRepository(db).save(new Organisation("shelter-a", "Shelter A", "shelter"));
        new JdbcOrganisationRepository(db).save(new Organisation("legal-b", "Legal B", "legal-aid"));
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
        StaffUser u = new StaffUser(UUID.randomUUID(), "worker", "shelter-a", Role.CASEWORKER, "$argon2id$h", false);
        staff.save(u);
        assertThat(staff.findByUsername("worker")).contains(u);
        assertThat(staff.find(u.id())).contains(u);
        var tokens = new JdbcTokenRepository(db);
        tokens.save("f".repeat(64), u.id(), now.plusSeconds(60));
        assertThat(tokens.find("f".repeat(64))).get().extracting(t -> t.userId()).isEqualTo(u.id());
        tokens.deleteExpired(now.plusSeconds(61));
        assertThat(tokens.find("f".repeat(64))).isEmpty();
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
    void consents_withdraw_once_and_referrals_are_decided_once() {
        UUID p = person();
        var consents = new JdbcConsentRepository(db);
        Consent c = new Consent(UUID.randomUUID(), Consent.SCHEMA_VERSION, p, "shelter-a", "legal-b", List.of("legal-aid"),
            List.of("identity", "housing"), List.of("https://w3id.org/dpv/legal/eu/gdpr#A6-1-a"), false, "ar",
            CollectionMethod.VERBAL, "notice", "EU", "P3Y", "EU", "ask", now, Optional.of(now.plusSeconds(3600)),
            Optional.empty(), UUID.randomUUID());
        consents.insert(c);
        assertThat(consents.find(c.id())).contains(c);
        assertThat(consents.withdraw(c.id(), now)).isTrue();
        assertThat(consents.withdraw(c.id(), now.plusSeconds(5))).isFalse();
        assertThat(consents.forPerson(p).get(0).withdrawnAt()).contains(now);

        var referrals = new JdbcReferralRepository(db);
        Referral r = new Referral(UUID.randomUUID(), p, "shelter-a", "legal-b", "legal-aid", List.of("identity"), c.id(),
            Status.PENDING, now, UUID.randomUUID(), Optional.empty(), Optional.empty());
        referrals.insert(r);
        assertThat(referrals.pendingTo("legal-b")).extracting(Referral::id).containsExactly(r.id());
        assertThat(referrals.decide(r.id(), Status.ACCEPTED, now, UUID.randomUUID())).isTrue();
        assertThat(referrals.decide(r.id(), Status.DECLINED, now, UUID.randomUUID())).isFalse();
        assertThat(referrals.find(r.id()).orElseThrow().status()).isEqualTo(Status.ACCEPTED);
        assertThat(referrals.forPerson(p)).hasSize(1);
    }

    @Test
    void the_access_log_appends_in_order_and_keeps_refusals() {
        UUID p = person();
        var log = new JdbcAccessLog(db);
        long before = log.size();
        long first = log.append(event(p, true, Optional.empty()));
        long second = log.append(event(p, false, Optional.of("firewall")));
        assertThat(second).isGreaterThan(first);
        assertThat(log.size()).isEqualTo(before + 2);
        var events = log.forPerson(p);
        assertThat(events).extracting(e -> e.event().reason()).containsExactly(Optional.empty(), Optional.of("firewall"));
        assertThat(events.get(1).index()).isEqualTo(second);
        assertThat(events.get(0).event().categories()).containsExactly("identity", "housing");
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

    private AccessEvent event(UUID person, boolean permitted, Optional<String> reason) {
        return new AccessEvent(UUID.randomUUID(), now, Optional.of(UUID.randomUUID()), Optional.of("shelter-a"),
            Optional.of("caseworker"), "read", "shelter", Optional.of(person), new java.util.LinkedHashSet<>(List.of("identity", "housing")),
            permitted, reason, Optional.empty());
    }
}
