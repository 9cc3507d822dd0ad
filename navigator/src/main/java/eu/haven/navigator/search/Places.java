package eu.haven.navigator.search;

import com.ibm.icu.text.Transliterator;
import eu.haven.navigator.directory.GeoPoint;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The city's districts, stations and streets with a point each ({@code places.txt}: names separated by |, then
 * latitude and longitude), so that a person can type where they are and see what is near. Names are compared
 * transliterated and folded, so "Nordstadt", "nordstadt" and "Нордштадт" meet. The place typed is never stored.
 */
public final class Places {
    private static final Transliterator FOLD = Transliterator.getInstance("Any-Latin; Latin-ASCII; Lower");
    private final Map<String, GeoPoint> byName;

    private Places(Map<String, GeoPoint> byName) {
        this.byName = byName;
    }

    public static Places bundled() {
        Map<String, GeoPoint> names = new LinkedHashMap<>();
        try (var in = new BufferedReader(new InputStreamReader(Places.class.getResourceAsStream("/navigator/places.txt"),
            StandardCharsets.UTF_8))) {
            in.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).forEach(line -> {
                String[] parts = line.split("\t");
                GeoPoint p = new GeoPoint(Double.parseDouble(parts[1]), Double.parseDouble(parts[2]));
                for (String name : parts[0].split("\\|")) {
                    names.put(key(name), p);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Places(Map.copyOf(names));
    }

    static String key(String name) {
        String latin;
        synchronized (FOLD) {
            latin = FOLD.transliterate(name.strip());
        }
        return latin.replaceAll("[^a-z0-9]", "").toLowerCase(Locale.ROOT);
    }

    /** The point of a place the person typed, when the city's list knows it. */
    public Optional<GeoPoint> find(String typed) {
        String k = key(typed);
        if (k.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(byName.get(k)).or(() -> byName.entrySet().stream()
            .filter(e -> e.getKey().startsWith(k) && k.length() >= 4).map(Map.Entry::getValue).findFirst());
    }
}
