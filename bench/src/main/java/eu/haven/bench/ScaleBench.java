package eu.haven.bench;

import eu.haven.app.DemoData;
import eu.haven.app.Haven;
import eu.haven.app.HavenConfig;
import eu.haven.core.audit.Ledger;
import eu.haven.core.crypto.KeyedHash;
import eu.haven.core.crypto.MasterKey;
import eu.haven.core.crypto.PasswordHasher;
import eu.haven.core.crypto.PersonKeys;
import eu.haven.core.crypto.Sealer;
import eu.haven.core.person.AccessCodes;
import eu.haven.core.person.Profiles;
import eu.haven.core.record.Records;
import eu.haven.event.AccessEvent;
import eu.haven.store.Database;
import eu.haven.store.FilePersonKeyStore;
import eu.haven.store.MasterKeyFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.SecretKey;

/**
 * The http figures at the size of a city: 100,000 people (a data key each, in the key store), 1,000,000
 * records (sealed) and 10,000,000 ledger events (through the real sequencer) on PostgreSQL, loaded by
 * the application's own classes; then the server in its own JVM and the same wrk load, plus the
 * database size and the time to load. The people share one Argon2id access-code hash: codes are not
 * used here, and hashing 100,000 of them would only measure Argon2id.
 */
final class ScaleBench {
    private static final int RECORDS_PER_PERSON = 10;
    private static final int BATCH = 500;

    private ScaleBench() {}

