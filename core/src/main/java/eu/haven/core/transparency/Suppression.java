package eu.haven.core.transparency;

import java.util.Collection;

/**
 * The report's rule against singling anyone out. A count (an atom: one cell of a table) from 1 to 4
 * is published as {@code <5}. A total is published only when every count it adds up is published
 * exactly; otherwise it is withheld, whatever its size. So no published number depends on a count
 * shown as {@code <5}: changing such a count to any other value from 1 to 4 leaves every published
 * figure as it was, and no sum or difference of them can recover it. A count that cuts across a
 * table (the authority requests a court postponed, across the kinds of body and outcomes) is a total
 * of that table's cells in this sense.
 */
public final class Suppression {
    /** Counts below this (and above zero) are never published. */
    public static final long THRESHOLD = 5;

    private Suppression() {}

    public static boolean small(long n) {
        return n > 0 && n < THRESHOLD;
    }

    /** One count as published. */
    public static Shown atom(long n) {
        return small(n) ? Shown.SMALL : Shown.exact(n);
    }

    /** A total of counts as published: exact only when none of the counts is small. */
    public static Shown total(Collection<Long> atoms) {
        if (atoms.stream().anyMatch(Suppression::small)) {
            return Shown.WITHHELD;
        }
        return Shown.exact(atoms.stream().mapToLong(Long::longValue).sum());
    }
}
