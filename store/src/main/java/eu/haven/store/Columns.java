package eu.haven.store;

import java.util.Arrays;
import java.util.List;

/** Lists of codes kept in one column, space separated (codes never contain spaces). */
final class Columns {
    private Columns() {}

    static String join(List<String> values) {
        return String.join(" ", values);
    }

    static List<String> split(String value) {
        return value == null || value.isBlank() ? List.of() : Arrays.asList(value.trim().split(" "));
    }
}
