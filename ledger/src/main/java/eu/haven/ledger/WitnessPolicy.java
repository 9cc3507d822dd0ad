package eu.haven.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A verifier's witness policy: at least {@code quorum} of these witnesses must have cosigned the checkpoint, and, with
 * {@code maxAge}, each of those cosignatures must be that recent. Witnesses cosign an unchanged checkpoint again at an
 * interval, so a recent cosignature shows the log was still being witnessed: a log frozen, or shown to this verifier
 * alone, cannot give one.
 */
public record WitnessPolicy(List<CosignatureVerifier> witnesses, int quorum, Optional<Duration> maxAge) {
    public WitnessPolicy {
        witnesses = List.copyOf(witnesses);
        if (quorum < 0 || quorum > witnesses.size()) {
            throw new IllegalArgumentException("the quorum must be between 0 and the number of witnesses given (" + witnesses.size() + ")");
        }
    }

    /** What the checkpoint carries: how many of the witnesses cosigned it, how many of those recently enough, and the verdict. */
    public record Outcome(long cosigned, long recent, boolean holds, String explanation) {}

    /** Checks the cosignatures on a signed checkpoint at {@code now}; a forged cosignature throws {@link VerificationException}. */
    public Outcome check(String note, Instant now) {
        long cosigned = 0;
        long recent = 0;
        for (CosignatureVerifier w : witnesses) {
            Optional<Long> at = w.verify(note);
            if (at.isPresent()) {
                cosigned++;
                if (maxAge.isEmpty() || !Instant.ofEpochSecond(at.get()).isBefore(now.minus(maxAge.get()))) {
                    recent++;
                }
            }
        }
        boolean holds = recent >= quorum;
        long fresh = recent;
        String explanation = "cosigned by " + cosigned + " of the " + witnesses.size() + " witnesses given"
            + maxAge.map(a -> ", " + fresh + " of them within " + a.toString().substring(2).toLowerCase(java.util.Locale.ROOT)).orElse("")
            + "; the policy asks for " + quorum;
        return new Outcome(cosigned, recent, holds, explanation);
    }
}
