package eu.haven.core.transparency;

import java.util.List;
import java.util.Optional;

/** One month of the transparency report. */
public record MonthReport(String month, List<ReportTable> tables) {
    public Optional<ReportTable> table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
