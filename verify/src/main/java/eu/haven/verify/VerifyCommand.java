package eu.haven.verify;

import eu.haven.event.AccessEvent;
import eu.haven.event.EventCommitment;
import eu.haven.ledger.Checkpoint;
import eu.haven.ledger.LogSource;
import eu.haven.ledger.LogVerifier;
import eu.haven.ledger.TlogProof;
import eu.haven.ledger.TrustedKeys;
import eu.haven.ledger.VerificationException;
import eu.haven.ledger.WitnessPolicy;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(mixinStandardHelpOptions = true, name = "verify", description = {
    "Verify a Haven access ledger: its signed checkpoint, every entry and hash tile, and that it still extends the "
        + "checkpoint seen last time (kept in a state file, as a witness keeps it).",
    "SOURCE is the ledger's base URL (https://haven.example-city.eu/ledger) or a directory made by 'haven ledger export'."},
    subcommands = VerifyCommand.Receipt.class)
public final class VerifyCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SOURCE", arity = "0..1", description = "Base URL of the ledger (ending in /ledger) or an exported directory.")
    String source;

    @Mixin
    LedgerKeyOptions key = new LedgerKeyOptions();

    @Option(names = "--state", description = "File keeping the last checkpoint seen; default ~/.haven/verify/<origin>-<key id>.checkpoint.")
    Optional<Path> state;

    @Mixin
    WitnessOptions witness = new WitnessOptions();

    @Override
    public Integer call() {
        PrintStream out = System.out;
        if (source == null || !key.given()) {
            System.err.println("Usage: haven verify --vkey <name+keyid+key> <base URL or exported directory>");
            System.err.println("   or: haven verify --trusted-keys FILE <base URL or exported directory>");
            System.err.println("   or: haven verify receipt --vkey <name+keyid+key> <file.tlog-proof>");
            return 2;
        }
        try {
            TrustedKeys keys = key.keys();
            Path stateFile = state.orElse(Path.of(System.getProperty("user.home"), ".haven", "verify",
                keys.name().replaceAll("[^A-Za-z0-9._-]", "_") + "-" + keyId(keys.keys().get(0).vkey()) + ".checkpoint"));
            Optional<String> previous = Files.exists(stateFile) ? Optional.of(Files.readString(stateFile, StandardCharsets.UTF_8)) : Optional.empty();
            LogSource src = source.startsWith("http://") || source.startsWith("https://") ? LogSource.http(source) : LogSource.directory(Path.of(source));
            LogVerifier.Result r = new LogVerifier(src, keys).verify(previous);
            Optional<WitnessPolicy.Outcome> witnessed = witness.policy()
                .map(p -> p.check(r.signedCheckpoint(), java.time.Instant.now()));
            if (witnessed.isPresent() && !witnessed.get().holds()) {
                System.err.println("FAILED: the checkpoint of " + r.checkpoint().size() + " entries is " + witnessed.get().explanation()
                    + ". Another history may be shown to others, or the log is frozen.");
                return 1;
            }
            Files.createDirectories(stateFile.toAbsolutePath().getParent());
            Files.writeString(stateFile, r.signedCheckpoint(), StandardCharsets.UTF_8);
            out.println("OK: the ledger " + keys.name() + " verifies.");
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

        @Mixin
        LedgerKeyOptions key = new LedgerKeyOptions();

        @Mixin
        WitnessOptions witness = new WitnessOptions();

        @Override
        public Integer call() {
            try {
                TlogProof proof = TlogProof.parse(Files.readString(file, StandardCharsets.UTF_8));
                byte[] opening = proof.extra().orElseThrow(() ->
                    new VerificationException("the receipt carries no event (its extra line is missing)"));
                EventCommitment.Opening o = EventCommitment.parseOpening(opening);
                Checkpoint c = proof.verify(o.entry(), key.keys());
                AccessEvent e = o.event();
                Optional<WitnessPolicy.Outcome> witnessed = witness.policy()
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
