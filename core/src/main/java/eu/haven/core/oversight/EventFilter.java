package eu.haven.core.oversight;

import eu.haven.core.error.HavenException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * What the supervisory authority asks to see: a period of days ({@code to} included) and,
 * optionally, one organisation, one purpose (as recorded) and one outcome ({@code permitted} or a
 * refusal's reason).
 */
public record EventFilter(LocalDate from, LocalDate to, Optional<String> organisation, Optional<String> purpose, Optional<String> outcome) {

    /** From what a form or a query gave (each may be missing or blank): this month so far unless dates are given. */
    public static EventFilter of(Optional<String> from, Optional<String> to, Optional<String> organisation, Optional<String> purpose,
                                 Optional<String> outcome, LocalDate today) {
        return new EventFilter(date(from, "from").orElse(today.withDayOfMonth(1)), date(to, "to").orElse(today), text(organisation),
            text(purpose), text(outcome));
    }

    private static Optional<String> text(Optional<String> raw) {
        return raw.map(String::strip).filter(s -> !s.isEmpty()).map(s -> s.length() > 300 ? s.substring(0, 300) : s);
    }

    private static Optional<LocalDate> date(Optional<String> raw, String field) {
        Optional<String> given = raw.map(String::strip).filter(s -> !s.isEmpty());
        try {
            return given.map(LocalDate::parse);
        } catch (DateTimeParseException e) {
            throw HavenException.invalid(field, "Give the date as YYYY-MM-DD.");
        }
    }
}
