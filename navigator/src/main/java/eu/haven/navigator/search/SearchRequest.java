package eu.haven.navigator.search;

import java.util.Optional;

/**
 * A search: the words (may be empty), the reader's language, an optional category (a taxonomy term's id), whether
 * only services open now are wanted, and an optional place to measure distance from. None of it is kept.
 */
public record SearchRequest(String text, String lang, Optional<String> category, boolean openNow, Optional<String> near,
                            int page, int size) {
    /** The most results one search returns (the rest are not ranked). */
    public static final int MOST = 2000;

    public SearchRequest {
        text = text == null ? "" : text.strip();
        if (text.length() > 200) {
            text = text.substring(0, 200);
        }
        page = Math.max(1, page);
        size = Math.max(1, Math.min(size, MOST));
    }

    public static SearchRequest of(String text, String lang) {
        return new SearchRequest(text, lang, Optional.empty(), false, Optional.empty(), 1, 10);
    }
}
