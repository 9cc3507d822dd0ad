package eu.haven.web.page.transparency;

import eu.haven.core.transparency.ReportTable;
import eu.haven.core.transparency.Shown;
import eu.haven.core.transparency.Suppression;
import eu.haven.core.transparency.TransparencyReport;
import java.util.List;
import java.util.Optional;

/**
 * The report as files to take away: CSV (one published number a line: month, table, row, column,
 * value; totals named {@code total}) and JSON. A number is written as it is published: digits,
 * {@code <5}, or {@code withheld}.
 */
final class ReportFiles {
    static final String TOTAL = "total";

    private ReportFiles() {}

    record JsonReport(int year, JsonFramework framework, JsonLedger ledger, String rule, List<JsonMonth> months) {}

    record JsonFramework(String id, String version) {}

    record JsonLedger(long size, String checkpoint) {}

    record JsonMonth(String month, List<JsonTable> tables) {}

    record JsonTable(String name, List<String> rows, List<String> columns, List<List<Object>> cells, List<Object> rowTotals,
                     List<Object> columnTotals, Object total) {}

    static JsonReport json(TransparencyReport r) {
        return new JsonReport(r.year(), new JsonFramework(r.frameworkId(), r.frameworkVersion()), new JsonLedger(r.ledgerSize(), r.checkpoint()),
            "Counts from 1 to " + (Suppression.THRESHOLD - 1) + " are published as \"<5\"; a total that would let one be worked out is \"withheld\".",
            r.months().stream().map(m -> new JsonMonth(m.month(), m.tables().stream().map(ReportFiles::table).toList())).toList());
    }

    private static JsonTable table(ReportTable t) {
        return new JsonTable(t.name(), t.rows(), t.columns(), t.cells().stream().map(r -> r.stream().map(ReportFiles::value).toList()).toList(),
            t.rowTotals().map(x -> x.stream().map(ReportFiles::value).toList()).orElse(null),
            t.columnTotals().map(x -> x.stream().map(ReportFiles::value).toList()).orElse(null), t.total().map(ReportFiles::value).orElse(null));
    }

    /** A number as JSON has it: the number itself when exact, else {@code "<5"} or {@code "withheld"}. */
    private static Object value(Shown s) {
        return s.value().<Object>map(v -> v).orElse(s.text());
    }

    static String csv(TransparencyReport r) {
        StringBuilder out = new StringBuilder("month,table,row,column,value\r\n");
        for (var m : r.months()) {
            for (ReportTable t : m.tables()) {
                for (int i = 0; i < t.rows().size(); i++) {
                    for (int j = 0; j < t.columns().size(); j++) {
                        line(out, m.month(), t.name(), t.rows().get(i), t.columns().get(j), t.cells().get(i).get(j));
                    }
                    int row = i;
                    t.rowTotals().ifPresent(x -> line(out, m.month(), t.name(), t.rows().get(row), TOTAL, x.get(row)));
                }
                t.columnTotals().ifPresent(x -> {
                    for (int j = 0; j < t.columns().size(); j++) {
                        line(out, m.month(), t.name(), TOTAL, t.columns().get(j), x.get(j));
                    }
                });
                Optional<Shown> total = t.total();
                total.ifPresent(x -> line(out, m.month(), t.name(), TOTAL, TOTAL, x));
            }
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String month, String table, String row, String column, Shown value) {
        out.append(month).append(',').append(field(table)).append(',').append(field(row)).append(',').append(field(column)).append(',')
            .append(value.text()).append("\r\n");
    }

    /** A CSV field (RFC 4180), quoted when it holds a comma, a quote or a line break. */
    private static String field(String s) {
        return s.matches(".*[\",\r\n].*") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
