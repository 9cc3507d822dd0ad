package eu.haven.store;

import static org.assertj.core.api.Assertions.assertThat;

import eu.haven.core.audit.CheckpointMirror;
import eu.haven.core.audit.Ledger;
import eu.haven.core.audit.LedgerAudit;
import eu.haven.core.audit.LedgerStore;
import eu.haven.event.AccessEvent;
import eu.haven.ledger.NoteSigner;
import eu.haven.ledger.NoteVerifier;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Group commit: events that queue while a commit runs share the next one; every one is still in the log, in order. */
class LedgerGroupCommitTest {
    private static final String ORIGIN = "haven.test/access";
    private Database db;
    private NoteSigner signer;
    private final AtomicInteger commits = new AtomicInteger();
    private final CheckpointMirror mirror = new MemoryMirror();

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

    /** The real store, counting its commits; the first commit waits until {@code release} opens. */
    private LedgerStore counted(CountDownLatch firstCommitStarted, CountDownLatch release) {
        LedgerStore real = new JdbcLedgerStore(db);
        return (LedgerStore) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {LedgerStore.class},
            (proxy, method, args) -> {
                if (method.getName().equals("append") && commits.incrementAndGet() == 1) {
                    firstCommitStarted.countDown();
                    release.await();
                }
                try {
                    return method.invoke(real, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            });
    }

    private static AccessEvent event() {
        return AccessEvent.byCaseworker(Instant.now(), UUID.randomUUID(), "city-shelter", "read", "shelter", UUID.randomUUID(),
            new LinkedHashSet<>(List.of("identity")), Optional.empty());
    }

    @Test
    void appendsQueuedDuringACommitShareTheNextCommitAndAllLandInOrder() throws Exception {
        int callers = 40;
        CountDownLatch firstCommitStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Set<Long> indexes = ConcurrentHashMap.newKeySet();
        try (Ledger ledger = Ledger.open(counted(firstCommitStarted, release), signer, mirror, Ledger.Settings.defaults(ORIGIN))) {
            Thread first = Thread.ofPlatform().start(() -> indexes.add(ledger.append(event())));
            assertThat(firstCommitStarted.await(10, TimeUnit.SECONDS)).isTrue();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < callers - 1; i++) {
                threads.add(Thread.ofPlatform().start(() -> indexes.add(ledger.append(event()))));
            }
            // Every caller has queued its event while the first commit is held open.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (threads.stream().anyMatch(t -> t.getState() != Thread.State.TIMED_WAITING) && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            release.countDown();
            first.join();
            for (Thread t : threads) {
                t.join();
            }
            ledger.checkpoint();
        }
        assertThat(indexes).hasSize(callers).allSatisfy(i -> assertThat(i).isBetween(0L, callers - 1L));
        assertThat(commits.get()).isEqualTo(2);
        new LedgerAudit(new JdbcLedgerStore(db), NoteVerifier.fromVkey(signer.vkey()), mirror).run();
    }

    @Test
    void aLoneAppendIsCommittedAtOnceOnItsOwn() {
        CountDownLatch open = new CountDownLatch(0);
        try (Ledger ledger = Ledger.open(counted(new CountDownLatch(1), open), signer, mirror, Ledger.Settings.defaults(ORIGIN))) {
            for (int i = 0; i < 5; i++) {
                assertThat(ledger.append(event())).isEqualTo(i);
            }
        }
        assertThat(commits.get()).isEqualTo(5);
    }
    @Test
    void underLoadACommitWaitsForMoreEventsToJoinIt() throws Exception {
        CountDownLatch open = new CountDownLatch(0);
        // A long wait, so that the events below surely arrive within it on a busy machine.
        Ledger.Settings settings = Ledger.Settings.defaults(ORIGIN).withGatherWait(java.time.Duration.ofSeconds(1));
        try (Ledger ledger = Ledger.open(counted(new CountDownLatch(1), open), signer, mirror, settings)) {
            ledger.appendAll(List.of(event(), event()));
            assertThat(commits.get()).as("two at once: one commit").isEqualTo(1);
            // Load: the commit of the next event waits for others to join it (one every 2 ms, within each step of 125 ms),
            // up to the wait or a full gathering.
            List<Thread> threads = new ArrayList<>();
            Set<Long> indexes = ConcurrentHashMap.newKeySet();
            for (int i = 0; i < Ledger.GATHER; i++) {
                threads.add(Thread.ofPlatform().start(() -> indexes.add(ledger.append(event()))));
                Thread.sleep(2);
            }
            for (Thread t : threads) {
                t.join();
            }
            assertThat(indexes).hasSize(Ledger.GATHER);
            assertThat(commits.get()).as("the %d events, one after another, in one commit", Ledger.GATHER).isEqualTo(2);
            // After that commit of many, a lone event waits one step (an eighth of the wait) for company, and no more when
            // none comes; after a commit of one, none waits.
            long before = System.nanoTime();
            ledger.append(event());
            assertThat(System.nanoTime() - before).isBetween(java.time.Duration.ofMillis(120).toNanos(), java.time.Duration.ofMillis(900).toNanos());
            before = System.nanoTime();
            ledger.append(event());
            ledger.append(event());
            assertThat(System.nanoTime() - before).isLessThan(java.time.Duration.ofMillis(120).toNanos());
            assertThat(commits.get()).isEqualTo(5);
        }
    }
}
