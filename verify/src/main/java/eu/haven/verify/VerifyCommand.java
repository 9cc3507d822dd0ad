package eu.haven.verify;

import eu.haven.event.AccessEvent;
import eu.haven.event.EventCommitment;
import eu.haven.ledger.Checkpoint;
import eu.haven.ledger.LogSource;
import eu.haven.ledger.LogVerifier;
import eu.haven.ledger.TlogProof;
import eu.haven.ledger.VerificationException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(mixinStandardHelpOptions = true, name = "verify", description = {
    "Verify a Haven access ledger: its signed checkpoint, every entry and hash tile, and that it still extends the "
        + "checkpoint seen last time (kept in a state file, as a witness keeps it).",
    "SOURCE is the ledger's base URL (https://haven.example-city.eu/ledger) or a directory made by 'haven ledger export'."},
    subcommands = VerifyCommand.Receipt.class)
public final class VerifyCommand implements Callable<Integer> {
    /** The log's keys: --trusted-keys FILE when given, otherwise --vkey for every size. */
    static eu.haven.ledger.TrustedKeys keys(Optional<Path> trustedKeys, String vkey) throws IOException {
        if (trustedKeys.isPresent()) {
            return eu.haven.ledger.TrustedKeys.parse(Files.readString(trustedKeys.get(), StandardCharsets.UTF_8));
        }
        if (vkey == null || vkey.isBlank()) {
            throw new IllegalArgumentException("give the ledger's key: --vkey <name+keyid+key>, or --trusted-keys FILE after a key rotation");
        }
        return eu.haven.ledger.TrustedKeys.only(vkey);
    }

    @Option(names = "--trusted-keys", description = "A file of the ledger's keys, each with the tree sizes it signs "
        + "(<vkey> [from=N] [until=N] a line), as the city publishes it after rotating the ledger's key; instead of --vkey.")
    Optional<Path> trustedKeys;

    @Parameters(paramLabel = "SOURCE", arity = "0..1", description = "Base URL of the ledger (ending in /ledger) or an exported directory.")
    String source;

    @Option(names = "--vkey", defaultValue = "${env:HAVEN_LEDGER_VKEY}",
        description = "The ledger's verifier key, name+keyid+key, as published by the city (HAVEN_LEDGER_VKEY).")
    String vkey;

    @Option(names = "--state", description = "File keeping the last checkpoint seen; default ~/.haven/verify/<origin>-<key id>.checkpoint.")
    Optional<Path> state;

    @Option(names = "--witness", description = "A witness's vkey whose cosignature counts (repeat for each witness of the policy).")
    java.util.List<String> witnesses = new java.util.ArrayList<>();

    @Option(names = "--quorum", description = "How many of the witnesses given must have cosigned the checkpoint (default: all of them).")
    Optional<Integer> quorum;

    @Option(names = "--max-age", description = "Count only cosignatures at most this old, ISO 8601 (e.g. PT30M): witnesses cosign an "
        + "unchanged checkpoint again every 10 minutes, so an older one means the log is frozen or not witnessed any more.")
    Optional<java.time.Duration> maxAge;

    /** The policy of --witness, --quorum and --max-age (empty without witnesses). */
    static Optional<eu.haven.ledger.WitnessPolicy> policy(java.util.List<String> witnesses, Optional<Integer> quorum,
                                                          Optional<java.time.Duration> maxAge) {
        if (witnesses.isEmpty()) {
            return Optional.empty();
        }
        var keys = witnesses.stream().map(eu.haven.ledger.CosignatureVerifier::fromVkey).toList();
        int needed = quorum.orElse(keys.size());
        if (needed < 1 || needed > keys.size()) {
            throw new IllegalArgumentException("--quorum must be between 1 and the number of --witness keys (" + keys.size() + ")");
        }
        return Optional.of(new eu.haven.ledger.WitnessPolicy(keys, needed, maxAge));
    }

