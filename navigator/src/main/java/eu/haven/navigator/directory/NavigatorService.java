package eu.haven.navigator.directory;

import eu.haven.navigator.question.QuestionBox;
import eu.haven.navigator.search.Places;
import eu.haven.navigator.search.SearchRequest;
import eu.haven.navigator.search.SearchResults;
import eu.haven.navigator.search.ServiceIndex;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The navigator: the directory as it stands, its search index and its question box, swapped together when the
 * directory changes. Reads never touch the database. Nothing a reader asks is kept.
 */
public final class NavigatorService {
    private record State(Directory directory, ServiceIndex index, QuestionBox questions) {
    }

    private final DirectoryRepository repository;
    private final Clock clock;
    private final ZoneId zone;
    private final Places places;
    private volatile java.util.concurrent.CompletableFuture<State> state;

    /**
     * Reads the directory now and builds its search index on a thread of its own, so that a server starts without
     * waiting for it; the first search waits for the index if it is not built yet.
     */
    public NavigatorService(DirectoryRepository repository, Clock clock, ZoneId zone) {
        this.repository = repository;
        this.clock = clock;
        this.zone = zone;
        this.loadedVersion = repository.version();
        Directory stored = repository.load();
        this.state = java.util.concurrent.CompletableFuture.supplyAsync(() -> index(stored),
            r -> Thread.ofPlatform().daemon().name("navigator-index").start(r));
        this.places = Places.bundled();
    }

    private State state() {
        return state.join();
    }

    private static State index(Directory d) {
        return new State(d, ServiceIndex.build(d), QuestionBox.build(d));
    }

    public Directory directory() {
        return state().directory();
    }

    public SearchResults search(SearchRequest request) {
        return state().index().search(request, now(), places);
    }

    public Optional<QuestionEntry> answer(String question, String lang) {
        return state().questions().answer(question, lang);
    }

    public ZonedDateTime now() {
        return ZonedDateTime.now(clock.withZone(zone));
    }

    /** Replaces the whole directory (an import), recorded as one change each resource, then serves it. */
    public synchronized void replaceAll(Directory directory, String by) {
        repository.replaceAll(directory, Metadata.imported(directory, by, clock.instant().toString()));
        reload();
    }

    /** Reads the stored directory again (after a change made elsewhere). */
    public synchronized void reload() {
        long version = repository.version();
        state = java.util.concurrent.CompletableFuture.completedFuture(index(repository.load()));
        loadedVersion = version;
    }

    /**
     * Reads the directory again if it changed since it was read (another server sharing the database stored an edit or
     * an import); returns whether it did. Asks the database for one number.
     */
    public boolean reloadIfChanged() {
        if (repository.version() == loadedVersion) {
            return false;
        }
        reload();
        return true;
    }

    /** The directory's version when it was last read; read before the directory, so that a change made meanwhile is read again. */
    private volatile long loadedVersion;

    public List<Metadata> history(String resourceId) {
        return repository.history(resourceId);
    }
}
