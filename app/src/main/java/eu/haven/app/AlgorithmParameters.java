package eu.haven.app;

import eu.haven.core.alert.Alert;
import eu.haven.core.framework.Firewall;
import eu.haven.core.framework.Framework;
import eu.haven.core.framework.Purpose;
import eu.haven.navigator.directory.Languages;
import eu.haven.navigator.directory.NavigatorService;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The values Haven's own automated procedures run with on this installation, for the algorithm
 * register: read from the configuration each time the register is shown, so they cannot drift from it.
 */
final class AlgorithmParameters {
    private AlgorithmParameters() {}

    static Map<String, Supplier<Map<String, String>>> of(Framework framework, Firewall firewall, HavenConfig.PeopleConfig people,
                                                         NavigatorService navigator, eu.haven.core.alert.WatchSettings watch) {
        return Map.of(
            "access-decisions", () -> Map.of(
                "framework", framework.id() + " " + framework.version(),
                "purposes", String.join(", ", framework.purposeCodes()),
                "firewall-roots", Integer.toString(Firewall.ROOTS.size()),
                "firewall-purposes", Integer.toString(firewall.purposes().size()),
                "guardian-age", Integer.toString(people.guardianAge())),
            "search-ranking", () -> Map.of(
                "languages", String.join(", ", Languages.ALL),
                "services", Integer.toString(navigator.directory().services().size())),
            "retention-job", () -> retention(framework, people),
            "dpo-alerts", () -> Map.of(
                "kinds", Arrays.stream(Alert.Kind.values()).map(Alert.Kind::code).collect(Collectors.joining(", ")),
                "unusual-volume", "more than " + watch.unusualMinimum() + " people a day and more than " + watch.unusualFactor()
                    + " times the usual of the last " + watch.baselineDays() + " working days (for someone newer, "
                    + Math.round(watch.unusualFactor() * watch.unusualMinimum()) + ")",
                "out-of-hours", watch.officeHours() + " on " + watch.officeDays().stream().sorted().map(Enum::name).collect(Collectors.joining(", "))
                    + " (" + watch.zone().getId() + ")",
                "repeated-refusals", watch.refusals() + " within " + watch.refusalWindow(),
                "firewall-burst", watch.firewallBurst() + " within " + watch.firewallWindow()));
    }

    private static Map<String, String> retention(Framework framework, HavenConfig.PeopleConfig people) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("interval", people.retentionInterval().toString());
        for (Purpose p : framework.purposes()) {
            p.retention().ifPresent(r -> out.put("purpose." + p.code(), r.period() + r.obligation().map(o -> " (" + o + ")").orElse("")));
        }
        return out;
    }
}
