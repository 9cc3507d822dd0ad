package eu.haven.web;

import eu.haven.core.error.HavenException;
import java.util.UUID;

/**
 * Identifiers taken from a path, for the API and the pages alike: one that cannot be one answers
 * exactly as one that names nothing (404), so a malformed id tells nothing more than a wrong one.
 */
public final class PathIds {
    private PathIds() {}

    public static UUID uuid(String raw) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw HavenException.notFound();
        }
    }

    /**
     * Where a page of a history starts ({@code ?before=} the last index shown): the newest when the
     * parameter is missing or not a number.
     */
    public static long before(String raw) {
        try {
            return raw == null ? Long.MAX_VALUE : Math.max(0, Long.parseLong(raw));
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /** A ledger index: a non-negative number. */
    public static long ledgerIndex(String raw) {
        try {
            long index = Long.parseLong(raw);
            if (index < 0) {
                throw HavenException.notFound();
            }
            return index;
        } catch (NumberFormatException e) {
            throw HavenException.notFound();
        }
    }
}