    @Override
    public Integer call() {
        PrintStream out = System.out;
        if (source == null || ((vkey == null || vkey.isBlank()) && trustedKeys.isEmpty())) {
            System.err.println("Usage: haven verify --vkey <name+keyid+key> <base URL or exported directory>");
            System.err.println("   or: haven verify --trusted-keys FILE <base URL or exported directory>");
            System.err.println("   or: haven verify receipt --vkey <name+keyid+key> <file.tlog-proof>");
            return 2;
        }
        try {
            eu.haven.ledger.TrustedKeys key = keys(trustedKeys, vkey);
            Path stateFile = state.orElse(Path.of(System.getProperty("user.home"), ".haven", "verify",
                key.name().replaceAll("[^A-Za-z0-9._-]", "_") + "-" + keyId(key.keys().get(0).verifier().vkey()) + ".checkpoint"));
            Optional<String> previous = Files.exists(stateFile) ? Optional.of(Files.readString(stateFile, StandardCharsets.UTF_8)) : Optional.empty();
            LogSource src = source.startsWith("http://") || source.startsWith("https://") ? LogSource.http(source) : LogSource.directory(Path.of(source));
            LogVerifier.Result r = new LogVerifier(src, key).verify(previous);
            Optional<eu.haven.ledger.WitnessPolicy.Outcome> witnessed = policy(witnesses, quorum, maxAge)
                .map(p -> p.check(r.signedCheckpoint(), java.time.Instant.now()));
            if (witnessed.isPresent() && !witnessed.get().holds()) {
                System.err.println("FAILED: the checkpoint of " + r.checkpoint().size() + " entries is " + witnessed.get().explanation()
                    + ". Another history may be shown to others, or the log is frozen.");
                return 1;
            }
            Files.createDirectories(stateFile.toAbsolutePath().getParent());
            Files.writeString(stateFile, r.signedCheckpoint(), StandardCharsets.UTF_8);
            out.println("OK: the ledger " + key.name() + " verifies.");
            out.println("  " + r.checkpoint().size() + " entries; every entry and hash tile recomputed; the root hash matches the signed checkpoint.");
            out.println(r.previous().map(p -> "  It extends the checkpoint of " + p.size() + " entries seen last time.")
                .orElse("  First check from this state file (" + stateFile + "); later checks will compare with it."));
            witnessed.ifPresent(w -> out.println("  The checkpoint is " + w.explanation() + "."));
            return 0;
        } catch (VerificationException e) {
            System.err.println("FAILED: " + e.getMessage());
            return 1;
        } catch (IllegalArgumentException e) {
            System.err.println("FAILED: " + e.getMessage());
            return 2;
        } catch (IOException | RuntimeException e) {
            System.err.println("FAILED: could not read the ledger at " + source + ": " + e.getMessage());
            return 2;
        }
    }

    /** The state is kept per ledger name and key: two ledgers of the same name (two demos) are two ledgers. */
    static String keyId(String vkey) {
        byte[] hash = eu.haven.ledger.Hashes.sha256(vkey.trim().getBytes(StandardCharsets.UTF_8));
        return java.util.HexFormat.of().formatHex(hash, 0, 6);
    }

    @Command(mixinStandardHelpOptions = true, name = "receipt", description = "Check a receipt (.tlog-proof file) offline: that the access event it describes is in the ledger "
        + "under a checkpoint signed by the given key.")
    static final class Receipt implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "The .tlog-proof file.")
        Path file;

        @Option(names = "--vkey", defaultValue = "${env:HAVEN_LEDGER_VKEY}",
            description = "The ledger's verifier key (HAVEN_LEDGER_VKEY).")
        String vkey;

        @Option(names = "--trusted-keys", description = "The ledger's keys with the tree sizes each signs, instead of --vkey.")
        Optional<Path> trustedKeys;

        @Option(names = "--witness", description = "A witness's vkey whose cosignature on the receipt's checkpoint counts (repeat for each).")
        java.util.List<String> witnesses = new java.util.ArrayList<>();

        @Option(names = "--quorum", description = "How many of the witnesses given must have cosigned the receipt's checkpoint (default: all).")
        Optional<Integer> quorum;

        @Option(names = "--max-age", description = "Count only cosignatures at most this old, ISO 8601 (e.g. P30D).")
        Optional<java.time.Duration> maxAge;

        @Override
        public Integer call() {
            try {
                TlogProof proof = TlogProof.parse(Files.readString(file, StandardCharsets.UTF_8));
                byte[] opening = proof.extra().orElseThrow(() ->
                    new VerificationException("the receipt carries no event (its extra line is missing)"));
                EventCommitment.Opening o = EventCommitment.parseOpening(opening);
                Checkpoint c = proof.verify(o.entry(), keys(trustedKeys, vkey));
                AccessEvent e = o.event();
                Optional<eu.haven.ledger.WitnessPolicy.Outcome> witnessed = policy(witnesses, quorum, maxAge)
                    .map(p -> p.check(proof.checkpoint(), java.time.Instant.now()));
                if (witnessed.isPresent() && !witnessed.get().holds()) {
                    System.err.println("FAILED: the receipt's checkpoint (" + c.size() + " entries) is " + witnessed.get().explanation()
                        + ". A receipt fetched soon after the access may not be cosigned yet: download it again in a minute.");
                    return 1;
                }
                System.out.println("OK: access event " + proof.index() + " is in the ledger " + c.origin() + " (checkpoint of " + c.size()
                    + " entries, signature verified).");
                System.out.println("  at " + e.at() + ": " + e.organisation().orElse("no organisation") + " (" + e.role().orElse("no role")
                    + ") " + e.action() + " for purpose " + e.purpose() + ": " + (e.permitted() ? "permitted" : "refused, " + e.reason().orElse("")));
                witnessed.ifPresent(w -> System.out.println("  Its checkpoint is " + w.explanation() + "."));
                return 0;
            } catch (VerificationException e) {
                System.err.println("FAILED: " + e.getMessage());
                return 1;
            } catch (IOException e) {
                System.err.println("FAILED: cannot read " + file + ": " + e.getMessage());
                return 2;
            } catch (IllegalArgumentException e) {
                System.err.println("FAILED: " + e.getMessage());
                return 2;
            }
        }
    }
}
