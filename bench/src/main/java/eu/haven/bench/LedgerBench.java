package eu.haven.bench;

import eu.haven.core.audit.CheckpointMirror;
import eu.haven.core.audit.Ledger;
import eu.haven.event.AccessEvent;
import eu.haven.ledger.Hashes;
import eu.haven.ledger.Merkle;
import eu.haven.ledger.NoteSigner;
import eu.haven.ledger.Tile;
import eu.haven.ledger.TileHashReader;
import eu.haven.ledger.TreeEdge;
import eu.haven.store.Database;
import eu.haven.store.DatabaseConfig;
import eu.haven.store.JdbcLedgerStore;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ./haven bench ledger}: durable appends per second through the real sequencer and store
 * (H2 file, and PostgreSQL when reachable), time from append to a signed checkpoint, and proof
 * generation at 10 million entries from tiles in the database.
 */
final class LedgerBench {
    private static final String ORIGIN = "bench.haven/access";
    private static final int CLIENTS = 256;

    private LedgerBench() {}

    static boolean run(boolean quick) throws Exception {
        boolean holds = true;
        Path dir = Files.createTempDirectory("haven-bench-ledger");
        System.out.println("== ledger: " + CLIENTS + " concurrent clients appending access events, group commit, checkpoint every 1 s");
        holds &= appends("H2 (file, " + dir + ")", DatabaseConfig.h2File(dir.resolve("appends")), quick);
        Optional<DatabaseConfig> pg = postgres();
        if (pg.isPresent()) {
            holds &= appends("PostgreSQL (" + pg.get().url() + ")", pg.get(), quick);
        } else {
            System.out.println("PostgreSQL not reachable (set HAVEN_BENCH_POSTGRES to a JDBC URL); its figures are not measured.");
        }
        holds &= proofs(DatabaseConfig.h2File(dir.resolve("proofs")), quick ? 500 : 2000);
        holds &= WitnessBench.run(quick);
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
        return holds;
    }

