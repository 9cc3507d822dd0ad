package eu.haven.verify;

import eu.haven.ledger.CosignatureVerifier;
import eu.haven.ledger.WitnessPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The witness policy of {@code verify} and {@code verify receipt}: whose cosignatures count, how many, how fresh. */
final class WitnessOptions {
    @Option(names = "--witness", description = "A witness's vkey whose cosignature on the checkpoint counts (repeat for each witness of the policy).")
    List<String> witnesses = new ArrayList<>();

    @Option(names = "--quorum", description = "How many of the witnesses given must have cosigned the checkpoint (default: all of them).")
    Optional<Integer> quorum;

    @Option(names = "--max-age", description = "Count only cosignatures at most this old, ISO 8601 (e.g. PT30M; P30D for an old receipt): "
        + "witnesses cosign an unchanged checkpoint again every 10 minutes, so an older one means the log is frozen or not witnessed any more.")
    Optional<Duration> maxAge;

    /** The policy (empty without witnesses). */
    Optional<WitnessPolicy> policy() {
        if (witnesses.isEmpty()) {
            return Optional.empty();
        }
        var keys = witnesses.stream().map(CosignatureVerifier::fromVkey).toList();
        int needed = quorum.orElse(keys.size());
        if (needed < 1 || needed > keys.size()) {
            throw new IllegalArgumentException("--quorum must be between 1 and the number of --witness keys (" + keys.size() + ")");
        }
        return Optional.of(new WitnessPolicy(keys, needed, maxAge));
    }
}
