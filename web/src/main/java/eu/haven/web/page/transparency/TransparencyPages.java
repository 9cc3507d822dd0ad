package eu.haven.web.page.transparency;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.haven.core.error.HavenException;
import eu.haven.core.transparency.MonthReport;
import eu.haven.core.transparency.ReportTable;
import eu.haven.core.transparency.Shown;
import eu.haven.core.transparency.TransparencyReport;
import eu.haven.core.transparency.TransparencyService;
import eu.haven.web.ErrorStatus;
import eu.haven.web.i18n.Labels;
import eu.haven.web.i18n.Messages;
import eu.haven.web.page.Area;
import eu.haven.web.page.Frame;
import eu.haven.web.page.PageKit;
import eu.haven.web.page.PageText;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The public transparency report: {@code /transparency} (HTML, charts drawn on the server as SVG, no
 * script), {@code /transparency.csv} and {@code /transparency.json}, for a year ({@code ?year=}).
 * No sign-in and no cookie. Every number is published under the report's rule against singling
 * anyone out ({@link eu.haven.core.transparency.Suppression}).
 */
public final class TransparencyPages {
    private static final int FIRST_YEAR = 2020;
    private final PageKit kit;
    private final TransparencyService transparency;
    private final Labels labels;
    private final ObjectMapper mapper;
    private final Messages messages = Messages.bundled();

    public TransparencyPages(PageKit kit, TransparencyService transparency, Labels labels, ObjectMapper mapper) {
        this.kit = kit;
        this.transparency = transparency;
        this.labels = labels;
        this.mapper = mapper;
    }

    public void register(RoutesConfig routes) {
        routes.get("/transparency", page(this::html));
        routes.get("/transparency.csv", page(ctx -> {
            TransparencyReport report = transparency.report(year(ctx));
            PageKit.headers(ctx);
            ctx.header("Content-Disposition", "attachment; filename=\"haven-transparency-" + report.year() + ".csv\"");
            ctx.contentType("text/csv; charset=utf-8").result(ReportFiles.csv(report));
        }));
        routes.get("/transparency.json", page(ctx -> {
            TransparencyReport report = transparency.report(year(ctx));
            ctx.contentType("application/json").result(mapper.writeValueAsString(ReportFiles.json(report)));
        }));
    }

