package eu.haven.navigator.search;

import java.util.List;

/**
 * A page of results. {@code placeUnknown}: a place was typed that the city's list does not know, so nothing is sorted
 * by distance.
 */
public record SearchResults(List<SearchHit> hits, int total, int page, int size, boolean placeUnknown) {
    public int totalPages() {
        return total == 0 ? 0 : (total + size - 1) / size;
    }
}