    static boolean run(boolean quick) throws Exception {
        int persons = quick ? 2_000 : 100_000;
        long events = quick ? 200_000 : 10_000_000;
        // About a week of a city's accesses (5,000,000 a year), appended after the last whole audit: what a restart audits.
        long addedAfterAudit = quick ? 10_000 : 100_000;
        // A day of a city's accesses (5,000,000 a year): at most what a restart audits once its server has run a day.
        long day = quick ? 2_000 : 14_000;
        System.out.printf(Locale.ROOT, "== scale: %,d people, %,d records, %,d ledger events on PostgreSQL, then the http load%n",
            persons, (long) persons * RECORDS_PER_PERSON, events);
        Optional<String> wrk = HttpBench.Wrk.find();
        Optional<String> admin = ScratchDatabase.server();
        if (wrk.isEmpty() || admin.isEmpty()) {
            System.out.println("needs wrk and a reachable PostgreSQL (HAVEN_BENCH_POSTGRES); not measured.");
            System.out.println("GOAL scale: NOT MEASURED");
            return false;
        }
        Path dir = Files.createTempDirectory("haven-bench-scale");
        try (ScratchDatabase scratch = ScratchDatabase.create(admin.get(), "haven_scale_")) {
            String url = scratch.url();
            HavenConfig config = HavenConfig.of(0, dir, Optional.of(url), ScratchDatabase.user(), ScratchDatabase.password(), Optional.empty(),
                Optional.empty(), Optional.empty()).withConnectionsPerAddress(4096);
            long t0 = System.nanoTime();
            List<UUID> people;
            long size;
            try (Haven haven = new Haven(config)) {
                DemoData.seed(haven.staffAdmin());
                people = loadPeople(haven.database(), config, persons);
                double peopleSeconds = (System.nanoTime() - t0) / 1e9;
                System.out.printf(Locale.ROOT, "loaded %,d people and %,d records in %.1f s%n", persons,
                    (long) persons * RECORDS_PER_PERSON, peopleSeconds);
                long t1 = System.nanoTime();
                fillLedger(haven.ledger(), people, events - haven.ledger().size(), java.time.Duration.ofDays(730));
                System.out.printf(Locale.ROOT, "appended %,d ledger events in %.1f s (%,.0f/s)%n", haven.ledger().size(),
                    (System.nanoTime() - t1) / 1e9, haven.ledger().size() / ((System.nanoTime() - t1) / 1e9));
                Ledger.AuditOutcome whole = haven.ledger().auditNow();
                System.out.printf(Locale.ROOT, "whole audit of %,d events (as `haven ledger audit` and the background audit run it): %.1f s, %s%n",
                    whole.size(), whole.took().toMillis() / 1e3, whole.passed() ? "passed" : "FAILED");
                fillLedger(haven.ledger(), people, addedAfterAudit);
                // Statistics, as autovacuum keeps them on a server that grew over time (it is off on some machines here).
                haven.database().with(h -> h.execute("ANALYZE"));
                size = haven.database().with(h -> h.createQuery("SELECT pg_database_size(current_database())").mapTo(Long.class).one());
            }
            System.out.printf(Locale.ROOT, "time to load: %.1f s; database size %,d MB; key store %,d files%n",
                (System.nanoTime() - t0) / 1e9, size / (1024 * 1024), persons);
            long t2 = System.nanoTime();
            long firstStart = System.currentTimeMillis();
            Process server = HttpBench.startServer(dir, Optional.of(url), "serve", java.time.Duration.ofMinutes(30));
            System.out.printf(Locale.ROOT, "first server start at %,d events (auditing the %,d added after the last whole audit; "
                + "no class-data archive yet): %.1f s%n", events + addedAfterAudit, addedAfterAudit, (System.nanoTime() - t2) / 1e9);
            printStartLine(dir);
            boolean http;
            try {
                long t3 = System.nanoTime();
                awaitWholeAudit(config.ledger().auditedCopy(), firstStart, server);
                System.out.printf(Locale.ROOT, "the server's background whole audit finished %.1f s later%n", (System.nanoTime() - t3) / 1e9);
                // The people were loaded beside the server, so it indexes their names for the caseload filter in the background:
                // let it finish, or the load measures that job as well.
                boolean indexed = awaitLogLine(dir, "Indexed the names", server, java.time.Duration.ofMinutes(20));
                System.out.printf(Locale.ROOT, "%s %.1f s after the start; the load starts now%n",
                    indexed ? "the caseload's name index was complete" : "the caseload's name index was still being made",
                    (System.currentTimeMillis() - firstStart) / 1e3);
                String base = HttpBench.base(dir);
                List<String> paths = new ArrayList<>();
                for (int i = 0; i < 1000; i++) {
                    paths.add("/api/v1/persons/" + people.get(ThreadLocalRandom.current().nextInt(people.size())) + "/records");
                }
                http = HttpBench.measure("scale PostgreSQL", base, server,
                    new HttpBench.Filled(new BenchClient(base).login("shelter.worker"), paths),
                    wrk.get(), dir, quick);
            } finally {
                HttpBench.stop(server);
            }
            // A restart right after the load: every event the load appended (a burst of days of a city's accesses) was
            // appended after the last whole audit, so the restart audits them all.
            long audited = noteSize(config.ledger().auditedCopy());
            long total = noteSize(config.ledger().checkpointCopy());
            long t4 = System.nanoTime();
            long againStarted = System.currentTimeMillis();
            Process again = HttpBench.startServer(dir, Optional.of(url), "serve", java.time.Duration.ofMinutes(30));
            double burst = (System.nanoTime() - t4) / 1e9;
            System.out.printf(Locale.ROOT, "restart right after the load, at %,d events, auditing the %,d added since the last whole audit: %.1f s%n",
                total, total - audited, burst);
            printStartLine(dir);
            // A restart after a day: a server audits the whole ledger in the background after each start and then daily,
            // so a restart audits what was appended since that audit began: at most about a day of accesses. Here the
            // restarted server's background audit passes, a day of accesses is appended through a second server on the
            // same database, and then the server is restarted.
            try {
                awaitWholeAudit(config.ledger().auditedCopy(), againStarted, again);
                try (Haven second = new Haven(config)) {
                    fillLedger(second.ledger(), people, day);
                }
            } finally {
                HttpBench.stop(again);
            }
            audited = noteSize(config.ledger().auditedCopy());
            total = noteSize(config.ledger().checkpointCopy());
            long t5 = System.nanoTime();
            Process third = HttpBench.startServer(dir, Optional.of(url), "serve", java.time.Duration.ofMinutes(30));
            double restart = (System.nanoTime() - t5) / 1e9;
            HttpBench.stop(third);
            System.out.printf(Locale.ROOT, "restart a day after the last whole audit, at %,d events, auditing the %,d added since: %.1f s%n",
                total, total - audited, restart);
            printStartLine(dir);
            boolean startGoal = restart <= 5.0;
            System.out.printf(Locale.ROOT, "GOAL scale start-up <= 5 s (a restart a day after the last whole audit): %s%n",
                startGoal ? "MET" : "MISSED");
            return http && startGoal;
        } finally {
            HttpBench.delete(dir);
        }
    }

    /** Waits until the server's background whole audit has passed: it rewrites the mark (a signed checkpoint in the data folder). */
    private static void awaitWholeAudit(Path mark, long startedMillis, Process server) throws Exception {
        long deadline = System.nanoTime() + java.time.Duration.ofMinutes(30).toNanos();
        while (System.nanoTime() < deadline && server.isAlive()) {
            if (Files.exists(mark) && Files.getLastModifiedTime(mark).toMillis() >= startedMillis) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the background audit did not finish; see the server's log");
    }

    /** Waits until the server's log has a line containing {@code text}; false when it has not within {@code patience}. */
    private static boolean awaitLogLine(Path dir, String text, Process server, java.time.Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline && server.isAlive()) {
            try (var lines = Files.lines(dir.resolve("server.log"))) {
                if (lines.anyMatch(l -> l.contains(text))) {
                    return true;
                }
            }
            Thread.sleep(1000);
        }
        return false;
    }

    /** The tree size a checkpoint note in the data folder names (its second line). */
    private static long noteSize(Path note) throws java.io.IOException {
        return Long.parseLong(Files.readString(note).split("\n")[1].trim());
    }

