package eu.haven.verify;

import eu.haven.ledger.TrustedKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The ledger's key for {@code verify} and {@code verify receipt}: one verifier key, or the trusted-keys file after a rotation. */
final class LedgerKeyOptions {
    @Option(names = "--vkey", defaultValue = "${env:HAVEN_LEDGER_VKEY}",
        description = "The ledger's verifier key, name+keyid+key, as published by the city (HAVEN_LEDGER_VKEY).")
    String vkey;

    @Option(names = "--trusted-keys", description = "A file of the ledger's keys, each with the tree sizes it signs "
        + "(<vkey> [from=N] [until=N] a line), as the city publishes it after rotating the ledger's key; instead of --vkey.")
    Optional<Path> trustedKeys;

    boolean given() {
        return trustedKeys.isPresent() || (vkey != null && !vkey.isBlank());
    }

    /** The log's keys: --trusted-keys FILE when given, otherwise --vkey for every size. */
    TrustedKeys keys() throws IOException {
        if (trustedKeys.isPresent()) {
            return TrustedKeys.parse(Files.readString(trustedKeys.get(), StandardCharsets.UTF_8));
        }
        if (!given()) {
            throw new IllegalArgumentException("give the ledger's key: --vkey <name+keyid+key>, or --trusted-keys FILE after a key rotation");
        }
        return TrustedKeys.only(vkey);
    }
}
