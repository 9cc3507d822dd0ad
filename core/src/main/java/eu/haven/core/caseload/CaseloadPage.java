package eu.haven.core.caseload;

import java.util.List;

/** A page of a caseload: the entries shown, from {@code offset}, of {@code total} matching the filter. */
public record CaseloadPage(List<CaseloadEntry> entries, int offset, int total) {}
