package eu.haven.store;

import eu.haven.core.audit.CheckpointMirror;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The latest signed checkpoint, also kept in a file beside the keys, written atomically and flushed. */
public final class FileCheckpointMirror implements CheckpointMirror {
    private final Path file;

    public FileCheckpointMirror(Path file) {
        this.file = file;
    }

    @Override
    public Optional<String> read() {
        try {
            return Files.exists(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the checkpoint copy " + file, e);
        }
    }

    @Override
    public void write(String signedNote) {
        try {
            SecureFiles.writeAtomically(file, signedNote.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the checkpoint copy " + file, e);
        }
    }
}
