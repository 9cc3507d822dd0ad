package eu.haven.core.transparency;

import java.time.Instant;
import java.util.List;

/**
 * The public transparency report of one year: its completed months, newest last, each table
 * published under {@link Suppression}; and the ledger's size and latest signed checkpoint, so that
 * anyone can check the log behind it grows and is the one the supervisory authority sees.
 */
public record TransparencyReport(int year, String frameworkId, String frameworkVersion, List<MonthReport> months, long ledgerSize,
                                 String checkpoint, Instant builtAt, long buildMillis) {}
