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
        state = java.util.concurrent.CompletableFuture.completedFuture(index(repository.load()));
    }

    /** Reads the stored directory again (after a change made elsewhere). */
    public synchronized void reload() {
        state = java.util.concurrent.CompletableFuture.completedFuture(index(repository.load()));
    }

    public List<Metadata> history(String resourceId) {
        return repository.history(resourceId);
    }
}
