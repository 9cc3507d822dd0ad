package eu.haven.store;

import static org.assertj.core.api.Assertions.assertThat;

import eu.haven.core.audit.AccessEvent;
import eu.haven.core.audit.CheckpointMirror;
import eu.haven.core.audit.Ledger;
import eu.haven.core.audit.LedgerAudit;
import eu.haven.core.audit.LedgerStore;
import eu.haven.ledger.NoteSigner;
import eu.haven.ledger.NoteVerifier;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Group commit: events that follow each other closely share one commit; every one is still in the log, in order. */
class LedgerGroupCommitTest {
    private static final String ORIGIN = "haven.test/access";
    private Database db;
    private NoteSigner signer;
    private final AtomicInteger commits = new AtomicInteger();
    private final AtomicReference<String> mirrored = new AtomicReference<>();
    private final CheckpointMirror mirror = new CheckpointMirror() {
        public Optional<String> read() {
            return Optional.ofNullable(mirrored.get());
        }

        public void write(String note) {
            mirrored.set(note);
        }
    };

    @BeforeEach
    void open() {
        db = Database.open(DatabaseConfig.h2Memory("group-" + UUID.randomUUID()));
        KeyPair kp = NoteSigner.generate();
        signer = new NoteSigner(ORIGIN, kp.getPrivate(), NoteSigner.rawPublic(kp.getPublic()));
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** The real store, counting its commits. */
    private LedgerStore counted() {
        LedgerStore real = new JdbcLedgerStore(db);
        return (LedgerStore) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {LedgerStore.class},
            (proxy, method, args) -> {
                if (method.getName().equals("append")) {
                    commits.incrementAndGet();
                }
                try {
                    return method.invoke(real, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            });
    }

    private static AccessEvent event() {
        return new AccessEvent(UUID.randomUUID(), Instant.now(), Optional.of(UUID.randomUUID()), Optional.of("city-shelter"),
            Optional.of("caseworker"), "read", "shelter", Optional.of(UUID.randomUUID()),
            new LinkedHashSet<>(List.of("identity")), true, Optional.empty(), Optional.empty());
    }

    @Test
    void appendsArrivingCloseTogetherShareCommitsAndAllLand() throws Exception {
        int callers = 40;
        // A generous gap, so that the test does not depend on how fast this machine runs threads.
        Ledger.Settings settings = Ledger.Settings.defaults(ORIGIN).withGathering(Duration.ofMillis(300), Duration.ofSeconds(3));
        Set<Long> indexes = ConcurrentHashMap.newKeySet();
        try (Ledger ledger = Ledger.open(counted(), signer, mirror, settings)) {
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                long delay = 2L * i; // one every 2 ms: each alone would be a commit of its own
                Thread t = Thread.ofPlatform().start(() -> {
                    try {
                        go.await();
                        Thread.sleep(delay);
                        indexes.add(ledger.append(event()));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                threads.add(t);
            }
            go.countDown();
            for (Thread t : threads) {
                t.join();
            }
            ledger.checkpoint();
        }
        assertThat(indexes).hasSize(callers).allSatisfy(i -> assertThat(i).isBetween(0L, callers - 1L));
        assertThat(commits.get()).isLessThan(callers / 4);
        new LedgerAudit(new JdbcLedgerStore(db), NoteVerifier.fromVkey(signer.vkey()), mirror).run();
    }

    @Test
    void withoutGatheringALoneAppendIsItsOwnCommit() {
        Ledger.Settings settings = Ledger.Settings.defaults(ORIGIN).withGathering(Duration.ZERO, Duration.ZERO);
        try (Ledger ledger = Ledger.open(counted(), signer, mirror, settings)) {
            for (int i = 0; i < 5; i++) {
                assertThat(ledger.append(event())).isEqualTo(i);
            }
        }
        assertThat(commits.get()).isEqualTo(5);
    }
}
