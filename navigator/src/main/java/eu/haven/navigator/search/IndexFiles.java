package eu.haven.navigator.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Where a search index is written: a fresh temporary folder, memory-mapped (Lucene's fastest reads, off the Java heap
 * and without the garbage an in-heap index makes on every term it reads). The directory is public data, so nothing
 * private reaches the disk. Once the reader has the files open they are deleted, so that no index outlives its
 * server; the open reader keeps reading them (on Linux; elsewhere they go when the server stops).
 */
final class IndexFiles {
    private IndexFiles() {
    }

    static Directory create() {
        try {
            Path dir = Files.createTempDirectory("haven-navigator-index");
            return FSDirectory.open(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void release(Directory store) {
        if (store instanceof FSDirectory fs) {
            Path dir = fs.getDirectory();
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    if (!f.toFile().delete()) {
                        f.toFile().deleteOnExit();
                    }
                }
            } catch (IOException e) {
                // left for the temporary folder's own cleaning
            }
            if (!dir.toFile().delete()) {
                dir.toFile().deleteOnExit();
            }
        }
    }
}
