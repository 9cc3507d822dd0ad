package eu.haven.navigator.search;

import eu.haven.navigator.directory.Schedule;
import eu.haven.navigator.directory.Service;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a service is open at a moment, from its HSDS schedules (iCal rules: {@code freq} WEEKLY or DAILY,
 * {@code byday} as MO,TU,..., {@code opens_at} and {@code closes_at}, optional {@code valid_from}/{@code valid_to}).
 * A service without usable hours is {@link State#NO_HOURS}: still shown, and marked.
 */
public final class OpeningHours {
    public enum State { OPEN, CLOSED, NO_HOURS }

    private OpeningHours() {
    }

    public static State at(Service service, ZonedDateTime when) {
        if ("temporarily closed".equals(service.status()) || "defunct".equals(service.status())
            || "inactive".equals(service.status())) {
            return State.CLOSED;
        }
        List<Schedule> usable = service.schedules().stream().filter(OpeningHours::usable).toList();
        if (usable.isEmpty()) {
            return State.NO_HOURS;
        }
        return usable.stream().anyMatch(s -> openAt(s, when)) ? State.OPEN : State.CLOSED;
    }

    private static boolean usable(Schedule s) {
        return time(s.opensAt()).isPresent() && time(s.closesAt()).isPresent()
            && (s.freq() == null || s.freq().equalsIgnoreCase("WEEKLY") || s.freq().equalsIgnoreCase("DAILY"));
    }

    static boolean openAt(Schedule s, ZonedDateTime when) {
        LocalDate day = when.toLocalDate();
        if (date(s.validFrom()).filter(day::isBefore).isPresent() || date(s.validTo()).filter(day::isAfter).isPresent()) {
            return false;
        }
        LocalTime now = when.toLocalTime();
        LocalTime opens = time(s.opensAt()).orElseThrow();
        LocalTime closes = time(s.closesAt()).orElseThrow();
        if (closes.isAfter(opens)) {
            return onDay(s, when.getDayOfWeek()) && !now.isBefore(opens) && now.isBefore(closes);
        }
        // Open over midnight (19:00 to 09:00): the evening of an opening day, or the morning after one.
        return (onDay(s, when.getDayOfWeek()) && !now.isBefore(opens)) || (onDay(s, when.getDayOfWeek().minus(1)) && now.isBefore(closes));
    }

    private static boolean onDay(Schedule s, DayOfWeek day) {
        return s.byday() == null || s.byday().isBlank() || "DAILY".equalsIgnoreCase(s.freq())
            || Arrays.stream(s.byday().split(",")).map(String::trim).anyMatch(d -> matches(d, day));
    }

    private static boolean matches(String icalDay, DayOfWeek day) {
        return day.name().substring(0, 2).equals(icalDay.toUpperCase(Locale.ROOT));
    }

    static Optional<LocalTime> time(String s) {
        try {
            return s == null ? Optional.empty() : Optional.of(LocalTime.parse(s.length() == 5 ? s + ":00" : s.substring(0, 8)));
        } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    private static Optional<LocalDate> date(String s) {
        try {
            return s == null ? Optional.empty() : Optional.of(LocalDate.parse(s));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
