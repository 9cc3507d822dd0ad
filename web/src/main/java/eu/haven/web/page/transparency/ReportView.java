package eu.haven.web.page.transparency;

import java.util.List;
import java.util.Optional;

/** The transparency report as its page shows it: every label and number in the reader's language. */
public record ReportView(int year, Optional<String> previousYear, Optional<String> nextYear, String framework, String ledgerSize,
                         String checkpoint, List<Chart> charts, List<Month> months, List<MonthLink> monthLinks, String csv, String json) {

    /** A link to one month's tables. */
    public record MonthLink(String name, String href, boolean current) {}

    /** One month: its name and its tables. */
    public record Month(String id, String name, List<Table> tables) {}

    /** A table: its caption, the heading of its rows and the headings of its columns, its rows, its totals row. */
    public record Table(String id, String caption, String rowHeading, List<String> columns, boolean rowTotals, List<Row> rows,
                        Optional<Row> totals) {}

    /** A row: its label, its cells, and its total where the table has one. */
    public record Row(String label, List<Cell> cells, Optional<Cell> total) {}

    /** A published number: its text, and whether it is exact, fewer than 5, or withheld. */
    public record Cell(String text, String kind) {}

    /**
     * A bar chart drawn on the server as SVG: one bar a month. A month whose figure is not published
     * exactly has no bar and says why.
     */
    public record Chart(String id, String title, String summary, int width, int height, List<Bar> bars) {}

    public record Bar(String label, String value, int x, int y, int width, int height, boolean shown) {}
}
