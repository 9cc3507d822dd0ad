package eu.haven.core.audit;

import eu.haven.ledger.Checkpoint;
import eu.haven.ledger.Hashes;
import eu.haven.ledger.NoteVerifier;
import eu.haven.ledger.Tile;
import eu.haven.ledger.TilePath;
import eu.haven.ledger.TreeEdge;
import eu.haven.ledger.TrustedKeys;
import eu.haven.ledger.VerificationException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Checks the whole stored ledger: dense indices, every private event against its public entry,
 * every blank opening against the signed erasure records that list it, every stored hash tile
 * against the entries, and the tree against the last signed checkpoints
 * (the database's and the copy kept outside it). Run on every start; any disagreement is a
 * {@link LedgerIntegrityException} and the server does not serve.
 */
public final class LedgerAudit {
    private final LedgerStore store;
    private final TrustedKeys key;
    private final CheckpointMirror mirror;

    public LedgerAudit(LedgerStore store, NoteVerifier key, CheckpointMirror mirror) {
        this(store, TrustedKeys.only(key), mirror);
    }

    /** With the log's keys by tree size: checkpoints and erasure records signed before a key rotation open with the old key. */
    public LedgerAudit(LedgerStore store, TrustedKeys keys, CheckpointMirror mirror) {
        this.store = store;
        this.key = keys;
        this.mirror = mirror;
    }

    /** A signed checkpoint note and what it says, its signature verified. */
    public record Signed(String note, Checkpoint checkpoint) {}

    /** The verified tree and the latest signed checkpoint stored, if any. */
    public record Report(TreeEdge edge, Optional<Signed> latestCheckpoint) {}

    public Report run() {
        Start start = start();
        TreeEdge edge = TreeEdge.empty();
        check(edge, start.targets());
        return new Report(scan(edge, start), start.latest());
    }

    /**
     * Checks only what was added since {@code audited}, a checkpoint signed when an earlier audit of the whole ledger
     * passed: the stored tree's edge at that size must hash to that checkpoint's root (so the stored tree extends the
     * audited one), then every entry after it is checked as {@link #run} checks it. The entries before it are left to a
     * whole audit, which the server runs in the background.
     */
    public Report runFrom(Checkpoint audited) {
        Start start = start(audited.size());
        if (audited.size() > start.n()) {
            throw fail("the last audit covered " + audited.size() + " entries but the ledger holds only " + start.n()
                + ": entries were deleted");
        }
        TreeEdge edge;
        try {
            edge = store.edge(audited.size());
        } catch (VerificationException e) {
            throw fail(e.getMessage());
        }
        if (!MessageDigest.isEqual(edge.root(), audited.root())) {
            throw fail("the first " + audited.size() + " entries no longer hash to the root the last audit signed: "
                + "entries or hash tiles were altered, removed, reordered or inserted");
        }
        check(edge, start.targets());
        return new Report(scan(edge, start), start.latest());
    }

    /** What both audits check first: dense indices, and the signed checkpoints against each other and the ledger's size. */
    private record Start(long n, Optional<Signed> latest, TreeMap<Long, Checkpoint> targets) {
    }

    private Start start() {
        return start(0);
    }

    /** As the whole audit's start, counting only the events from {@code from} on (those before are a whole audit's to count). */
    private Start start(long from) {
        // Read in the order the ledger writes (entries, then the database's checkpoint, then the copy beside the key),
        // backwards, so that an audit of a running ledger never sees a checkpoint ahead of what it counts.
        Optional<Checkpoint> outside = mirror.read().map(note -> open(note, "the checkpoint copy kept beside the signing key"));
        Optional<Signed> latest = store.latestCheckpoint().map(note -> new Signed(note, open(note, "the database's latest checkpoint")));
        Optional<Checkpoint> inDb = latest.map(Signed::checkpoint);
        LedgerStore.Extent extent = store.extentFrom(from);
        if (extent.end() >= from && extent.count() != extent.end() - from) {
            throw fail("the ledger holds " + extent.count() + " events for the indices " + from + " to " + (extent.end() - 1)
                + ": rows were deleted or inserted");
        }
        long n = extent.end();
        if (outside.isPresent() && (inDb.isEmpty() || inDb.get().size() < outside.get().size())) {
            throw fail("the server last signed a checkpoint of " + outside.get().size() + " entries, but the database's latest is "
                + inDb.map(c -> c.size() + " entries").orElse("missing") + ": the database was rolled back or its checkpoints were removed");
        }
        TreeMap<Long, Checkpoint> targets = new TreeMap<>();
        for (Checkpoint c : List.of(inDb, outside).stream().flatMap(Optional::stream).toList()) {
            Checkpoint same = targets.putIfAbsent(c.size(), c);
            if (same != null && !MessageDigest.isEqual(same.root(), c.root())) {
                throw fail("two checkpoints of " + c.size() + " entries with different root hashes");
            }
            if (c.size() > n) {
                throw fail("a signed checkpoint covers " + c.size() + " entries but the ledger holds only " + n + ": entries were deleted");
            }
        }
        return new Start(n, latest, targets);
    }

    /** Every entry from the edge's size on: openings, blanks, tiles and the checkpoints among them; then the tile counts. */
    private TreeEdge scan(TreeEdge edge, Start start) {
        long n = start.n();
        TreeMap<Long, Checkpoint> targets = start.targets();
        Blanks blanks = new Blanks();
        long first = edge.size();
        PersonLinks links = new PersonLinks(first);
        // The rows are read a stretch of tiles at a time, the next stretch on another thread while this one is checked.
        Prefetch rows = new Prefetch(first, n);
        for (long from = first; from < n; from += Tile.WIDTH - (from % Tile.WIDTH)) {
            int count = (int) Math.min(Tile.WIDTH - (from % Tile.WIDTH), n - from);
            List<StoredEvent> events = rows.take(from, count);
            List<byte[]> leaves = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                if (i >= events.size()) {
                    throw fail("the ledger has no event at index " + (from + i) + ": rows were deleted");
                }
                StoredEvent e = events.get(i);
                if (e.index() != from + i) {
                    throw fail("the ledger's indices are not in order at " + (from + i));
                }
                if (e.opening().isEmpty()) {
                    blanks.blank(e.index());
                } else if (!rows.matches(from + i)) {
                    throw fail("the event at index " + e.index() + " does not match its public entry: the private record was altered");
                } else if (e.opening().get().event().erasure().isPresent()) {
                    blanks.cover(erasure(e));
                }
                links.check(e);
                leaves.add(Hashes.leaf(e.entry()));
            }
            int done = 0;
            for (long cut : targets.subMap(from, false, from + count, true).keySet()) {
                edge = appendChecked(edge, leaves.subList(done, (int) (cut - from)));
                check(edge, targets);
                done = (int) (cut - from);
            }
            edge = appendChecked(edge, leaves.subList(done, count));
        }
        blanks.firstUncovered().ifPresent(i -> {
            throw fail("the event at index " + i + " has no opening and no erasure record in the ledger lists it: "
                + "its private record was removed or blanked");
        });
        // After the openings: a blanked or altered opening breaks the links too, and is the first thing to know.
        links.failure().ifPresent(f -> {
            throw f;
        });
        links.checkHeads(n);
        List<Long> stored = store.tileCounts();
        for (int level = 0; level < Math.max(stored.size(), 8); level++) {
            long expected = (n >> (Tile.HEIGHT * level)) / Tile.WIDTH;
            long have = level < stored.size() ? stored.get(level) : 0;
            // More tiles than the counted entries make are explained only by entries appended since they were counted.
            if (have < expected || (have > expected && store.extent().end() == n)) {
                throw fail("the ledger stores " + have + " full hash tiles of level " + level + " where its entries make " + expected);
            }
        }
        return edge;
    }

    /**
     * The links by which the store finds a person's events ({@link StoredEvent#previous}, {@link LedgerStore#personHeads}):
     * an event naming a person links to the previous event naming them, or to nothing when there is none; a blank row or
     * an event naming nobody links to nothing; each person's head is their newest event. Altered, a link would hide
     * events from the person's own history. An audit from a mark cannot check a link to an event before the mark, nor
     * the heads of people named only before it: the whole audit does.
     */
    private final class PersonLinks {
        private final long first;
        private final java.util.Map<java.util.UUID, Long> newest = new java.util.HashMap<>();
        private Optional<LedgerIntegrityException> failure = Optional.empty();

        PersonLinks(long first) {
            this.first = first;
        }

        /** The first link found altered. */
        Optional<LedgerIntegrityException> failure() {
            return failure;
        }

        void check(StoredEvent e) {
            if (failure.isEmpty()) {
                try {
                    checkLink(e);
                } catch (LedgerIntegrityException altered) {
                    failure = Optional.of(altered);
                }
            }
        }

        private void checkLink(StoredEvent e) {
            Optional<java.util.UUID> person = e.opening().flatMap(o -> o.event().personId());
            if (person.isEmpty()) {
                if (e.previous().isPresent()) {
                    throw fail("the event at index " + e.index() + " names nobody but links to the event at index "
                        + e.previous().getAsLong() + ": the links by which a person's events are found were altered");
                }
                return;
            }
            Long before = newest.put(person.get(), e.index());
            java.util.OptionalLong expected = before == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(before);
            boolean beforeMark = before == null && e.previous().isPresent() && e.previous().getAsLong() < first;
            // An erasure since the previous event was read blanked it and cut this link.
            boolean erasedSince = before != null && e.previous().isEmpty() && blankNow(before);
            if (!expected.equals(e.previous()) && !beforeMark && !erasedSince) {
                throw fail("the event at index " + e.index() + " links to " + describe(e.previous()) + " where the previous event "
                    + "naming the same person is " + describe(expected) + ": the links by which a person's events are found were "
                    + "altered, which hides events from the person's own history");
            }
        }

        void checkHeads(long n) {
            Optional<java.util.Map<java.util.UUID, Long>> stored = store.personHeads();
            if (stored.isEmpty()) {
                return;
            }
            java.util.Map<java.util.UUID, Long> heads = stored.get();
            newest.forEach((person, last) -> {
                Long head = heads.get(person);
                // A head beyond the counted entries moved with an append since; a missing one, with an erasure since.
                if (head == null ? !blankNow(last) : head < n && head != last.longValue()) {
                    throw fail("a person's events are found from " + (head == null ? "none" : "index " + head)
                        + " where their newest event is at index " + last + ": the heads by which a person's events are found were altered");
                }
            });
            if (first == 0) {
                heads.forEach((person, head) -> {
                    if (head < n && !newest.containsKey(person)) {
                        throw fail("a person's events are found from index " + head + ", which names somebody else or nobody: "
                            + "the heads by which a person's events are found were altered");
                    }
                });
            }
        }

        /** Whether the row has no opening now (an erasure blanked it while the audit read on). */
        private boolean blankNow(long index) {
            return store.events(index, 1).stream().noneMatch(r -> r.opening().isPresent());
        }

        private static String describe(java.util.OptionalLong index) {
            return index.isPresent() ? "index " + index.getAsLong() : "none";
        }
    }

    /** Rows as stored, and for each whether its opening hashes to its entry (false without an opening). */
    private record Stretch(List<StoredEvent> rows, boolean[] matches) {
        static final Stretch NONE = new Stretch(List.of(), new boolean[0]);

        static Stretch read(LedgerStore store, long from, int count) {
            List<StoredEvent> rows = store.events(from, count);
            boolean[] matches = new boolean[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                matches[i] = rows.get(i).verifiedOpening().isPresent();
            }
            return new Stretch(rows, matches);
        }
    }

    /**
     * Reads {@link #STRETCH} rows at a time on another thread, which also hashes their openings: the next stretch is read
     * and hashed while the tree grows by this one, so that an audit takes both of a small server's cores.
     */
    private final class Prefetch {
        private final long end;
        private long next;
        private java.util.concurrent.CompletableFuture<Stretch> ahead;
        private Stretch current = Stretch.NONE;
        private long currentFrom;

        Prefetch(long from, long end) {
            this.next = from;
            this.end = end;
            this.ahead = fetch();
        }

        private java.util.concurrent.CompletableFuture<Stretch> fetch() {
            long from = next;
            int count = (int) Math.min(STRETCH - (from % Tile.WIDTH), end - from);
            next = from + Math.max(0, count);
            if (count <= 0) {
                return java.util.concurrent.CompletableFuture.completedFuture(Stretch.NONE);
            }
            return java.util.concurrent.CompletableFuture.supplyAsync(() -> Stretch.read(store, from, count), READER);
        }

        /** The rows {@code [from, from + count)}, as stored (fewer where rows are missing: the caller finds the gap). */
        List<StoredEvent> take(long from, int count) {
            if (from >= currentFrom + current.rows().size()) {
                currentFrom = from;
                try {
                    current = ahead.join();
                } catch (java.util.concurrent.CompletionException e) {
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    throw e.getCause() instanceof RuntimeException r ? r : e;
                }
                ahead = fetch();
            }
            int at = (int) (from - currentFrom);
            List<StoredEvent> rows = current.rows();
            return rows.subList(Math.min(at, rows.size()), Math.min(at + count, rows.size()));
        }

        /** Whether the opening of the row at {@code index}, taken before, hashes to its entry. */
        boolean matches(long index) {
            return current.matches()[(int) (index - currentFrom)];
        }
    }

    /** Rows read by one query of the audit: sixteen tiles. */
    private static final int STRETCH = Tile.WIDTH * 16;

    /** The audit's reader threads: daemons, so that an audit left behind never keeps the process alive. */
    private static final java.util.concurrent.Executor READER = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "haven-ledger-audit-reader");
        t.setDaemon(true);
        return t;
    });

    private List<ErasureRecord.Range> erasure(StoredEvent e) {
        try {
            return ErasureRecord.open(e.opening().get().event(), e.index(), key);
        } catch (VerificationException bad) {
            throw fail("the erasure record at index " + e.index() + " does not verify: " + bad.getMessage());
        }
    }

    private TreeEdge appendChecked(TreeEdge edge, List<byte[]> leaves) {
        TreeEdge.Appended a = edge.append(leaves);
        for (Tile t : a.completedTiles()) {
            byte[] stored = store.fullTile(t.level(), t.index()).orElseThrow(() ->
                fail("the stored tree lacks hash tile " + TilePath.hashes(t.level(), t.index(), Tile.WIDTH)));
            if (!MessageDigest.isEqual(stored, t.hashes())) {
                throw fail("stored hash tile " + TilePath.hashes(t.level(), t.index(), Tile.WIDTH) + " does not match the entries");
            }
        }
        return a.edge();
    }

    private static void check(TreeEdge edge, TreeMap<Long, Checkpoint> targets) {
        Checkpoint c = targets.get(edge.size());
        if (c != null && !MessageDigest.isEqual(edge.root(), c.root())) {
            throw fail("the first " + c.size() + " entries no longer hash to the root of the checkpoint signed for them: "
                + "entries were altered, removed, reordered or inserted");
        }
    }

    private Checkpoint open(String note, String what) {
        try {
            return key.open(note);
        } catch (VerificationException e) {
            throw fail(what + " does not verify with this server's ledger keys: " + e.getMessage());
        }
    }

    private static LedgerIntegrityException fail(String message) {
        return new LedgerIntegrityException("The access ledger failed its integrity check: " + message + ".");
    }
}
