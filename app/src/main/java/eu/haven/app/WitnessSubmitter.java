package eu.haven.app;

import eu.haven.core.audit.Ledger;
import eu.haven.ledger.CosignatureVerifier;
import eu.haven.ledger.NoteVerifier;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Submits each new checkpoint of the ledger to the configured witnesses (c2sp.org/tlog-witness),
 * with the consistency proof from the size each last cosigned, and attaches their cosignatures to
 * the checkpoint served at {@code /ledger/checkpoint}. A witness that is down is tried again at the
 * next run; a cosignature that does not verify with the witness's key is not attached. While the
 * ledger is quiet, each witness is asked again every {@code refresh} to cosign the same checkpoint
 * (c2sp.org/tlog-witness: same size, same root), so that the served cosignatures' timestamps show a
 * verifier that the log was still being witnessed, not frozen.
 */
final class WitnessSubmitter {
    private static final Logger LOG = LoggerFactory.getLogger(WitnessSubmitter.class);

    /** A witness: where it listens, and its key. */
    record Target(String url, CosignatureVerifier key) {
        static Target parse(String spec) {
            int eq = spec.indexOf('=');
            if (eq < 0) {
                throw new ConfigurationException("A witness is given as <url>=<vkey>, e.g. https://witness.example/=dpa.example/w+1234abcd+BA...");
            }
            String url = spec.substring(0, eq).strip();
            return new Target(url.endsWith("/") ? url.substring(0, url.length() - 1) : url, CosignatureVerifier.fromVkey(spec.substring(eq + 1)));
        }
    }

    private final Ledger ledger;
    private final List<Target> witnesses;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** What each witness last cosigned, by its name. */
    private final Map<String, Long> cosignedSize = new ConcurrentHashMap<>();
    /** A witness that failed is tried again only after this moment (System.nanoTime), so one down is neither hammered nor logged every run. */
    private final Map<String, Long> retryAt = new ConcurrentHashMap<>();
    private static final long RETRY_NANOS = 5_000_000_000L;

    /** When each witness's cosignature of the served checkpoint was obtained, by its name. */
    private final Map<String, java.time.Instant> cosignedAt = new ConcurrentHashMap<>();
    private final Duration refresh;
    private final java.time.Clock clock;

    WitnessSubmitter(Ledger ledger, List<Target> witnesses, Duration refresh, java.time.Clock clock) {
        this.ledger = ledger;
        this.witnesses = List.copyOf(witnesses);
        this.refresh = refresh;
        this.clock = clock;
    }

    boolean any() {
        return !witnesses.isEmpty();
    }

    /** Submits the current checkpoint to every witness that has not cosigned it yet; returns how many cosigned now. */
    synchronized int run() {
        int cosigned = 0;
        for (Target w : witnesses) {
            String name = w.key().name();
            Long next = retryAt.get(name);
            if (next != null && System.nanoTime() - next < 0) {
                continue;
            }
            try {
                if (submit(w)) {
                    cosigned++;
                }
                if (retryAt.remove(name) != null) {
                    LOG.info("Witness {} answers again", name);
                }
            } catch (Exception e) {
                if (retryAt.put(name, System.nanoTime() + RETRY_NANOS) == null) {
                    LOG.warn("Witness {} cannot be reached ({}); trying again every {} s", name, e.getClass().getSimpleName(), RETRY_NANOS / 1_000_000_000L);
                }
            }
        }
        return cosigned;
    }

    private boolean submit(Target w) throws Exception {
        long size = ledger.checkpointHead().size();
        long old = cosignedSize.getOrDefault(w.key().name(), 0L);
        if (old == size && size > 0 && ledger.isCosigned(w.key().name())
            && clock.instant().isBefore(cosignedAt.getOrDefault(w.key().name(), java.time.Instant.MIN).plus(refresh))) {
            return false;
        }
        for (int attempt = 0; attempt < 2; attempt++) {
            Ledger.WitnessSubmission s = ledger.forWitness(old);
            StringBuilder body = new StringBuilder("old ").append(old).append('\n');
            s.proof().forEach(p -> body.append(Base64.getEncoder().encodeToString(p)).append('\n'));
            body.append('\n').append(s.note());
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(w.url() + "/add-checkpoint")).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 409 && r.headers().firstValue("Content-Type").orElse("").startsWith("text/x.tlog.size")) {
                long known = Long.parseLong(r.body().strip());
                if (known > s.checkpoint().size()) {
                    LOG.error("Witness {} has cosigned {} entries of this ledger, more than it holds ({}): the ledger was rolled back or forked",
                        w.key().name(), known, s.checkpoint().size());
                    return false;
                }
                old = known;
                continue;
            }
            if (r.statusCode() != 200) {
                LOG.warn("Witness {} answered {} to the checkpoint of {} entries", w.key().name(), r.statusCode(), s.checkpoint().size());
                return false;
            }
            String body0 = NoteVerifier.text(s.note());
            List<String> lines = new ArrayList<>();
            for (String line : r.body().split("\n")) {
                if (w.key().verifyLine(body0, line).isPresent()) {
                    lines.add(line);
                }
            }
            if (lines.isEmpty()) {
                LOG.warn("Witness {} answered without a cosignature by its key", w.key().name());
                return false;
            }
            ledger.attachCosignature(s.checkpoint(), w.key().name(), lines.get(0));
            cosignedSize.put(w.key().name(), s.checkpoint().size());
            cosignedAt.put(w.key().name(), clock.instant());
            return true;
        }
        return false;
    }
}
