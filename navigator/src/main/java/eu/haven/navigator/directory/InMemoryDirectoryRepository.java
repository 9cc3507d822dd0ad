package eu.haven.navigator.directory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A directory kept in memory only: for tests, benchmarks and a navigator run without a database. */
public final class InMemoryDirectoryRepository implements DirectoryRepository {
    private Directory directory;
    private final List<Metadata> changes = new ArrayList<>();

    public InMemoryDirectoryRepository(Directory directory) {
        this.directory = directory;
    }

    @Override
    public synchronized Directory load() {
        return directory;
    }

    @Override
    public synchronized void replaceAll(Directory directory, List<Metadata> changes) {
        this.directory = directory;
        this.changes.addAll(changes);
    }

    @Override
    public synchronized void put(ResourceType type, String id, Object resource, List<Metadata> changes) {
        throw new UnsupportedOperationException("The in-memory directory is replaced whole, not edited");
    }

    @Override
    public synchronized List<Metadata> history(String resourceId) {
        return changes.stream().filter(m -> m.resourceId().equals(resourceId))
            .sorted(Comparator.comparing(Metadata::lastActionDate).reversed()).toList();
    }
}
