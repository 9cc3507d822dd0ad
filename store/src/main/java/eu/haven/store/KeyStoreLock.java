package eu.haven.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One lock over a key store folder, held by whoever replaces or destroys a person's key file, in
 * this process or another ({@code haven keys rotate-master} beside a running server): a key being
 * re-wrapped cannot come back after its erasure destroyed it. A file lock serialises processes;
 * within a process a lock per folder does, since the system's file locks belong to the process.
 */
final class KeyStoreLock {
    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private KeyStoreLock() {}

    static <T> T holding(Path dir, Supplier<T> work) {
        Path file = dir.toAbsolutePath().normalize().resolve(".lock");
        ReentrantLock local = IN_PROCESS.computeIfAbsent(file, f -> new ReentrantLock());
        local.lock();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            return work.get();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock the key store " + dir, e);
        } finally {
            local.unlock();
        }
    }
}