    private static void printStartLine(Path dir) throws java.io.IOException {
        try (var lines = Files.lines(dir.resolve("server.log"))) {
            lines.filter(l -> l.contains("Started ")).findFirst()
                .ifPresent(l -> System.out.println("  the server's log: " + l.substring(l.indexOf("Started "))));
        }
    }

    /** People, their shelter relationship and records, in batches on 8 threads: each with its own data key. */
    private static List<UUID> loadPeople(Database db, HavenConfig config, int count) throws Exception {
        MasterKey master = MasterKeyFile.loadOrCreate(config.masterKeyFile());
        PersonKeys keys = new PersonKeys(master, new FilePersonKeyStore(config.keyStoreDir()));
        KeyedHash lookup = new KeyedHash(master, "access-code");
        String sharedHash = PasswordHasher.DEFAULT.hash(AccessCodes.normalise(AccessCodes.generate()).orElseThrow());
        UUID staff = UUID.randomUUID();
        List<UUID> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(UUID.randomUUID());
        }
        Parallel.forEach(8, (count + BATCH - 1) / BATCH, b -> {
            int from = (int) b * BATCH;
            insert(db, keys, lookup, sharedHash, staff, ids.subList(from, Math.min(count, from + BATCH)));
        });
        return ids;
    }

    private static void insert(Database db, PersonKeys keys, KeyedHash lookup, String sharedHash, UUID staff, List<UUID> batch) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        db.inTransaction(() -> db.with(h -> {
            var persons = h.prepareBatch("INSERT INTO persons (id, created_at, created_by, profile, access_code_hash, "
                + "access_code_lookup) VALUES (:id, :at, 'city-shelter', :profile, :hash, :lookup)");
            var relationships = h.prepareBatch("INSERT INTO relationships (person_id, organisation_id, purpose, since) "
                + "VALUES (:p, 'city-shelter', 'shelter', :at)");
            var records = h.prepareBatch("INSERT INTO records (id, person_id, organisation_id, category, purpose, data, created_at, "
                + "created_by) VALUES (:id, :p, 'city-shelter', :cat, 'shelter', :data, :at, :by)");
            for (UUID id : batch) {
                SecretKey key = keys.create(id);
                byte[] profile = Sealer.seal(key, Profiles.aad(id), "{\"preferredLanguage\":\"uk\"}".getBytes(StandardCharsets.UTF_8));
                persons.bind("id", id).bind("at", now).bind("profile", profile).bind("hash", sharedHash)
                    .bind("lookup", lookup.hash(id.toString())).add();
                relationships.bind("p", id).bind("at", now).add();
                for (int r = 0; r < RECORDS_PER_PERSON; r++) {
                    String category = r == 0 ? "identity" : r % 2 == 0 ? "housing" : "contact";
                    String json = r == 0 ? "{\"displayName\":\"Person " + id.toString().substring(0, 8) + "\"}"
                        : "{\"note\":\"entry " + r + "\",\"since\":\"2026-0" + (1 + r % 9) + "-01\"}";
                    UUID rid = UUID.randomUUID();
                    records.bind("id", rid).bind("p", id).bind("cat", category).bind("data", Records.seal(key, rid, id, category, json))
                        .bind("at", now).bind("by", staff).add();
                }
            }
            persons.execute();
            relationships.execute();
            records.execute();
            return null;
        }));
    }

    /** Staff accounts recording the accesses: a large city's caseworkers (the access watch keeps a baseline for each). */
    private static final int STAFF = 2_000;
    private static final UUID[] ACTORS = java.util.stream.IntStream.range(0, STAFF)
        .mapToObj(i -> new UUID(0x5ca1eL, i)).toArray(UUID[]::new);

    /** Accesses dated now: a day's, or the week's the start audits. */
    private static void fillLedger(Ledger ledger, List<UUID> people, long count) throws Exception {
        fillLedger(ledger, people, count, java.time.Duration.ZERO);
    }

    /**
     * Accesses by {@link #STAFF} members of staff, dated in order over the {@code spread} before now (a city's ten
     * million accesses take two years: the access watch, which reads the last weeks at each start, reads as much as a
     * city's).
     */
    private static void fillLedger(Ledger ledger, List<UUID> people, long count, java.time.Duration spread) throws Exception {
        Instant now = Instant.now();
        long spreadSeconds = Math.max(1, spread.toSeconds());
        Parallel.forEach(256, count, i -> {
            ThreadLocalRandom r = ThreadLocalRandom.current();
            boolean refused = i % 97 == 0;
            // In order of time, as a city appends them (each batch then falls in one month of the transparency counts).
            Instant at = spread.isZero() ? Instant.now() : now.minusSeconds(spreadSeconds - spreadSeconds * i / count);
            ledger.append(AccessEvent.byCaseworker(at, ACTORS[r.nextInt(STAFF)], "city-shelter", "read",
                refused ? "immigration-enforcement" : "shelter", people.get(r.nextInt(people.size())),
                new LinkedHashSet<>(List.of("identity", "housing")), refused ? Optional.of("firewall") : Optional.empty()));
        });
        ledger.checkpoint();
    }
}
