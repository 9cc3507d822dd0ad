package eu.haven.navigator.directory;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Haven's extension to HSDS for texts in several languages. HSDS holds one language per text (the
 * directory's own, {@link Languages#SOURCE}); an object may carry {@code x_translations}, a map from
 * language code to the same field names with the text in that language, and {@code x_review}, the
 * languages whose texts were drafted by machine and wait for a native speaker. HSDS allows extra
 * properties, so documents carrying them stay valid HSDS 3.0, and a reader who ignores them sees the
 * source language.
 */
public record Translations(Map<String, Map<String, String>> texts, Set<String> review) {
    public static final Translations NONE = new Translations(Map.of(), Set.of());

    public Translations {
        texts = texts == null ? Map.of() : texts; // the records freeze theirs once, as they are made
        review = review == null ? Set.of() : review;
    }

    /** The same texts, immutable all the way down and in a fixed order (languages, then fields, by name); null stays null. */
    public static Map<String, Map<String, String>> frozen(Map<String, Map<String, String>> texts) {
        if (texts == null) {
            return null;
        }
        var out = new java.util.TreeMap<String, Map<String, String>>();
        texts.forEach((lang, fields) -> out.put(lang, fields == null ? Map.of()
            : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(fields))));
        return java.util.Collections.unmodifiableMap(out);
    }

    /** The languages, immutable and in a fixed order (by code); null stays null. */
    public static Set<String> frozen(Set<String> languages) {
        return languages == null ? null : java.util.Collections.unmodifiableSet(new java.util.TreeSet<>(languages));
    }

    /** The field in {@code lang}, or the source text when it has no translation in that language. */
    public String of(String lang, String field, String source) {
        return Optional.ofNullable(texts.get(lang)).map(t -> t.get(field)).filter(s -> !s.isBlank()).orElse(source);
    }

    /** Whether {@code lang}'s text of this object still needs review by a native speaker. */
    public boolean needsReview(String lang) {
        return review.contains(lang);
    }

    /** Every language's text of the field, the source's included. */
    public Map<String, String> all(String field, String source) {
        var out = new java.util.LinkedHashMap<String, String>();
        if (source != null && !source.isBlank()) {
            out.put(Languages.SOURCE, source);
        }
        texts.forEach((lang, t) -> Optional.ofNullable(t.get(field)).filter(s -> !s.isBlank()).ifPresent(s -> out.put(lang, s)));
        return out;
    }
}
