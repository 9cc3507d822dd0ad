package eu.haven.core.alert;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

/**
 * The thresholds of the access watch ({@link AccessWatch}), from the configuration:
 * <ul>
 *   <li>a member of staff opens more different people in a day than {@code unusualFactor} times their
 *   usual (the average of their last {@code baselineDays} working days), and at least {@code unusualMinimum}
 *   (for someone with fewer than half that many working days on record, {@code unusualFactor} times the minimum);</li>
 *   <li>an access to a person's data on a day not in {@code officeDays} or outside
 *   {@code officeOpens}..{@code officeCloses} (the installation's time zone);</li>
 *   <li>{@code refusals} refusals of one member of staff within {@code refusalWindow};</li>
 *   <li>{@code firewallBurst} firewall refusals, anyone's, within {@code firewallWindow}.</li>
 * </ul>
 */
public record WatchSettings(int unusualMinimum, double unusualFactor, int baselineDays, LocalTime officeOpens, LocalTime officeCloses,
                            Set<DayOfWeek> officeDays, int refusals, Duration refusalWindow, int firewallBurst, Duration firewallWindow,
                            ZoneId zone) {

    public static WatchSettings defaults(ZoneId zone) {
        return new WatchSettings(30, 3.0, 14, LocalTime.of(7, 0), LocalTime.of(20, 0),
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY), 5, Duration.ofMinutes(10), 3, Duration.ofMinutes(10), zone);
    }

    public WatchSettings {
        if (unusualMinimum < 1 || unusualFactor < 1 || baselineDays < 1 || refusals < 2 || firewallBurst < 1
            || !officeCloses.isAfter(officeOpens) || officeDays.isEmpty() || refusalWindow.isNegative() || firewallWindow.isNegative()) {
            throw new IllegalArgumentException("the access watch's thresholds are out of range");
        }
        officeDays = Set.copyOf(officeDays);
    }

    /** {@code 07:00-20:00} and {@code MON-SAT}, as the configuration writes them. */
    public String officeHours() {
        return officeOpens + "-" + officeCloses;
    }
}
