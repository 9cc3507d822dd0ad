package eu.haven.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import eu.haven.event.AccessEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The kept tails of people's histories: never a lost append, whatever the store's read saw, and never another's event. */
class HistoryTailsTest {
    private static final UUID PERSON = UUID.randomUUID();
    private static final UUID OTHER = UUID.randomUUID();

    private static SequencedEvent event(long index, UUID person) {
        AccessEvent e = AccessEvent.byCaseworker(Instant.EPOCH.plusSeconds(index), UUID.randomUUID(), "city-shelter", "read", "shelter",
            person, new LinkedHashSet<>(List.of("identity")), Optional.empty());
        return new SequencedEvent(index, e, new byte[16], new byte[32]);
    }

    private static List<Long> indices(List<LoggedEvent> events) {
        return events.stream().map(LoggedEvent::index).toList();
    }

    @Test
    void appends_during_a_load_are_merged_once_and_later_ones_come_first() {
        HistoryTails tails = new HistoryTails(4, 10);
        HistoryTails.Loading loading = tails.begin(PERSON);
        // Appended while the store was read: 5 was seen by the read, 6 was not; 7 is somebody else's.
        tails.appended(List.of(event(5, PERSON), event(6, PERSON), event(7, OTHER)));
        assertThat(tails.newest(PERSON, 2)).as("not served before it is filled").isEmpty();
        tails.fill(loading, List.of(new LoggedEvent(5, event(5, PERSON).event()), new LoggedEvent(2, event(2, PERSON).event())), true);
        assertThat(indices(tails.newest(PERSON, 3).orElseThrow().events())).containsExactly(6L, 5L, 2L);
        assertThat(tails.newest(PERSON, 3).orElseThrow().older()).isFalse();
        tails.appended(List.of(event(8, PERSON), event(9, PERSON)));
        HistoryTails.Newest newest = tails.newest(PERSON, 3).orElseThrow();
        assertThat(indices(newest.events())).containsExactly(9L, 8L, 6L);
        assertThat(newest.older()).as("the fourth is kept, and beyond the fourth a trimmed one").isTrue();
        assertThat(indices(tails.newest(PERSON, 4).orElseThrow().events())).containsExactly(9L, 8L, 6L, 5L);
        assertThat(tails.newest(PERSON, 4).orElseThrow().older()).as("2 was trimmed: older ones exist").isTrue();
        assertThat(tails.newest(PERSON, 5)).as("more than a tail keeps: read from the store").isEmpty();
        assertThat(tails.newest(OTHER, 1)).isEmpty();
    }

    @Test
    void a_dropped_or_replaced_tail_is_not_filled_and_the_least_recently_read_person_goes_first() {
        HistoryTails tails = new HistoryTails(4, 2);
        HistoryTails.Loading first = tails.begin(PERSON);
        tails.drop(PERSON);
        tails.fill(first, List.of(new LoggedEvent(1, event(1, PERSON).event())), true);
        assertThat(tails.newest(PERSON, 1)).as("dropped meanwhile (an erasure)").isEmpty();
        HistoryTails.Loading a = tails.begin(PERSON);
        tails.fill(a, List.of(), true);
        HistoryTails.Loading b = tails.begin(OTHER);
        tails.fill(b, List.of(), true);
        tails.newest(PERSON, 1);
        HistoryTails.Loading c = tails.begin(UUID.randomUUID());
        tails.fill(c, List.of(), true);
        assertThat(tails.newest(PERSON, 1)).isPresent();
        assertThat(tails.newest(OTHER, 1)).as("pushed out").isEmpty();
    }

    /** Whatever the split between what the read saw and what arrived meanwhile, the tail is the newest events, each once. */
    @Property(tries = 200)
    void a_tail_is_always_the_newest_events_each_once(@ForAll @IntRange(min = 0, max = 30) int before,
                                                      @ForAll @IntRange(min = 0, max = 10) int during,
                                                      @ForAll @IntRange(min = 0, max = 10) int seenOfDuring,
                                                      @ForAll @IntRange(min = 0, max = 10) int after) {
        int keep = 8;
        HistoryTails tails = new HistoryTails(keep, 4);
        HistoryTails.Loading loading = tails.begin(PERSON);
        List<SequencedEvent> meanwhile = new ArrayList<>();
        for (int i = 0; i < during; i++) {
            meanwhile.add(event(before + i, PERSON));
        }
        tails.appended(meanwhile);
        // The store's read: everything before, and the first of those appended meanwhile, newest first, at most keep.
        List<LoggedEvent> read = new ArrayList<>();
        for (long i = before + Math.min(seenOfDuring, during) - 1; i >= 0 && read.size() < keep; i--) {
            read.add(new LoggedEvent(i, event(i, PERSON).event()));
        }
        tails.fill(loading, read, before + Math.min(seenOfDuring, during) <= keep);
        for (int i = 0; i < after; i++) {
            tails.appended(List.of(event(before + during + i, PERSON)));
        }
        int total = before + during + after;
        int limit = Math.min(5, keep - 1);
        Optional<HistoryTails.Newest> newest = tails.newest(PERSON, limit);
        List<Long> expected = new ArrayList<>();
        for (long i = total - 1; i >= 0 && expected.size() < limit; i--) {
            expected.add(i);
        }
        assertThat(newest).isPresent();
        assertThat(indices(newest.get().events())).isEqualTo(expected);
        assertThat(newest.get().older()).isEqualTo(total > limit);
    }
}
