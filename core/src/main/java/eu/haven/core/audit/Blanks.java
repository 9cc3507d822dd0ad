package eu.haven.core.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The audit's tally of blank openings and of the indices erasure records cover; every blank must be covered. */
final class Blanks {
    private long[] blank = new long[64];
    private int count;
    private final List<ErasureRecord.Range> covered = new ArrayList<>();

    void blank(long index) {
        if (count == blank.length) {
            blank = Arrays.copyOf(blank, count * 2);
        }
        blank[count++] = index;
    }

    void cover(List<ErasureRecord.Range> ranges) {
        covered.addAll(ranges);
    }

    /** The lowest blank index no erasure record covers, if any. */
    Optional<Long> firstUncovered() {
        List<ErasureRecord.Range> sorted = new ArrayList<>(covered);
        sorted.sort(Comparator.comparingLong(ErasureRecord.Range::first));
        int r = 0;
        long reach = -1;
        for (int i = 0; i < count; i++) {
            long b = blank[i];
            while (r < sorted.size() && sorted.get(r).first() <= b) {
                reach = Math.max(reach, sorted.get(r).last());
                r++;
            }
            if (reach < b) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }
}
