package eu.haven.core.transparency;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One table of a month's report: rows by one dimension, columns by another (a single column
 * {@code n} where there is none), each cell published by {@link Suppression}, with the totals of
 * each row and column and of the whole where the table has them.
 */
public record ReportTable(String name, List<String> rows, List<String> columns, List<List<Shown>> cells,
                          Optional<List<Shown>> rowTotals, Optional<List<Shown>> columnTotals, Optional<Shown> total) {
    /** The single column of a one-dimensional table. */
    public static final String COUNT = "n";

    /**
     * Builds a table from its counts ({@code counts.get(row).get(column)}, missing means 0).
     * {@code totals}: whether the table adds up (people served by type does not: a person may be
     * served by several types).
     */
    public static ReportTable of(String name, List<String> rows, List<String> columns, Map<String, Map<String, Long>> counts, boolean totals) {
        List<List<Shown>> cells = new ArrayList<>();
        List<Shown> rowTotals = new ArrayList<>();
        List<List<Long>> byColumn = new ArrayList<>();
        columns.forEach(c -> byColumn.add(new ArrayList<>()));
        List<Long> all = new ArrayList<>();
        for (String r : rows) {
            List<Shown> line = new ArrayList<>();
            List<Long> rowAtoms = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                long n = counts.getOrDefault(r, Map.of()).getOrDefault(columns.get(i), 0L);
                line.add(Suppression.atom(n));
                rowAtoms.add(n);
                byColumn.get(i).add(n);
                all.add(n);
            }
            cells.add(List.copyOf(line));
            rowTotals.add(Suppression.total(rowAtoms));
        }
        boolean twoWay = columns.size() > 1;
        return new ReportTable(name, List.copyOf(rows), List.copyOf(columns), List.copyOf(cells),
            totals && twoWay ? Optional.of(List.copyOf(rowTotals)) : Optional.empty(),
            totals && twoWay ? Optional.of(byColumn.stream().map(Suppression::total).toList()) : Optional.empty(),
            totals ? Optional.of(Suppression.total(all)) : Optional.empty());
    }

    /** The cell at a row and column, if the table has them. */
    public Optional<Shown> cell(String row, String column) {
        int r = rows.indexOf(row);
        int c = columns.indexOf(column);
        return r < 0 || c < 0 ? Optional.empty() : Optional.of(cells.get(r).get(c));
    }
}
