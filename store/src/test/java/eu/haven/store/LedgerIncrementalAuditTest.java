package eu.haven.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.haven.core.audit.CheckpointMirror;
import eu.haven.core.audit.Ledger;
import eu.haven.core.audit.LedgerIntegrityException;
import eu.haven.event.AccessEvent;
import eu.haven.ledger.Checkpoint;
import eu.haven.ledger.NoteSigner;
import eu.haven.ledger.NoteVerifier;
import java.security.KeyPair;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The start-up audit checks only what came after the last whole audit that passed; the whole ledger is then audited in
 * the background. What the start cannot see (an old row altered while the server was down), the background audit
 * finds, and the ledger stops being ready.
 */
class LedgerIncrementalAuditTest {
    private static final String ORIGIN = "haven.example-city.eu/access";
    private Database db;
    private NoteSigner signer;
    private final AtomicReference<String> mirrored = new AtomicReference<>();
    private final AtomicReference<String> audited = new AtomicReference<>();

    private static CheckpointMirror file(AtomicReference<String> slot) {
        return new CheckpointMirror() {
            public Optional<String> read() {
                return Optional.ofNullable(slot.get());
            }

            public void write(String note) {
                slot.set(note);
            }
        };
    }

    @BeforeEach
    void start() {
        db = Database.open(DatabaseConfig.h2Memory("incremental-" + UUID.randomUUID()));
        KeyPair kp = NoteSigner.generate();
        signer = new NoteSigner(ORIGIN, kp.getPrivate(), NoteSigner.rawPublic(kp.getPublic()));
    }

    @AfterEach
    void stop() {
        db.close();
    }

    private Ledger open() {
        return Ledger.open(new JdbcLedgerStore(db), signer, file(mirrored), Optional.of(file(audited)), Ledger.Settings.defaults(ORIGIN));
    }

    private static void fill(Ledger ledger, int n) {
        for (int i = 0; i < n; i++) {
            ledger.append(AccessEvent.byCaseworker(Instant.now(), UUID.randomUUID(), "city-shelter", "read", "shelter", UUID.randomUUID(),
                new LinkedHashSet<>(List.of("identity")), Optional.empty()));
        }
        ledger.checkpoint();
    }

    private long markSize() {
        return Checkpoint.open(audited.get(), NoteVerifier.fromVkey(signer.vkey())).size();
    }

    private static Ledger.AuditOutcome whole(Ledger ledger) throws InterruptedException {
        for (int i = 0; i < 200 && ledger.lastAudit() == ledger.startupAudit() && ledger.startupAudit().detail().contains("background"); i++) {
            Thread.sleep(50);
        }
        return ledger.lastAudit();
    }

    @Test
    void a_start_checks_what_came_after_the_last_whole_audit_and_the_background_audit_moves_the_mark() throws Exception {
        try (Ledger ledger = open()) {
            assertThat(markSize()).as("the first start audits the whole (empty) ledger and marks it").isZero();
            assertThat(ledger.startupAudit().detail()).isEmpty();
            fill(ledger, 300);
        }
        try (Ledger ledger = open()) {
            assertThat(ledger.size()).isEqualTo(300);
            Ledger.AuditOutcome whole = whole(ledger);
            assertThat(whole.passed()).isTrue();
            assertThat(whole.detail()).isEmpty();
            assertThat(markSize()).isEqualTo(300);
            fill(ledger, 70);
        }
        try (Ledger ledger = open()) {
            assertThat(ledger.startupAudit().detail()).as("a start after a mark audits only what came after it")
                .contains("after the 300 audited before");
            assertThat(whole(ledger).passed()).isTrue();
            assertThat(ledger.ready()).isTrue();
            assertThat(markSize()).isEqualTo(370);
        }
    }

    @Test
    void an_old_row_altered_while_down_is_found_by_the_background_audit_and_the_ledger_is_no_longer_ready() throws Exception {
        try (Ledger ledger = open()) {
            fill(ledger, 300);
            assertThat(ledger.auditNow().passed()).isTrue();
            fill(ledger, 10);
        }
        assertThat(markSize()).isEqualTo(300);
        db.autonomous(h -> h.execute("UPDATE ledger_events SET purpose = 'immigration-enforcement' WHERE idx = 5"));
        try (Ledger ledger = open()) {
            Ledger.AuditOutcome whole = whole(ledger);
            assertThat(whole.passed()).isFalse();
            assertThat(whole.detail()).contains("index 5");
            assertThat(ledger.ready()).isFalse();
        }
    }

    @Test
    void a_row_altered_after_the_mark_or_a_tree_that_no_longer_extends_it_stops_the_start() {
        try (Ledger ledger = open()) {
            fill(ledger, 300);
            assertThat(ledger.auditNow().passed()).isTrue();
            fill(ledger, 10);
        }
        db.autonomous(h -> h.execute("UPDATE ledger_events SET purpose = 'immigration-enforcement' WHERE idx = 305"));
        assertThatThrownBy(this::open).isInstanceOf(LedgerIntegrityException.class).hasMessageContaining("index 305");
        db.autonomous(h -> h.execute("UPDATE ledger_events SET purpose = 'shelter' WHERE idx = 305"));
        db.autonomous(h -> h.execute("UPDATE ledger_events SET entry = (SELECT entry FROM ledger_events WHERE idx = 298) WHERE idx = 299"));
        assertThatThrownBy(this::open).isInstanceOf(LedgerIntegrityException.class).hasMessageContaining("the last audit signed");
    }
}
