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