    private int year(Context ctx) {
        int current = transparency.currentYear();
        String raw = Optional.ofNullable(ctx.queryParam("year")).orElse(Integer.toString(current));
        try {
            int year = Integer.parseInt(raw);
            if (year >= FIRST_YEAR && year <= current) {
                return year;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw HavenException.invalid("year", "Ask for a year from " + FIRST_YEAR + " to " + current + ".");
    }

    private Handler page(Handler handler) {
        return ctx -> {
            try {
                handler.handle(ctx);
            } catch (HavenException e) {
                PageText t = text(ctx);
                Frame f = kit.publicFrame(ctx, t, messages, t.t("error.title")).withError(true);
                kit.render(ctx, ErrorStatus.of(e.code()), "page/message.jte", Map.of("f", f, "heading", t.t("error.title"),
                    "body", Area.explain(t, e), "linkHref", t.href("/transparency"), "linkText", t.t("report.title")));
            }
        };
    }

    private PageText text(Context ctx) {
        return kit.text(ctx, List.of(messages), Optional.empty());
    }

    private void html(Context ctx) {
        PageText t = text(ctx);
        int year = year(ctx);
        TransparencyReport report = transparency.report(year);
        int current = transparency.currentYear();
        String query = "?year=";
        ReportView view = new ReportView(year,
            year > FIRST_YEAR ? Optional.of(t.href("/transparency" + query + (year - 1))) : Optional.empty(),
            year < current ? Optional.of(t.href("/transparency" + query + (year + 1))) : Optional.empty(),
            t.f("report.framework", "id", report.frameworkId(), "version", report.frameworkVersion()),
            t.f("report.ledger-size", "size", t.number(report.ledgerSize())), report.checkpoint(),
            List.of(chart(t, report, "chart-accesses", TransparencyService.ACCESSES), chart(t, report, "chart-firewall", TransparencyService.FIREWALL)),
            shownMonth(ctx, report).map(m -> month(t, m)).stream().toList(),
            report.months().stream().map(m -> new ReportView.MonthLink(monthName(t, YearMonth.parse(m.month())),
                t.href("/transparency" + query + year + "&month=" + m.month()), shownMonth(ctx, report).filter(m::equals).isPresent())).toList(),
            "/transparency.csv" + query + year, "/transparency.json" + query + year);
        kit.render(ctx, 200, "page/transparency/report.jte", Map.of("f", kit.publicFrame(ctx, t, messages, t.t("report.title")),
            "t", t, "v", view));
    }

    /** The month whose tables the page shows: the one asked for ({@code ?month=}), else the latest that has ended. */
    private static Optional<MonthReport> shownMonth(Context ctx, TransparencyReport report) {
        Optional<String> asked = Optional.ofNullable(ctx.queryParam("month"));
        return asked.flatMap(a -> report.months().stream().filter(m -> m.month().equals(a)).findFirst())
            .or(() -> report.months().isEmpty() ? Optional.empty() : Optional.of(report.months().get(report.months().size() - 1)));
    }

    private ReportView.Month month(PageText t, MonthReport m) {
        List<ReportView.Table> tables = new ArrayList<>();
        for (ReportTable table : m.tables()) {
            boolean oneColumn = table.columns().size() == 1;
            List<String> columns = table.columns().stream().map(c -> column(t, table.name(), c)).toList();
            List<ReportView.Row> rows = new ArrayList<>();
            for (int r = 0; r < table.rows().size(); r++) {
                int i = r;
                rows.add(new ReportView.Row(row(t, table.name(), table.rows().get(r)), table.cells().get(r).stream().map(c -> cell(t, c)).toList(),
                    table.rowTotals().map(x -> cell(t, x.get(i)))));
            }
            Optional<ReportView.Row> totals = table.total().map(total -> new ReportView.Row(t.t("report.total"),
                table.columnTotals().map(cs -> cs.stream().map(c -> cell(t, c)).toList()).orElse(oneColumn ? List.of(cell(t, total)) : List.of()),
                table.rowTotals().isPresent() ? Optional.of(cell(t, total)) : Optional.empty()));
            tables.add(new ReportView.Table(m.month() + "-" + table.name(), t.t("report.table." + table.name()), t.t("report.heading." + table.name()),
                columns, table.rowTotals().isPresent(), List.copyOf(rows), totals));
        }
        return new ReportView.Month(m.month(), monthName(t, YearMonth.parse(m.month())), List.copyOf(tables));
    }

    private static String monthName(PageText t, YearMonth m) {
        return m.format(DateTimeFormatter.ofPattern("LLLL yyyy", Locale.forLanguageTag(t.lang())));
    }

    private ReportView.Cell cell(PageText t, Shown s) {
        return switch (s.kind()) {
            case EXACT -> new ReportView.Cell(t.number(s.value().orElseThrow()), "exact");
            case SMALL -> new ReportView.Cell(t.t("report.small"), "small");
            case WITHHELD -> new ReportView.Cell(t.t("report.withheld"), "withheld");
        };
    }

    /** A row's label: a purpose, a category, an organisation type, a kind of body, or one of the report's own words. */
    private String row(PageText t, String table, String key) {
        return switch (table) {
            case TransparencyService.PEOPLE_SERVED -> labels.framework().organisationType(key).map(x -> x.label()).orElse(key);
            case TransparencyService.RECORDS, TransparencyService.ACCESSES -> purpose(t, key);
            case TransparencyService.RETENTION -> labels.category(t.lang(), key);
            case TransparencyService.AUTHORITY -> t.t("report.body." + key);
            default -> t.t("report.row." + key);
        };
    }

    private String column(PageText t, String table, String key) {
        if (ReportTable.COUNT.equals(key)) {
            return t.t("report.count");
        }
        return switch (table) {
            case TransparencyService.RECORDS -> labels.category(t.lang(), key);
            case TransparencyService.AUTHORITY -> t.t("report.status." + key);
            default -> t.has("report.outcome." + key) ? t.t("report.outcome." + key) : key;
        };
    }

    private String purpose(PageText t, String key) {
        return eu.haven.core.transparency.ReportTally.OTHER.equals(key) ? t.t("report.other") : labels.purpose(t.lang(), key);
    }

    private static final int CHART_WIDTH = 480;
    private static final int CHART_HEIGHT = 160;

    /** A month-by-month bar chart of a table's total. */
    private ReportView.Chart chart(PageText t, TransparencyReport report, String id, String table) {
        Map<String, Shown> values = new LinkedHashMap<>();
        report.months().forEach(m -> values.put(m.month(), m.table(table).flatMap(ReportTable::total).orElse(Shown.exact(0))));
        long max = values.values().stream().flatMap(s -> s.value().stream()).mapToLong(Long::longValue).max().orElse(0);
        int slot = CHART_WIDTH / 12;
        List<ReportView.Bar> bars = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, Shown> e : values.entrySet()) {
            YearMonth m = YearMonth.parse(e.getKey());
            String label = m.format(DateTimeFormatter.ofPattern("LLL", Locale.forLanguageTag(t.lang())));
            int height = e.getValue().value().map(v -> max == 0 ? 0 : (int) Math.max(v > 0 ? 2 : 0, v * (CHART_HEIGHT - 20) / max)).orElse(0);
            bars.add(new ReportView.Bar(label, cell(t, e.getValue()).text(), i * slot + 4, CHART_HEIGHT - height, slot - 8, height,
                e.getValue().kind() == Shown.Kind.EXACT));
            i++;
        }
        String title = t.t("report.chart." + table);
        return new ReportView.Chart(id, title, t.t("report.chart-summary"), CHART_WIDTH, CHART_HEIGHT, List.copyOf(bars));
    }
}
