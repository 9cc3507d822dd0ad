package eu.haven.core.equality;

import java.util.List;

/** Counts by month, outcome, language and age group, with the days answers took: no person in them. */
public interface EqualityCountRepository {
    record Count(String month, String outcome, String language, String ageGroup, long n, long days) {}

    void add(String month, Outcome outcome, String language, String ageGroup, long days);

    /** Every count of the months from {@code fromMonth} to {@code toMonth}, both included. */
    List<Count> between(String fromMonth, String toMonth);
}
