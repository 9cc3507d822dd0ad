package eu.haven.web.page.staff;

import java.util.List;

/** One row of an outcome table on the equality body's page: a language or an age group, its counts, its share accepted, its mean days. */
public record EqualityLine(String label, List<String> cells, String acceptance, String meanDays) {}
