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
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The newest events kept for a reader that follows the ledger: what it answers is exactly the ledger's run, or nothing. */
class RecentEventsTest {
    private static SequencedEvent event(long index) {
        AccessEvent e = AccessEvent.byCaseworker(Instant.EPOCH.plusSeconds(index), UUID.randomUUID(), "city-shelter", "read", "shelter",
            UUID.randomUUID(), new LinkedHashSet<>(List.of("identity")), Optional.empty());
        return new SequencedEvent(index, e, new byte[16], new byte[32]);
    }

    private static List<SequencedEvent> run(long from, int n) {
        List<SequencedEvent> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            events.add(event(from + i));
        }
        return events;
    }

    private static List<Long> indices(Ledger.Period p) {
        return p.events().stream().map(LoggedEvent::index).toList();
    }

    @Test
    void pages_through_what_is_held_and_says_where_the_next_page_starts() {
        RecentEvents recent = new RecentEvents(8);
        recent.appended(run(10, 5));
        Ledger.Period first = recent.after(9, 3).orElseThrow();
        assertThat(indices(first)).containsExactly(10L, 11L, 12L);
        assertThat(first.more()).isTrue();
        assertThat(first.last()).isEqualTo(12);
        Ledger.Period second = recent.after(first.last(), 3).orElseThrow();
        assertThat(indices(second)).containsExactly(13L, 14L);
        assertThat(second.more()).isFalse();
        assertThat(recent.held()).as("10 to 12 are let go once the reader asks for what follows them").isEqualTo(2);
        Ledger.Period none = recent.after(14, 3).orElseThrow();
        assertThat(recent.held()).isZero();
        assertThat(none.events()).as("nothing newer than the newest held").isEmpty();
        assertThat(none.last()).isEqualTo(14);
        assertThat(recent.after(8, 3)).as("index 9 is not held: the store answers").isEmpty();
        assertThat(recent.after(11, 3)).as("taken already: the store answers").isEmpty();
        assertThat(recent.after(15, 3)).as("beyond what is held: the store answers").isEmpty();
    }

    @Test
    void the_oldest_go_when_full_and_a_gap_or_a_clear_starts_afresh() {
        RecentEvents recent = new RecentEvents(4);
        recent.appended(run(0, 6));
        assertThat(recent.after(0, 10)).as("0 to 1 were replaced").isEmpty();
        assertThat(indices(recent.after(1, 10).orElseThrow())).containsExactly(2L, 3L, 4L, 5L);
        // Rows this server did not append (another server's, a failed write's) leave a gap: only what follows it is held.
        recent.appended(run(8, 2));
        assertThat(recent.after(5, 10)).isEmpty();
        assertThat(indices(recent.after(7, 10).orElseThrow())).containsExactly(8L, 9L);
        recent.clear();
        assertThat(recent.after(7, 10)).as("after an erasure nothing is answered from memory").isEmpty();
        assertThat(recent.after(9, 10)).isEmpty();
        recent.appended(run(10, 1));
        assertThat(indices(recent.after(9, 10).orElseThrow())).containsExactly(10L);
    }

    /** Whatever is appended and asked, an answer is the ledger's own run from the index asked, never a skipped or stale event. */
    @Property(tries = 300)
    void an_answer_is_always_the_ledgers_next_events(@ForAll @Size(max = 30) List<@IntRange(min = 0, max = 12) Integer> steps,
                                                     @ForAll @IntRange(min = 1, max = 9) int capacity) {
        RecentEvents recent = new RecentEvents(capacity);
        List<SequencedEvent> ledger = new ArrayList<>();
        for (int step : steps) {
            if (step == 0) {
                recent.clear();
            } else if (step <= 4) {
                // Appended by another server: in the ledger, not seen here.
                ledger.add(event(ledger.size()));
            } else {
                List<SequencedEvent> batch = run(ledger.size(), step - 4);
                ledger.addAll(batch);
                recent.appended(batch);
            }
            for (long after = -1; after < ledger.size(); after++) {
                int limit = 1 + (int) Math.floorMod(after, 4L);
                Optional<Ledger.Period> answer = recent.after(after, limit);
                if (answer.isEmpty()) {
                    continue;
                }
                List<Long> got = indices(answer.get());
                long from = after + 1;
                List<Long> expected = new ArrayList<>();
                for (long i = from; i < Math.min(ledger.size(), from + limit); i++) {
                    expected.add(i);
                }
                // Events another server appended after this server's last are not known here: the answer may stop before them.
                assertThat(expected.subList(0, got.size())).isEqualTo(got);
                for (LoggedEvent e : answer.get().events()) {
                    assertThat(e.event()).isSameAs(ledger.get((int) e.index()).event());
                }
                assertThat(answer.get().last()).isEqualTo(got.isEmpty() ? after : got.get(got.size() - 1));
            }
        }
    }
}
