package eu.haven.store;

import eu.haven.ledger.Checkpoint;
import eu.haven.ledger.NoteVerifier;
import eu.haven.ledger.Witness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A witness's state on disk: per log, the latest cosigned checkpoint (written atomically before the
 * witness answers), and evidence of misbehaviour, one file per refused request, never overwritten.
 */
public final class FileWitnessState implements Witness.State {
    private final Path dir;
    private final Clock clock;

    public FileWitnessState(Path dir, Clock clock) {
        this.dir = dir;
        this.clock = clock;
        try {
            SecureFiles.ensureDirectory(dir);
            SecureFiles.ensureDirectory(dir.resolve("evidence"));
        } catch (IOException e) {
            throw new UncheckedIOException("the witness's state folder cannot be made", e);
        }
    }

    private Path file(String origin) {
        return dir.resolve("latest-" + HexFormat.of().formatHex(origin.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public Optional<Checkpoint> latest(String origin) {
        Path f = file(origin);
        if (!Files.exists(f)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Checkpoint.parse(NoteVerifier.text(Files.readString(f, StandardCharsets.UTF_8))));
        } catch (IOException e) {
            throw new UncheckedIOException("the witness's state cannot be read", e);
        }
    }

    @Override
    public void save(String origin, String signedCheckpoint) {
        try {
            SecureFiles.writeAtomically(file(origin), signedCheckpoint.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("the witness's state cannot be written", e);
        }
    }

    @Override
    public void evidence(String origin, String request, String why) {
        String name = clock.instant().toString().replace(':', '-') + "-" + java.util.UUID.randomUUID() + ".txt";
        try {
            SecureFiles.writeAtomically(dir.resolve("evidence").resolve(name), ("log " + origin + "\nwhy " + why + "\n\n" + request)
                .getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("the witness's evidence cannot be written", e);
        }
    }
}
