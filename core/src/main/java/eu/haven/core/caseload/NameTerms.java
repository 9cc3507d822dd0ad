package eu.haven.core.caseload;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a name is found by: its words folded (case and accents do not matter, "Āmina" is "amina")
 * and every prefix of each word, so that "ami" finds Amina. A filter's words
 * must each be found.
 */
public final class NameTerms {
    static final int MAX_PREFIX = 24;

    private NameTerms() {}

    public static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    public static List<String> words(String s) {
        return java.util.Arrays.stream(fold(s).split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).toList();
    }

    /** The terms a name is indexed under. */
    public static Set<String> of(String name) {
        Set<String> out = new LinkedHashSet<>();
        for (String w : words(name)) {
            int[] cps = w.codePoints().toArray();
            for (int n = 1; n <= Math.min(cps.length, MAX_PREFIX); n++) {
                out.add(new String(cps, 0, n));
            }
        }
        return out;
    }

    /** The terms a filter asks for: each word, cut to the longest prefix indexed. */
    public static Set<String> query(String filter) {
        Set<String> out = new LinkedHashSet<>();
        for (String w : words(filter)) {
            int[] cps = w.codePoints().toArray();
            out.add(new String(cps, 0, Math.min(cps.length, MAX_PREFIX)));
        }
        return out;
    }
}
