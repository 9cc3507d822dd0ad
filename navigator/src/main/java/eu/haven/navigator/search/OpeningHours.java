package eu.haven.navigator.search;

import eu.haven.navigator.directory.Schedule;
import eu.haven.navigator.directory.Service;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a service is open at a moment, from its HSDS schedules (iCal rules: {@code freq} WEEKLY or DAILY,
 * {@code byday} as MO,TU,..., {@code opens_at} and {@code closes_at}, optional {@code valid_from}/{@code valid_to}).
 * A service without usable hours is {@link State#NO_HOURS}: still shown, and marked. The schedules are read once
 * ({@link #of}), so that asking many services at once costs little.
 */
public final class OpeningHours {
    public enum State { OPEN, CLOSED, NO_HOURS }

    /** One usable schedule: the days it holds (bit 1 for Monday ... bit 7 for Sunday), its hours and its dates. */
    private record Rule(int days, LocalTime opens, LocalTime closes, Optional<LocalDate> from, Optional<LocalDate> to) {
        boolean on(DayOfWeek day) {
            return (days & (1 << day.getValue())) != 0;
        }

        boolean openAt(ZonedDateTime when) {
            LocalDate day = when.toLocalDate();
            if (from.filter(day::isBefore).isPresent() || to.filter(day::isAfter).isPresent()) {
                return false;
            }
            LocalTime now = when.toLocalTime();
            if (closes.isAfter(opens)) {
                return on(when.getDayOfWeek()) && !now.isBefore(opens) && now.isBefore(closes);
            }
            // Open over midnight (19:00 to 09:00): the evening of an opening day, or the morning after one.
            return (on(when.getDayOfWeek()) && !now.isBefore(opens)) || (on(when.getDayOfWeek().minus(1)) && now.isBefore(closes));
        }
    }

    private static final int EVERY_DAY = 0b11111110;
    private final boolean closedForGood;
    private final List<Rule> rules;

    private OpeningHours(boolean closedForGood, List<Rule> rules) {
        this.closedForGood = closedForGood;
        this.rules = rules;
    }

    public static OpeningHours of(Service service) {
        boolean closed = "temporarily closed".equals(service.status()) || "defunct".equals(service.status())
            || "inactive".equals(service.status());
        return new OpeningHours(closed, service.schedules().stream().map(OpeningHours::rule).flatMap(Optional::stream).toList());
    }

    public static State at(Service service, ZonedDateTime when) {
        return of(service).at(when);
    }

    public State at(ZonedDateTime when) {
        if (closedForGood) {
            return State.CLOSED;
        }
        if (rules.isEmpty()) {
            return State.NO_HOURS;
        }
        for (Rule r : rules) {
            if (r.openAt(when)) {
                return State.OPEN;
            }
        }
        return State.CLOSED;
    }

    private static Optional<Rule> rule(Schedule s) {
        Optional<LocalTime> opens = time(s.opensAt());
        Optional<LocalTime> closes = time(s.closesAt());
        boolean weekly = s.freq() == null || s.freq().equalsIgnoreCase("WEEKLY");
        boolean daily = "DAILY".equalsIgnoreCase(s.freq());
        if (opens.isEmpty() || closes.isEmpty() || !(weekly || daily)) {
            return Optional.empty();
        }
        int days = 0;
        if (daily || s.byday() == null || s.byday().isBlank()) {
            days = EVERY_DAY;
        } else {
            for (String d : s.byday().split(",")) {
                for (DayOfWeek day : DayOfWeek.values()) {
                    if (day.name().substring(0, 2).equals(d.trim().toUpperCase(Locale.ROOT))) {
                        days |= 1 << day.getValue();
                    }
                }
            }
        }
        return Optional.of(new Rule(days, opens.get(), closes.get(), date(s.validFrom()), date(s.validTo())));
    }

    /** An HSDS time of day ({@code 09:00} or {@code 09:00:00}), when it is one. */
    public static Optional<LocalTime> time(String s) {
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
