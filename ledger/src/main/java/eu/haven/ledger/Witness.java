package eu.haven.ledger;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A transparency-log witness (c2sp.org/tlog-witness, {@code add-checkpoint}): for each log it is
 * configured with, it keeps the latest checkpoint it cosigned, and cosigns a new one only when the
 * log's signature holds and a consistency proof from that checkpoint verifies. A checkpoint that
 * contradicts what it cosigned (a second history, a rewritten root) is refused and kept as evidence.
 * The check and the update of its state are one atomic step.
 */
public final class Witness {
    /** What the witness keeps: per log origin, the latest cosigned checkpoint, and evidence of misbehaviour. */
    public interface State {
        Optional<Checkpoint> latest(String origin);

        void save(String origin, String signedCheckpoint);

        void evidence(String origin, String request, String why);
    }

    /** An HTTP answer: status, content type and body, as the specification gives them. */
    public record Answer(int status, String contentType, String body) {
        static Answer text(int status, String body) {
            return new Answer(status, "text/plain; charset=utf-8", body);
        }
    }

    private static final int MAX_PROOF = 63;
    private final Cosigner cosigner;
    private final Map<String, TrustedKeys> logs;
    private final State state;
    private final Clock clock;

    /** {@code logs}: the verifier of each log this witness follows, by its origin. */
    public Witness(Cosigner cosigner, Map<String, NoteVerifier> logs, State state, Clock clock) {
        this(toTrusted(logs), cosigner, state, clock);
    }

    private Witness(Map<String, TrustedKeys> logs, Cosigner cosigner, State state, Clock clock) {
        this.cosigner = cosigner;
        this.logs = Map.copyOf(logs);
        this.state = state;
        this.clock = clock;
    }

    /** A witness of logs whose keys may have been rotated: each log's keys with the tree sizes they sign, by its origin. */
    public static Witness following(Cosigner cosigner, Map<String, TrustedKeys> logs, State state, Clock clock) {
        return new Witness(logs, cosigner, state, clock);
    }

    private static Map<String, TrustedKeys> toTrusted(Map<String, NoteVerifier> logs) {
        Map<String, TrustedKeys> out = new java.util.HashMap<>();
        logs.forEach((origin, key) -> out.put(origin, TrustedKeys.only(key)));
        return out;
    }

    public synchronized Answer addCheckpoint(String request) {
        int blank = request.indexOf("\n\n");
        if (blank < 0) {
            return Answer.text(400, "the request is an old size line, proof lines, an empty line, then the checkpoint\n");
        }
        String[] head = request.substring(0, blank).split("\n", -1);
        String note = request.substring(blank + 2);
        if (!head[0].matches("old (0|[1-9][0-9]{0,18})") || head.length - 1 > MAX_PROOF) {
            return Answer.text(400, "the first line is 'old <size>', then at most 63 proof lines\n");
        }
        long old = Long.parseLong(head[0].substring(4));
        List<byte[]> proof = new ArrayList<>();
        try {
            for (int i = 1; i < head.length; i++) {
                byte[] hash = Base64.getDecoder().decode(head[i]);
                if (hash.length != 32) {
                    throw new IllegalArgumentException("not a hash");
                }
                proof.add(hash);
            }
        } catch (IllegalArgumentException e) {
            return Answer.text(400, "a proof line is not a base64 SHA-256 hash\n");
        }
        Checkpoint submitted;
        String body;
        try {
            body = NoteVerifier.text(note);
            submitted = Checkpoint.parse(body);
        } catch (RuntimeException e) {
            return Answer.text(400, "the checkpoint cannot be read\n");
        }
        TrustedKeys log = logs.get(submitted.origin());
        if (log == null) {
            return Answer.text(404, "this witness does not follow that log\n");
        }
        try {
            log.open(note);
        } catch (VerificationException e) {
            return Answer.text(403, "the checkpoint carries no valid signature of the log\n");
        }
        if (old > submitted.size()) {
            return Answer.text(400, "the old size is larger than the checkpoint's\n");
        }
        Optional<Checkpoint> latest = state.latest(submitted.origin());
        long known = latest.map(Checkpoint::size).orElse(0L);
        if (old != known) {
            return new Answer(409, "text/x.tlog.size", known + "\n");
        }
        if (latest.isPresent() && old == submitted.size()) {
            if (!java.util.Arrays.equals(latest.get().root(), submitted.root())) {
                state.evidence(submitted.origin(), request, "a second root for a size already cosigned");
                return new Answer(409, "text/x.tlog.size", known + "\n");
            }
        } else if (old == 0) {
            if (!proof.isEmpty()) {
                return Answer.text(422, "the proof from size 0 is empty\n");
            }
        } else {
            try {
                Merkle.verifyConsistency(old, submitted.size(), proof, latest.orElseThrow().root(), submitted.root());
            } catch (VerificationException e) {
                state.evidence(submitted.origin(), request, "no consistency with the cosigned checkpoint of size " + old);
                return Answer.text(422, "the consistency proof does not verify\n");
            }
        }
        state.save(submitted.origin(), note);
        return new Answer(200, "text/plain; charset=utf-8", cosigner.cosign(body, clock.instant().getEpochSecond()));
    }
}
