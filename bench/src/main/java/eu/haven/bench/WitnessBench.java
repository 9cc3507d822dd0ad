package eu.haven.bench;

import eu.haven.app.Haven;
import eu.haven.app.HavenConfig;
import eu.haven.app.WitnessCommand;
import eu.haven.event.AccessEvent;
import eu.haven.ledger.Checkpoint;
import eu.haven.ledger.CosignatureVerifier;
import eu.haven.ledger.Cosigner;
import eu.haven.ledger.NoteSigner;
import eu.haven.ledger.NoteVerifier;
import eu.haven.ledger.Witness;
import eu.haven.store.FileWitnessState;
import eu.haven.store.LedgerKeyFile;
import io.javalin.Javalin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Append to cosigned checkpoint: a Haven on the embedded database with two local witnesses
 * ({@code haven witness} servers on this machine), its checkpointer and witness submission running as
 * in production; each sample appends one durable event and waits until {@code /ledger/checkpoint}'s
 * note covers it with both witnesses' valid cosignatures. Goal: median at most 2 s.
 */
final class WitnessBench {
    private WitnessBench() {}

    static boolean run(boolean quick) throws Exception {
        int samples = quick ? 10 : 30;
        Path dir = Files.createTempDirectory("haven-bench-witness");
        HavenConfig base = HavenConfig.embedded(dir);
        HavenConfig.LedgerConfig l = base.ledger();
        NoteSigner logKey = LedgerKeyFile.loadOrCreate(l.keyFile(), l.origin(), HavenConfig.DEFAULT_ORIGIN);
        List<Javalin> servers = new ArrayList<>();
        List<String> specs = new ArrayList<>();
        List<CosignatureVerifier> policy = new ArrayList<>();
        for (String name : List.of("a.witness.localhost/w", "b.witness.localhost/w")) {
            Path state = Files.createTempDirectory("haven-bench-witness-state");
            Cosigner key = WitnessCommand.key(state, name);
            Javalin server = WitnessCommand.start(new Witness(key, Map.of(logKey.name(), NoteVerifier.fromVkey(logKey.vkey())),
                new FileWitnessState(state, Clock.systemUTC()), Clock.systemUTC()), "127.0.0.1", 0);
            servers.add(server);
            specs.add("http://127.0.0.1:" + server.port() + "=" + key.vkey());
            policy.add(CosignatureVerifier.fromVkey(key.vkey()));
        }
        System.out.println("== ledger with two local witnesses: append to a checkpoint cosigned by both (checkpoint interval "
            + l.checkpointInterval().toMillis() + " ms), " + samples + " samples");
        List<Double> millis = new ArrayList<>();
        try (Haven haven = new Haven(base.withLedger(new HavenConfig.LedgerConfig(l.origin(), l.keyFile(), l.checkpointInterval(), specs)))) {
            haven.start();
            for (int i = 0; i < samples; i++) {
                Thread.sleep(ThreadLocalRandom.current().nextInt(100, 600));
                long started = System.nanoTime();
                long index = haven.ledger().append(event());
                while (!covered(haven.ledger().cosignedCheckpoint(), index, policy)) {
                    if (System.nanoTime() - started > 30_000_000_000L) {
                        throw new IllegalStateException("no checkpoint cosigned by both witnesses within 30 s");
                    }
                    Thread.sleep(5);
                }
                millis.add((System.nanoTime() - started) / 1e6);
            }
        } finally {
            servers.forEach(Javalin::stop);
        }
        Collections.sort(millis);
        double median = millis.get(millis.size() / 2);
        double p90 = millis.get((int) Math.min(millis.size() - 1, Math.ceil(millis.size() * 0.9) - 1));
        boolean holds = median <= 2000;
        System.out.printf(Locale.ROOT, "append to cosigned checkpoint: median %.0f ms, p90 %.0f ms, max %.0f ms%n", median, p90,
            millis.get(millis.size() - 1));
        System.out.printf(Locale.ROOT, "GOAL median append-to-cosigned-checkpoint <= 2 s: %s (%.0f ms)%n", holds ? "HOLDS" : "FAILS", median);
        return holds;
    }

    private static boolean covered(String note, long index, List<CosignatureVerifier> policy) {
        return Checkpoint.parse(NoteVerifier.text(note)).size() > index && CosignatureVerifier.quorum(note, policy, policy.size());
    }

    private static AccessEvent event() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return AccessEvent.byCaseworker(Instant.now(), new UUID(r.nextLong(), r.nextLong()), "city-shelter", "read", "shelter",
            new UUID(r.nextLong(), r.nextLong()), new LinkedHashSet<>(List.of("identity")), Optional.empty());
    }
}
