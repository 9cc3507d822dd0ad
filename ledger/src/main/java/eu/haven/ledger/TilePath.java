package eu.haven.ledger;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tile's address per c2sp.org/tlog-tiles: {@code tile/<L>/<N>[.p/<W>]} for hashes and
 * {@code tile/entries/<N>[.p/<W>]} for entry bundles, with N in x-prefixed three-digit groups.
 */
public record TilePath(boolean entries, int level, long index, int width) {
    private static final Pattern PATH = Pattern.compile(
        "tile/(entries|[0-9]|[1-5][0-9]|6[0-3])/((?:x[0-9]{3}/)*[0-9]{3})(?:\\.p/([1-9][0-9]{0,2}))?");

    public static String hashes(int level, long index, int width) {
        return "tile/" + level + "/" + encode(index) + suffix(width);
    }

    public static String entries(long index, int width) {
        return "tile/entries/" + encode(index) + suffix(width);
    }

    public String path() {
        return entries ? entries(index, width) : hashes(level, index, width);
    }

    public boolean full() {
        return width == Tile.WIDTH;
    }

    /** Parses a path such as {@code tile/0/x001/234.p/7}; empty unless it is exactly well formed. */
    public static Optional<TilePath> parse(String path) {
        Matcher m = PATH.matcher(path);
        if (!m.matches()) {
            return Optional.empty();
        }
        String digits = m.group(2).replace("x", "").replace("/", "");
        if (digits.length() > 18) {
            return Optional.empty();
        }
        long index = Long.parseLong(digits);
        if (!encode(index).equals(m.group(2))) {
            return Optional.empty();
        }
        int width = m.group(3) == null ? Tile.WIDTH : Integer.parseInt(m.group(3));
        if (m.group(3) != null && width >= Tile.WIDTH) {
            return Optional.empty();
        }
        boolean entries = m.group(1).equals("entries");
        return Optional.of(new TilePath(entries, entries ? -1 : Integer.parseInt(m.group(1)), index, width));
    }

    static String encode(long n) {
        String s = String.format("%03d", n % 1000);
        for (n /= 1000; n > 0; n /= 1000) {
            s = String.format("x%03d/", n % 1000) + s;
        }
        return s;
    }

    private static String suffix(int width) {
        return width == Tile.WIDTH ? "" : ".p/" + width;
    }
}
