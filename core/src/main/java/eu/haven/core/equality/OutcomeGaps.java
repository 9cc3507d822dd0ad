package eu.haven.core.equality;

import eu.haven.core.transparency.Shown;
import java.util.List;
import java.util.Optional;

/**
 * How outcomes compare across groups of people, for a period: one table by language and one by
 * age group. Counts from 1 to 4 are {@code <5}; where either table has such a count for an outcome,
 * each table also withholds its smallest published count of that outcome (so that neither table can
 * be subtracted from the other); a rate or a mean is shown only where everything it is made of is
 * published exactly.
 */
public record OutcomeGaps(String from, String to, Table byLanguage, Table byAgeGroup) {

    /** Rows (languages or age groups) by outcome columns ({@link Outcome} codes), then the acceptance rate and the mean days to answer. */
    public record Table(List<String> rows, List<String> outcomes, List<List<Shown>> cells, List<Optional<Double>> acceptance,
                        List<Optional<Double>> meanDaysToAnswer) {}
}
