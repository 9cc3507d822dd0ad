package eu.haven.core.audit;

import eu.haven.event.AccessEvent;
import eu.haven.event.EventCommitment;
import eu.haven.ledger.Checkpoint;
import eu.haven.ledger.EntryBundle;
import eu.haven.ledger.Hashes;
import eu.haven.ledger.Merkle;
import eu.haven.ledger.NoteSigner;
import eu.haven.ledger.NoteVerifier;
import eu.haven.ledger.Tile;
import eu.haven.ledger.TileHashReader;
import eu.haven.ledger.TilePath;
import eu.haven.ledger.TlogProof;
import eu.haven.ledger.TreeEdge;
import eu.haven.ledger.TrustedKeys;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The access ledger: an RFC 6962 Merkle log of commitments to access events, behind the
 * {@link AccessLog} port. Appends are sequenced in batches by one thread (group commit): each
 * batch of events, with the hash tiles it completes, is one database transaction, and every caller
 * waits until its batch is durable. A signed checkpoint is published at most once per interval,
 * when the tree has grown.
 */
public final class Ledger implements AccessLog, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Ledger.class);

    /**
     * Origin, checkpoint interval, largest batch, how long an append may wait before failing closed, and how long a
     * commit under load waits for more events. The events that queue while a commit runs make up the next commit; after a
     * commit of more than one, the next waits up to {@code gatherWait} for {@link Ledger#GATHER}, so that under load a
     * commit carries many events, and a lone event never waits for others.
     */
    public record Settings(String origin, Duration checkpointInterval, int maxBatch, Duration appendTimeout, Clock clock,
                           boolean holdBackgroundAudit, Duration gatherWait) {
        public static Settings defaults(String origin) {
            return new Settings(origin, Duration.ofSeconds(1), 4096, Duration.ofSeconds(10), Clock.systemUTC(), false, GATHER_WAIT);
        }

        public Settings withCheckpointInterval(Duration interval) {
            return new Settings(origin, interval, maxBatch, appendTimeout, clock, holdBackgroundAudit, gatherWait);
        }

        /** The clock that dates checkpoints and erasure records: the installation's own. */
        public Settings withClock(Clock c) {
            return new Settings(origin, checkpointInterval, maxBatch, appendTimeout, c, holdBackgroundAudit, gatherWait);
        }

        /** How long a commit under load waits for more events to join it (see {@link Ledger#GATHER}). */
        public Settings withGatherWait(Duration wait) {
            return new Settings(origin, checkpointInterval, maxBatch, appendTimeout, clock, holdBackgroundAudit, wait);
        }

        /**
         * The whole audit that follows an incremental start waits for {@link #startBackgroundAudit} (at most
         * {@link #BACKGROUND_AUDIT_HOLD}): a server calls it once it listens, so that the audit does not take the
         * cores its start needs.
         */
        public Settings withBackgroundAuditHeld() {
            return new Settings(origin, checkpointInterval, maxBatch, appendTimeout, clock, true, gatherWait);
        }
    }

    /** The longest a held background audit waits to be started. */
    static final Duration BACKGROUND_AUDIT_HOLD = Duration.ofMinutes(1);

    private final java.util.concurrent.CountDownLatch backgroundAuditStart = new java.util.concurrent.CountDownLatch(1);

    /** Lets the background whole audit begin (see {@link Settings#withBackgroundAuditHeld}). */
    public void startBackgroundAudit() {
        backgroundAuditStart.countDown();
    }

    /** The checkpoint readers are served, with the tree it was signed for. */
    private record Published(Checkpoint checkpoint, String note, TreeEdge edge) {}

    /** An event waiting for the sequencer, with its entry and the entry's leaf hash, both computed on the caller's thread. */
    private record Pending(AccessEvent event, byte[] salt, byte[] entry, byte[] leaf, CompletableFuture<Long> done) {}

    private final LedgerStore store;
    private final NoteSigner signer;
    private final CheckpointMirror mirror;
    private final Settings settings;
    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(1 << 16);
    private final TileHashReader.Cache cache = new TileHashReader.Cache(1024);
    private final ScheduledExecutorService checkpointer;
    private final Thread sequencer;
    private volatile TreeEdge edge;
    private volatile Published published;
    private volatile boolean running = true;

    private Ledger(LedgerStore store, NoteSigner signer, CheckpointMirror mirror, Settings settings, TreeEdge edge) {
        this.store = store;
        this.signer = signer;
        this.mirror = mirror;
        this.settings = settings;
        this.edge = edge;
        this.sequencer = Thread.ofPlatform().name("ledger-sequencer").daemon().unstarted(this::sequence);
        this.checkpointer = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().name("ledger-checkpointer").daemon().unstarted(r));
    }

    /**
     * Audits the stored ledger against its signed checkpoints (throwing {@link LedgerIntegrityException}
     * if they disagree), signs a checkpoint for anything not yet covered, and starts sequencing.
     */
    public static Ledger open(LedgerStore store, NoteSigner signer, CheckpointMirror mirror, Settings settings) {
        return open(store, signer, mirror, Optional.empty(), settings);
    }

    /**
     * As {@link #open(LedgerStore, NoteSigner, CheckpointMirror, Settings)}, and with {@code audited}, the checkpoint
     * of the last whole audit that passed (signed with the ledger's key and kept outside the database): when it is
     * there and verifies, the start-up audit checks only the entries added since ({@link LedgerAudit#runFrom}), and the
     * whole ledger is audited in the background at low priority, then again every {@link #WHOLE_AUDIT_EVERY}, so that a
     * restart after months audits about a day of entries; every whole audit that passes moves the mark. When
     * the background audit fails, the ledger is no longer ready and the failure is its latest audit.
     */
    public static Ledger open(LedgerStore store, NoteSigner signer, CheckpointMirror mirror, Optional<CheckpointMirror> audited,
                              Settings settings) {
        return open(store, signer, TrustedKeys.only(signer.vkey()), mirror, audited, settings);
    }

    /**
     * As above, for a log whose key was rotated: {@code trusted} holds every key the log was signed
     * with and the tree sizes each signed; the signer must be among them.
     */
    public static Ledger open(LedgerStore store, NoteSigner signer, TrustedKeys trusted, CheckpointMirror mirror,
                              Optional<CheckpointMirror> audited, Settings settings) {
        if (!signer.name().equals(settings.origin())) {
            throw new IllegalArgumentException("the signing key's name must be the log's origin");
        }
        if (!trusted.signs(signer.vkey(), Long.MAX_VALUE)) {
            throw new IllegalArgumentException("the signing key is not among the log's trusted keys, or its window has ended");
        }
        long started = System.nanoTime();
        Optional<Checkpoint> mark = audited.flatMap(CheckpointMirror::read).flatMap(note -> {
            try {
                return Optional.of(trusted.open(note));
            } catch (eu.haven.ledger.VerificationException e) {
                LOG.warn("The mark of the last whole audit does not verify with the ledger's key; the whole ledger is audited now.");
                return Optional.empty();
            }
        });
        LedgerAudit audit = new LedgerAudit(store, trusted, mirror);
        LedgerAudit.Report report = mark.isPresent() ? audit.runFrom(mark.get()) : audit.run();
        Ledger ledger = new Ledger(store, signer, mirror, settings, report.edge());
        ledger.trusted = trusted;
        ledger.auditMark = audited;
        ledger.startupAudit = mark.isPresent()
            ? new AuditOutcome(true, report.edge().size(), settings.clock().instant(), Duration.ofNanos(System.nanoTime() - started),
                "the entries after the " + mark.get().size() + " audited before; the whole ledger is being audited in the background")
            : AuditOutcome.passed(report, settings, started);
        ledger.lastAudit = ledger.startupAudit;
        if (mark.isEmpty()) {
            ledger.markAudited(report.edge());
        }
        Optional<LedgerAudit.Signed> latest = report.latestCheckpoint();
        // After a key rotation the latest checkpoint may be the old key's last: sign the same tree again with the new key,
        // so that a verifier holding only the key now published can check it.
        if (latest.isPresent() && latest.get().checkpoint().size() == report.edge().size() && signedBy(signer, latest.get().note())) {
            ledger.published = new Published(latest.get().checkpoint(), latest.get().note(), report.edge());
            mirror.write(ledger.published.note());
        } else {
            ledger.publish(report.edge());
        }
        ledger.sequencer.start();
        long interval = settings.checkpointInterval().toMillis();
        ledger.checkpointer.scheduleWithFixedDelay(ledger::checkpointQuietly, interval, interval, TimeUnit.MILLISECONDS);
        if (mark.isPresent()) {
            Thread whole = new Thread(ledger::auditInBackground, "haven-ledger-audit");
            whole.setDaemon(true);
            whole.setPriority(Thread.MIN_PRIORITY);
            whole.start();
        }
        return ledger;
    }

    private static boolean signedBy(NoteSigner signer, String note) {
        try {
            NoteVerifier.fromVkey(signer.vkey()).open(note);
            return true;
        } catch (eu.haven.ledger.VerificationException e) {
            return false;
        }
    }

    private Optional<CheckpointMirror> auditMark = Optional.empty();
    private TrustedKeys trusted;
    private AuditOutcome startupAudit;

    /** The audit this ledger passed when it opened: whole, or of the entries after the last whole audit's mark. */
    public AuditOutcome startupAudit() {
        return startupAudit;
    }
    private volatile boolean integrityFailed;

    /** Keeps, outside the database, a signed checkpoint of a tree that a whole audit has just passed. */
    private void markAudited(TreeEdge audited) {
        auditMark.ifPresent(m -> m.write(signer.sign(new Checkpoint(settings.origin(), audited.size(), audited.root()).body())));
    }

    /** How often the whole ledger is audited again in the background; each pass moves the mark a restart audits from. */
    static final Duration WHOLE_AUDIT_EVERY = Duration.ofHours(24);

    private final Object auditPause = new Object();

    private void auditInBackground() {
        if (settings.holdBackgroundAudit()) {
            try {
                backgroundAuditStart.await(BACKGROUND_AUDIT_HOLD.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
        }
        while (running) {
            try {
                AuditOutcome outcome = auditNow();
                if (!outcome.passed()) {
                    LOG.error("The background audit of the whole ledger failed; the server is no longer ready: {}", outcome.detail());
                    return;
                }
            } catch (RuntimeException e) {
                // The store could not be read to the end: when the ledger is closing, that is expected; otherwise the next
                // pass, the next start or the DPO's button audits again. Nothing was found wrong, so readiness does not change.
                if (running) {
                    LOG.warn("The background audit of the whole ledger could not finish; it runs again in {} hours:\n{}",
                        WHOLE_AUDIT_EVERY.toHours(), eu.haven.core.error.Failures.trace(e));
                }
            }
            // Waits on a monitor, not by sleeping: closing wakes it without an interrupt, which would close H2's file channel.
            synchronized (auditPause) {
                try {
                    if (running) {
                        auditPause.wait(WHOLE_AUDIT_EVERY.toMillis());
                    }
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** The result of an audit of the whole stored ledger: passed or not, over how many events, when, how long it took, and what failed. */
    public record AuditOutcome(boolean passed, long size, java.time.Instant at, Duration took, String detail) {
        static AuditOutcome passed(LedgerAudit.Report report, Settings settings, long startedNanos) {
            return new AuditOutcome(true, report.edge().size(), settings.clock().instant(), Duration.ofNanos(System.nanoTime() - startedNanos), "");
        }
    }

    private volatile AuditOutcome lastAudit;

    /** The latest audit: the one at start, or a later one run by {@link #auditNow}. */
    public AuditOutcome lastAudit() {
        return lastAudit;
    }

    /** Audits the whole stored ledger again now (the start-up audit's checks), while the ledger runs. */
    public AuditOutcome auditNow() {
        synchronized (auditLock) {
            return auditWhole();
        }
    }

    /** One whole audit at a time; not the ledger's own lock, which appends and checkpoints take. */
    private final Object auditLock = new Object();

    private AuditOutcome auditWhole() {
        long started = System.nanoTime();
        AuditOutcome outcome;
        try {
            LedgerAudit.Report report = new LedgerAudit(store, trusted, mirror).run();
            outcome = AuditOutcome.passed(report, settings, started);
            markAudited(report.edge());
            integrityFailed = false;
        } catch (LedgerIntegrityException e) {
            outcome = new AuditOutcome(false, size(), settings.clock().instant(), Duration.ofNanos(System.nanoTime() - started), e.getMessage());
            integrityFailed = true;
        }
        lastAudit = outcome;
        return outcome;
    }

    private volatile Optional<io.micrometer.core.instrument.Timer> appendTimer = Optional.empty();
    private volatile Optional<io.micrometer.core.instrument.Timer> checkpointTimer = Optional.empty();

    /**
     * Reports to {@code registry}: how long an append takes until durable, how long signing and storing a checkpoint
     * takes, how many entries wait for the next checkpoint, and the latest audit (passed or not, how long ago). No label
     * names anybody.
     */
    public void instrument(io.micrometer.core.instrument.MeterRegistry registry) {
        appendTimer = Optional.of(io.micrometer.core.instrument.Timer.builder("haven.ledger.append")
            .description("From asking to append until the events are durable").publishPercentiles(0.5, 0.99).register(registry));
        checkpointTimer = Optional.of(io.micrometer.core.instrument.Timer.builder("haven.ledger.checkpoint.sign")
            .description("Signing, storing and mirroring one checkpoint").register(registry));
        io.micrometer.core.instrument.Gauge.builder("haven.ledger.checkpoint.behind", this, l -> l.size() - l.checkpointHead().size())
            .description("Entries not yet in a signed checkpoint").register(registry);
        io.micrometer.core.instrument.Gauge.builder("haven.ledger.audit.passed", this, l -> l.lastAudit().passed() ? 1 : 0)
            .description("1 when the latest audit of the whole ledger passed").register(registry);
        io.micrometer.core.instrument.Gauge.builder("haven.ledger.audit.age.seconds", this,
            l -> Duration.between(l.lastAudit().at(), settings.clock().instant()).toSeconds())
            .description("Seconds since the latest audit of the whole ledger").register(registry);
    }

    /** Queues every event first, then waits for them: they commit in one batch or a few, not one after another. */
    @Override
    public List<Long> appendAll(List<AccessEvent> events) {
        long asked = System.nanoTime();
        List<Long> indices = appendAllUntimed(events);
        appendTimer.ifPresent(t -> t.record(System.nanoTime() - asked, TimeUnit.NANOSECONDS));
        return indices;
    }

    private List<Long> appendAllUntimed(List<AccessEvent> events) {
        if (!running) {
            throw new LedgerUnavailableException(new IllegalStateException("the ledger is closed"));
        }
        List<Pending> pending = new ArrayList<>();
        // The salts of all the events drawn at once: the generator's cost is mostly per call (a caseload page asks for 25).
        byte[] salts = new byte[EventCommitment.SALT_BYTES * events.size()];
        eu.haven.core.crypto.Randomness.fill(salts);
        for (AccessEvent event : events) {
            int at = pending.size() * EventCommitment.SALT_BYTES;
            byte[] salt = java.util.Arrays.copyOfRange(salts, at, at + EventCommitment.SALT_BYTES);
            byte[] entry = EventCommitment.entry(salt, event);
            Pending p = new Pending(event, salt, entry, Hashes.leaf(entry), new CompletableFuture<>());
            if (!queue.offer(p)) {
                throw new LedgerUnavailableException(new IllegalStateException("the ledger's queue is full"));
            }
            pending.add(p);
        }
        List<Long> indices = new ArrayList<>();
        long deadline = System.nanoTime() + settings.appendTimeout().toNanos();
        for (Pending p : pending) {
            try {
                indices.add(p.done().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (ExecutionException e) {
                throw new LedgerUnavailableException(e.getCause());
            } catch (TimeoutException e) {
                throw new LedgerUnavailableException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LedgerUnavailableException(e);
            }
        }
        return indices;
    }

    /** Appends one event and returns once it is durable (its index), or fails with {@link LedgerUnavailableException}. */
    @Override
    public long append(AccessEvent event) {
        return appendAll(List.of(event)).get(0);
    }

    /**
     * Under load, a commit waits a moment for more events to join it: a commit costs H2 about 300 us of CPU whatever it
     * holds, and about 25 us more an event (a file database, in process: 1 event a commit 309 to 396 us an event, 8 52 to
     * 79 us, 32 30 to 35 us). Without waiting, pages under load committed four to eight events at a time, and the
     * sequencer took a third of the server's CPU. Only after a commit of more than one event, so that a lone request never
     * waits for others; at most {@link Settings#gatherWait} ({@link #GATHER_WAIT} unless set), in eight steps, for
     * {@link #GATHER}, and no longer once a step brought nobody.
     */
    public static final int GATHER = 32;
    static final Duration GATHER_WAIT = Duration.ofMillis(2);
    private int lastBatch;

    private void gather(List<Pending> batch) {
        long step = settings.gatherWait().toNanos() / 8;
        long until = System.nanoTime() + settings.gatherWait().toNanos();
        while (running && batch.size() < GATHER) {
            long left = until - System.nanoTime();
            if (left <= 0) {
                return;
            }
            int had = batch.size();
            java.util.concurrent.locks.LockSupport.parkNanos(Math.min(left, step));
            queue.drainTo(batch, settings.maxBatch() - batch.size());
            if (batch.size() == had) {
                // Nobody came in a step: the callers are all waiting for this commit (or the database is slow, as
                // PostgreSQL's commits are, and they are waiting in it), so waiting longer only delays them.
                return;
            }
        }
    }

    private void sequence() {
        List<Pending> batch = new ArrayList<>(settings.maxBatch());
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    followQuietly();
                    continue;
                }
                batch.clear();
                batch.add(first);
                queue.drainTo(batch, settings.maxBatch() - 1);
                if (lastBatch > 1) {
                    gather(batch);
                }
                lastBatch = batch.size();
                commit(batch);
            } catch (RuntimeException unexpected) {
                LOG.error("ledger sequencer failed on a batch; its {} access events are refused:\n{}", batch.size(),
                    eu.haven.core.error.Failures.trace(unexpected));
                batch.forEach(p -> p.done().completeExceptionally(unexpected));
                resync();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        Pending left;
        while ((left = queue.poll()) != null) {
            left.done().completeExceptionally(new IllegalStateException("the ledger closed"));
        }
    }

    private void commit(List<Pending> batch) {
        TreeEdge before = edge;
        List<SequencedEvent> events = new ArrayList<>(batch.size());
        List<SequencedEvent> caught = new ArrayList<>();
        TreeEdge[] after = new TreeEdge[1];
        try {
            store.append(before.size(), (end, missed) -> {
                events.clear();
                caught.clear();
                TreeEdge base = caughtUp(before, end, missed, caught);
                long index = base.size();
                List<byte[]> leaves = new ArrayList<>(batch.size());
                for (Pending p : batch) {
                    events.add(new SequencedEvent(index++, p.event(), p.salt(), p.entry()));
                    leaves.add(p.leaf());
                }
                TreeEdge.Appended appended = base.append(leaves);
                after[0] = appended.edge();
                return new LedgerStore.Batch(List.copyOf(events), appended.completedTiles());
            });
        } catch (RuntimeException failure) {
            LOG.warn("ledger write failed; {} access events refused:\n{}", batch.size(), eu.haven.core.error.Failures.trace(failure));
            batch.forEach(p -> p.done().completeExceptionally(failure));
            resync();
            return;
        }
        // The tails first, then the tree: a reader that finds the tree as large as the store finds every event in the tails.
        remember(caught);
        remember(events);
        edge = after[0];
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).done().complete(events.get(i).index());
        }
    }

    /**
     * The tree grown by the rows other servers appended after it ({@code missed}, from its size to {@code end}); the tiles
     * they completed are stored already. The rows whose openings verify are added to {@code caught} for the tails; an
     * erasure record or a row that does not verify empties the tails, which then read the store again.
     */
    private TreeEdge caughtUp(TreeEdge tree, long end, List<StoredEvent> missed, List<SequencedEvent> caught) {
        if (end < tree.size()) {
            throw new LedgerIntegrityException("the stored ledger ends at " + end + ", before the " + tree.size() + " entries this server holds");
        }
        if (missed.size() != end - tree.size()) {
            throw new LedgerIntegrityException("the stored ledger has " + missed.size() + " rows between " + tree.size() + " and " + end);
        }
        if (missed.isEmpty()) {
            return tree;
        }
        List<byte[]> leaves = new ArrayList<>(missed.size());
        long index = tree.size();
        boolean clear = false;
        for (StoredEvent row : missed) {
            if (row.index() != index++) {
                throw new LedgerIntegrityException("the stored ledger has a gap at index " + (index - 1));
            }
            leaves.add(Hashes.leaf(row.entry()));
            Optional<SequencedEvent> opening = row.verifiedOpening();
            if (opening.isEmpty() || opening.get().event().erasure().isPresent()) {
                clear = true;
            } else {
                caught.add(opening.get());
            }
        }
        if (clear) {
            caught.clear();
            forgetHeld();
        }
        return tree.append(leaves).edge();
    }

    /**
     * What this server committed or caught up with, into what memory holds of the ledger: the history's tails, and on a
     * lone server the newest events for the access watch (with other servers appending, the watch reads the store, and
     * events kept for it would never be let go).
     */
    private void remember(List<SequencedEvent> events) {
        tails.appended(events);
        if (followedInMemory()) {
            recent.appended(events);
        }
    }

    /** The store may hold what memory never saw (another server's rows, a commit that reported failure): both are emptied. */
    private void forgetHeld() {
        tails.clear();
        recent.clear();
    }

    /** When the sequencer has nothing to do and other servers share the ledger: follows what they appended, once an interval. */
    private void followQuietly() {
        long now = System.nanoTime();
        if (!store.shared() || now - followedAt < settings.checkpointInterval().toNanos()) {
            return;
        }
        followedAt = now;
        try {
            follow();
        } catch (RuntimeException e) {
            LOG.warn("ledger cannot follow the other servers' appends yet:\n{}", eu.haven.core.error.Failures.trace(e));
        }
    }

    private long followedAt = System.nanoTime();

    /** On the sequencer's thread: grows the tree by what other servers appended, a tile's worth of rows at a time. */
    private void follow() {
        long end = store.end();
        while (edge.size() < end) {
            TreeEdge tree = edge;
            int n = (int) Math.min(Tile.WIDTH * 16L, end - tree.size());
            List<StoredEvent> missed = store.events(tree.size(), n);
            List<SequencedEvent> caught = new ArrayList<>();
            TreeEdge grown = caughtUp(tree, tree.size() + missed.size(), missed, caught);
            if (grown.size() == tree.size()) {
                return;
            }
            remember(caught);
            edge = grown;
        }
    }

    /** After a failed write the database may hold more than we know (a commit that reported failure); catch up. */
    private void resync() {
        try {
            long end = store.end();
            if (end != edge.size()) {
                // The tails never saw what the tree now takes in (a commit that reported failure, another server's appends).
                forgetHeld();
                edge = store.edge(end);
            }
        } catch (RuntimeException e) {
            LOG.warn("ledger cannot re-read its tree yet:\n{}", eu.haven.core.error.Failures.trace(e));
        }
    }

    private void checkpointQuietly() {
        try {
            checkpoint();
        } catch (RuntimeException e) {
            LOG.warn("could not sign a ledger checkpoint:\n{}", eu.haven.core.error.Failures.trace(e));
        }
    }

    /** Signs and publishes a checkpoint if the tree has grown since the last one. */
    public synchronized void checkpoint() {
        TreeEdge now = edge;
        if (now.size() != published.checkpoint().size()) {
            publish(now);
        }
    }

    private synchronized void publish(TreeEdge tree) {
        long started = System.nanoTime();
        Checkpoint c = new Checkpoint(settings.origin(), tree.size(), tree.root());
        String note = signer.sign(c.body());
        store.saveCheckpoint(c.size(), note, settings.clock().instant());
        mirror.write(note);
        published = new Published(c, note, tree);
        checkpointTimer.ifPresent(t -> t.record(System.nanoTime() - started, TimeUnit.NANOSECONDS));
    }

    /** The latest signed checkpoint, as served at {@code /ledger/checkpoint}. */
    public String signedCheckpoint() {
        return published.note();
    }

    /** A checkpoint and the consistency proof from {@code old} that a witness needs, both from one published state. */
    public record WitnessSubmission(String note, Checkpoint checkpoint, List<byte[]> proof) {}

    public WitnessSubmission forWitness(long old) {
        Published p = published;
        long size = p.checkpoint().size();
        if (old < 0 || old > size) {
            throw new IllegalArgumentException("a witness's size is between 0 and the checkpoint's");
        }
        List<byte[]> proof = old == 0 || old == size ? List.of()
            : Merkle.consistencyProof(old, size, new TileHashReader(p.edge(), store, cache));
        return new WitnessSubmission(p.note(), p.checkpoint(), proof);
    }

    private record Cosigned(long size, byte[] root, String line) {}

    /** Each witness's latest cosignature line, with the checkpoint it is for. */
    private final java.util.Map<String, Cosigned> cosignatures = new java.util.concurrent.ConcurrentHashMap<>();

    /** Keeps a witness's cosignature (already checked against its key) to serve with the checkpoint it cosigned. */
    public void attachCosignature(Checkpoint checkpoint, String witness, String line) {
        cosignatures.put(witness, new Cosigned(checkpoint.size(), checkpoint.root(), line));
    }

    /** Whether the witness has cosigned the published checkpoint. */
    public boolean isCosigned(String witness) {
        Published p = published;
        Cosigned c = cosignatures.get(witness);
        return c != null && c.size() == p.checkpoint().size() && java.util.Arrays.equals(c.root(), p.checkpoint().root());
    }

    /** The latest signed checkpoint with the cosignatures the witnesses gave it, as served at {@code /ledger/checkpoint}. */
    public String cosignedCheckpoint() {
        return withCosignatures(published);
    }

    private String withCosignatures(Published p) {
        StringBuilder note = new StringBuilder(p.note());
        new java.util.TreeMap<>(cosignatures).values().stream()
            .filter(c -> c.size() == p.checkpoint().size() && java.util.Arrays.equals(c.root(), p.checkpoint().root()))
            .forEach(c -> note.append(c.line()).append('\n'));
        return note.toString();
    }

    public Checkpoint checkpointHead() {
        return published.checkpoint();
    }

    public String vkey() {
        return signer.vkey();
    }

    public String origin() {
        return settings.origin();
    }

    /** A tile of the published tree, or empty if it does not exist (yet) at the published size. */
    public Optional<byte[]> tile(TilePath path) {
        try {
            return readTile(path);
        } catch (RuntimeException e) {
            throw new LedgerUnavailableException(e);
        }
    }

    private Optional<byte[]> readTile(TilePath path) {
        Published p = published;
        long size = p.checkpoint().size();
        if (path.entries()) {
            long from = path.index() * Tile.WIDTH;
            if (from + path.width() > size) {
                return Optional.empty();
            }
            List<byte[]> entries = store.entries(from, path.width());
            return entries.size() == path.width() ? Optional.of(EntryBundle.encode(entries)) : Optional.empty();
        }
        if (path.level() * Tile.HEIGHT >= 64) {
            return Optional.empty();
        }
        long nodes = size >> (Tile.HEIGHT * path.level());
        if (path.index() * Tile.WIDTH + path.width() > nodes) {
            return Optional.empty();
        }
        byte[] hashes = path.index() == p.edge().partialIndex(path.level())
            ? p.edge().partialHashes(path.level())
            : store.fullTile(path.level(), path.index()).orElse(new byte[0]);
        int bytes = path.width() * Hashes.SIZE;
        return hashes.length < bytes ? Optional.empty() : Optional.of(Arrays.copyOf(hashes, bytes));
    }

    /**
     * A receipt (c2sp.org/tlog-proof@v1) for the event at {@code index} against the published
     * checkpoint, with the cosignatures the witnesses have given it so far and the event's opening as extra data; empty if the event is not yet covered, or
     * its opening was erased or does not match its entry.
     */
    public Optional<TlogProof> receipt(long index) {
        try {
            return readReceipt(index);
        } catch (RuntimeException e) {
            throw new LedgerUnavailableException(e);
        }
    }

    private Optional<TlogProof> readReceipt(long index) {
        Published p = published;
        if (index < 0 || index >= p.checkpoint().size()) {
            return Optional.empty();
        }
        Optional<SequencedEvent> opened = store.events(index, 1).stream().findFirst()
            .flatMap(StoredEvent::verifiedOpening);
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        List<byte[]> proof = Merkle.inclusionProof(index, p.checkpoint().size(), new TileHashReader(p.edge(), store, cache));
        return Optional.of(new TlogProof(Optional.of(EventCommitment.opening(opened.get().salt(), opened.get().event())), index, proof,
            withCosignatures(p)));
    }

    /** A consistency proof between an earlier tree size and the published checkpoint. */
    public List<byte[]> consistencyProof(long size1) {
        Published p = published;
        return Merkle.consistencyProof(size1, p.checkpoint().size(), new TileHashReader(p.edge(), store, cache));
    }

    /** The person's events whose openings verify against their public entries, and how many were withheld because they do not. */
    public record History(List<LoggedEvent> events, int withheld) {}

    /**
     * The person's history. An event is shown only if its opening still hashes to its public entry
     * and names the person; any other row naming them was altered in the database, and is withheld
     * (and counted) rather than shown with fields nobody can vouch for.
     */
    public History history(UUID personId) {
        return verified(personId, store.forPerson(personId));
    }

    /**
     * A page of the person's history, newest first: the events below index {@code before}, at most
     * {@code limit}, checked like {@link #history}; {@code older} says whether more remain.
     */
    public HistoryPage historyPage(UUID personId, long before, int limit) {
        // With other servers appending too, the tails hold everything only while this server's tree is as large as the store.
        if (before == Long.MAX_VALUE && limit < tails.keep() && (!store.shared() || followed())) {
            Optional<HistoryTails.Newest> kept = tails.newest(personId, limit);
            if (kept.isPresent()) {
                return new HistoryPage(kept.get().events(), 0, kept.get().older());
            }
            // The newest page: read as many rows as a tail keeps, and keep them when every one verifies.
            HistoryTails.Loading loading = tails.begin(personId);
            List<StoredEvent> rows;
            try {
                rows = store.forPerson(personId, before, tails.keep() + 1);
            } catch (RuntimeException e) {
                tails.drop(personId);
                throw e;
            }
            List<StoredEvent> held = rows.size() > tails.keep() ? rows.subList(0, tails.keep()) : rows;
            History read = verified(personId, held);
            if (read.withheld() == 0) {
                tails.fill(loading, read.events(), rows.size() <= tails.keep());
                kept = tails.newest(personId, limit);
                if (kept.isPresent()) {
                    return new HistoryPage(kept.get().events(), 0, kept.get().older());
                }
            } else {
                tails.drop(personId);
            }
            List<StoredEvent> page = rows.size() > limit ? rows.subList(0, limit) : rows;
            History shown = verified(personId, page);
            return new HistoryPage(shown.events(), shown.withheld(), rows.size() > limit);
        }
        List<StoredEvent> rows = store.forPerson(personId, before, limit + 1);
        boolean older = rows.size() > limit;
        History page = verified(personId, older ? rows.subList(0, limit) : rows);
        return new HistoryPage(page.events(), page.withheld(), older);
    }

    private boolean followed() {
        try {
            return store.end() == edge.size();
        } catch (RuntimeException e) {
            throw new LedgerUnavailableException(e);
        }
    }

    /** The newest events of people who read their history lately (a page of the timeline and a little more). */
    private final HistoryTails tails = new HistoryTails(32, 1024);

    /** Decisions recorded in a period, by outcome ({@code permitted} or the refusal's reason); see {@link LedgerStore#decisionCounts}. */
    public java.util.Map<String, Long> decisionCounts(java.time.Instant from, java.time.Instant to) {
        return store.decisionCounts(from, to);
    }

    /**
     * The events of a period in ledger order, after index {@code after}, at most {@code limit}, each
     * only if its opening verifies against its public entry (the rest withheld and counted);
     * {@code more} says whether the period holds more.
     */
    public Period between(java.time.Instant from, java.time.Instant to, long after, int limit) {
        List<StoredEvent> rows;
        try {
            rows = store.between(from, to, after, limit + 1);
        } catch (RuntimeException e) {
            throw new LedgerUnavailableException(e);
        }
        return period(rows, after, limit);
    }

    /**
     * The events after index {@code after} in ledger order, whatever their time, at most {@code limit}, checked as
     * {@link #between} checks them: read by index, so that a reader that follows the ledger reads only what is new. The
     * newest events this server appended itself come from memory ({@link #followedInMemory}): under load, reading back
     * and checking a minute of events took a fifth of the server's CPU.
     */
    public Period after(long after, int limit) {
        if (followedInMemory()) {
            Optional<Period> held = recent.after(after, limit);
            if (held.isPresent()) {
                return held.get();
            }
        }
        List<StoredEvent> rows;
        try {
            rows = store.events(after + 1, limit + 1);
        } catch (RuntimeException e) {
            throw new LedgerUnavailableException(e);
        }
        return period(rows, after, limit);
    }

    /**
     * Whether {@link #after} is answered from the events this server appended last, kept in memory until the one reader
     * that follows the ledger (the access watch) has taken them: so when no other server appends to the same ledger. That
     * reader then does best to ask often (ten times a second): events it has not taken within about a second under the
     * heaviest load measured make way for newer ones ({@value #RECENT} are kept), and are read from the store instead.
     */
    public boolean followedInMemory() {
        return !store.shared();
    }

    /** How many of the newest events are kept for {@link #after}: the caseload of 5,000 appended 67,000 a second in the benchmark. */
    static final int RECENT = 65_536;

    private final RecentEvents recent = new RecentEvents(RECENT);

    private static Period period(List<StoredEvent> rows, long after, int limit) {
        boolean more = rows.size() > limit;
        List<LoggedEvent> shown = new ArrayList<>();
        int withheld = 0;
        for (StoredEvent row : more ? rows.subList(0, limit) : rows) {
            Optional<SequencedEvent> opening = row.verifiedOpening();
            if (opening.isPresent()) {
                shown.add(new LoggedEvent(row.index(), opening.get().event()));
            } else {
                withheld++;
            }
        }
        long last = rows.isEmpty() ? after : (more ? rows.get(limit - 1) : rows.get(rows.size() - 1)).index();
        return new Period(List.copyOf(shown), withheld, more, last);
    }

    /** Events of a period; {@code last}: the index the next page starts after. */
    public record Period(List<LoggedEvent> events, int withheld, boolean more, long last) {}

    /** Signs a note (c2sp.org/signed-note) with the ledger's key: an export whose origin anyone can check against the ledger's vkey. */
    public String signNote(String body) {
        return signer.sign(body);
    }

    /** A page of a person's history, newest first. */
    public record HistoryPage(List<LoggedEvent> events, int withheld, boolean older) {}

    private History verified(UUID personId, List<StoredEvent> rows) {
        List<LoggedEvent> shown = new ArrayList<>();
        int withheld = 0;
        for (StoredEvent row : rows) {
            Optional<SequencedEvent> opening = row.verifiedOpening()
                .filter(o -> o.event().personId().equals(Optional.of(personId)));
            if (opening.isPresent()) {
                shown.add(new LoggedEvent(row.index(), opening.get().event()));
            } else {
                withheld++;
                LOG.error("the ledger event at index {} does not match its public entry and is withheld: the database was altered", row.index());
            }
        }
        return new History(List.copyOf(shown), withheld);
    }

    @Override
    public List<LoggedEvent> forPerson(UUID personId) {
        return history(personId).events();
    }

    /**
     * Appends signed erasure records listing every event naming the person, then blanks those
     * events' openings. Should the blanking fail, the records only list openings still present,
     * which the audit accepts; a blank is never left without a record.
     */
    @Override
    public long forget(UUID personId) {
        tails.drop(personId);
        List<Long> indices;
        try {
            indices = store.indicesNaming(personId);
        } catch (RuntimeException e) {
            throw new LedgerUnavailableException(e);
        }
        if (indices.isEmpty()) {
            return 0;
        }
        for (AccessEvent record : ErasureRecord.covering(indices, signer, settings.clock().instant())) {
            append(record);
        }
        try {
            return store.eraseOpenings(personId, indices.get(indices.size() - 1));
        } catch (RuntimeException e) {
            throw new LedgerUnavailableException(e);
        } finally {
            tails.drop(personId);
            recent.clear();
        }
    }

    /** Whether appends can be made now: the sequencer runs and the ledger's table answers. */
    public boolean ready() {
        if (!running || !sequencer.isAlive() || integrityFailed) {
            return false;
        }
        try {
            store.entries(Math.max(0, edge.size() - 1), 1);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public long size() {
        return edge.size();
    }

    /** Stops taking appends, sequences what is queued, signs a last checkpoint. */
    @Override
    public void close() {
        if (!running) {
            return;
        }
        running = false;
        backgroundAuditStart.countDown();
        synchronized (auditPause) {
            auditPause.notifyAll();
        }
        try {
            sequencer.join(settings.appendTimeout().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        checkpointer.shutdownNow();
        checkpointQuietly();
    }
}