    private static Optional<DatabaseConfig> postgres() {
        String url = Optional.ofNullable(System.getenv("HAVEN_BENCH_POSTGRES")).orElse("jdbc:postgresql://127.0.0.1:5432/test");
        String user = Optional.ofNullable(System.getenv("HAVEN_BENCH_POSTGRES_USER")).orElse("postgres");
        try (var c = java.sql.DriverManager.getConnection(url, user, System.getenv().getOrDefault("HAVEN_BENCH_POSTGRES_PASSWORD", ""))) {
            return Optional.of(new DatabaseConfig(url, user, System.getenv().getOrDefault("HAVEN_BENCH_POSTGRES_PASSWORD", ""),
                Optional.of("bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12))));
        } catch (java.sql.SQLException e) {
            return Optional.empty();
        }
    }

    private static NoteSigner signer() {
        KeyPair kp = NoteSigner.generate();
        return new NoteSigner(ORIGIN, kp.getPrivate(), NoteSigner.rawPublic(kp.getPublic()));
    }

    private static CheckpointMirror memoryMirror() {
        var note = new java.util.concurrent.atomic.AtomicReference<String>();
        return new CheckpointMirror() {
            public Optional<String> read() {
                return Optional.ofNullable(note.get());
            }

            public void write(String n) {
                note.set(n);
            }
        };
    }

    private static AccessEvent event() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return AccessEvent.byCaseworker(Instant.now(), new UUID(r.nextLong(), r.nextLong()), "city-shelter", "read", "shelter",
            new UUID(r.nextLong(), r.nextLong()), new LinkedHashSet<>(List.of("identity", "housing")), Optional.empty());
    }

    private static boolean appends(String label, DatabaseConfig config, boolean quick) throws Exception {
        Duration warm = Duration.ofSeconds(quick ? 3 : 5);
        Duration measure = Duration.ofSeconds(quick ? 10 : 30);
        try (Database db = Database.open(config)) {
            boolean holds = appends(label, db, warm, measure);
            config.schema().ifPresent(s -> db.autonomous(h -> h.execute("DROP SCHEMA " + s + " CASCADE")));
            return holds;
        }
    }

    private static boolean appends(String label, Database db, Duration warm, Duration measure) throws Exception {
        if (label.startsWith("PostgreSQL")) {
            db.autonomous(h -> {
                System.out.println(label + ": fsync=" + h.createQuery("SHOW fsync").mapTo(String.class).one() + ", synchronous_commit="
                    + h.createQuery("SHOW synchronous_commit").mapTo(String.class).one());
                return null;
            });
        } else {
            System.out.println(label + ": each commit is written to the operating system before the append returns (survives a killed "
                + "process); H2 does not force it to the disk, PostgreSQL does.");
        }
        try (Ledger ledger = Ledger.open(new JdbcLedgerStore(db), signer(), memoryMirror(), Ledger.Settings.defaults(ORIGIN))) {
            AtomicBoolean measuring = new AtomicBoolean(false);
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicLong done = new AtomicLong();
            AtomicLong failed = new AtomicLong();
            ConcurrentLinkedQueue<long[]> samples = new ConcurrentLinkedQueue<>();
            List<long[]> checkpoints = new ArrayList<>();
            List<Thread> clients = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                clients.add(Thread.ofVirtual().start(() -> {
                    long n = 0;
                    while (running.get()) {
                        long start = System.nanoTime();
                        try {
                            long index = ledger.append(event());
                            if (measuring.get()) {
                                done.incrementAndGet();
                                if (++n % 50 == 0) {
                                    samples.add(new long[] {index, start});
                                }
                            }
                        } catch (RuntimeException e) {
                            failed.incrementAndGet();
                        }
                    }
                }));
            }
            Thread watcher = Thread.ofPlatform().start(() -> {
                long last = -1;
                while (running.get()) {
                    long size = ledger.checkpointHead().size();
                    if (size != last) {
                        synchronized (checkpoints) {
                            checkpoints.add(new long[] {size, System.nanoTime()});
                        }
                        last = size;
                    }
                    try {
                        Thread.sleep(2);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            Thread.sleep(warm.toMillis());
            long sizeBefore = ledger.size();
            measuring.set(true);
            long t0 = System.nanoTime();
            Thread.sleep(measure.toMillis());
            measuring.set(false);
            double seconds = (System.nanoTime() - t0) / 1e9;
            long appended = done.get();
            Thread.sleep(2500);
            running.set(false);
            for (Thread t : clients) {
                t.join();
            }
            watcher.interrupt();
            watcher.join();
            double rate = appended / seconds;
            List<Double> latencies = new ArrayList<>();
            synchronized (checkpoints) {
                for (long[] s : samples) {
                    for (long[] c : checkpoints) {
                        if (c[0] > s[0]) {
                            latencies.add((c[1] - s[1]) / 1e6);
                            break;
                        }
                    }
                }
            }
            latencies.sort(Double::compare);
            double median = latencies.isEmpty() ? Double.NaN : latencies.get(latencies.size() / 2);
            double p99 = latencies.isEmpty() ? Double.NaN : latencies.get((int) (latencies.size() * 0.99));
            System.out.printf(Locale.ROOT, "%s: %,d durable appends in %.1f s = %,.0f appends/s (%d failed); log grew from %,d to %,d%n",
                label, appended, seconds, rate, failed.get(), sizeBefore, ledger.size());
            System.out.printf(Locale.ROOT, "%s: append to signed checkpoint: median %.0f ms, p99 %.0f ms (%d samples)%n",
                label, median, p99, latencies.size());
            boolean rateHolds = rate >= 10_000 && failed.get() == 0;
            boolean latencyHolds = median <= 1000;
            System.out.printf(Locale.ROOT, "GOAL %s >= 10,000 durable appends/s: %s (%,.0f/s)%n", label, rateHolds ? "HOLDS" : "FAILS", rate);
            System.out.printf(Locale.ROOT, "GOAL %s median append-to-checkpoint <= 1 s: %s (%.0f ms)%n", label, latencyHolds ? "HOLDS" : "FAILS", median);
            return rateHolds && latencyHolds;
        }
    }

    /** Builds the tiles of a 10-million-entry tree in the database, then times proofs read from them. */
    private static boolean proofs(DatabaseConfig config, int samples) throws Exception {
        long size = 10_000_000L;
        System.out.println("== ledger proofs: building the hash tiles of a " + String.format(Locale.ROOT, "%,d", size)
            + "-entry tree in H2 (leaf i = SHA-256 of i)...");
        long b0 = System.nanoTime();
        try (Database db = Database.open(config)) {
            TreeEdge edge = TreeEdge.empty();
            int batch = 1 << 16;
            for (long from = 0; from < size; from += batch) {
                List<byte[]> leaves = new ArrayList<>(batch);
                for (long i = from; i < Math.min(size, from + batch); i++) {
                    leaves.add(Hashes.leaf(ByteBuffer.allocate(8).putLong(i).array()));
                }
                TreeEdge.Appended a = edge.append(leaves);
                insertTiles(db, a.completedTiles());
                edge = a.edge();
            }
            System.out.printf(Locale.ROOT, "built in %.1f s%n", (System.nanoTime() - b0) / 1e9);
            JdbcLedgerStore store = new JdbcLedgerStore(db);
            TileHashReader reader = new TileHashReader(edge, store, new TileHashReader.Cache(64));
            byte[] root = edge.root();
            double[] inclusion = new double[samples];
            double[] consistency = new double[samples];
            ThreadLocalRandom r = ThreadLocalRandom.current();
            for (int round = -1; round < samples; round++) {
                long index = r.nextLong(size);
                long t0 = System.nanoTime();
                List<byte[]> proof = Merkle.inclusionProof(index, size, reader);
                long t1 = System.nanoTime();
                long size1 = 1 + r.nextLong(size - 1);
                List<byte[]> cproof = Merkle.consistencyProof(size1, size, reader);
                long t2 = System.nanoTime();
                Merkle.verifyInclusion(index, size, Hashes.leaf(ByteBuffer.allocate(8).putLong(index).array()), proof, root);
                if (round >= 0) {
                    inclusion[round] = (t1 - t0) / 1e3;
                    consistency[round] = (t2 - t1) / 1e3;
                }
                if (cproof.isEmpty()) {
                    throw new IllegalStateException("empty consistency proof");
                }
            }
            Arrays.sort(inclusion);
            Arrays.sort(consistency);
            System.out.printf(Locale.ROOT, "inclusion proof at 10M (tiles read from H2, 64-tile cache): median %.0f us, p99 %.0f us (%d proofs)%n",
                inclusion[samples / 2], inclusion[(int) (samples * 0.99)], samples);
            System.out.printf(Locale.ROOT, "consistency proof at 10M: median %.0f us, p99 %.0f us%n",
                consistency[samples / 2], consistency[(int) (samples * 0.99)]);
            boolean holds = inclusion[samples / 2] <= 1000 && consistency[samples / 2] <= 1000;
            System.out.printf(Locale.ROOT, "GOAL proof generation <= 1 ms at 10M entries (median): %s%n", holds ? "HOLDS" : "FAILS");
            return holds;
        }
    }

    private static void insertTiles(Database db, List<Tile> tiles) {
        if (tiles.isEmpty()) {
            return;
        }
        db.autonomous(h -> {
            var batch = h.prepareBatch("INSERT INTO ledger_tiles (tile_level, idx, hashes) VALUES (:l, :i, :h)");
            tiles.forEach(t -> batch.bind("l", t.level()).bind("i", t.index()).bind("h", t.hashes()).add());
            batch.execute();
            return null;
        });
    }
}
