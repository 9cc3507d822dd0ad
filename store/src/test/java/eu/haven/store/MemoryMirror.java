package eu.haven.store;

import eu.haven.core.audit.CheckpointMirror;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** The copy of the latest signed checkpoint, kept in memory: the ledger tests' stand-in for the file beside the key. */
final class MemoryMirror implements CheckpointMirror {
    private final AtomicReference<String> note = new AtomicReference<>();

    @Override
    public Optional<String> read() {
        return Optional.ofNullable(note.get());
    }

    @Override
    public void write(String signed) {
        note.set(signed);
    }
}
