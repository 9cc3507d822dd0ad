package eu.haven.core.transparency;

import java.util.Map;

/** The counts kept as the ledger grows ({@link ReportTally}). */
public interface ReportCountRepository {
    /** Every count of the months from {@code fromMonth} to {@code toMonth}, both included ({@code 2026-01}). */
    Map<CountKey, Long> between(String fromMonth, String toMonth);
}
