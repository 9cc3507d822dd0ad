package eu.haven.core.framework;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Names of organisation types that could exercise a firewalled purpose: immigration and border
 * authorities, police, prosecution, intelligence, custody, fraud investigation. A framework that
 * defines such a type without {@code enforcement: true} is refused, so that an immigration office
 * cannot join under a service's grant. A screen on names in the languages Haven ships, not a
 * proof: docs/FIREWALL.md says what it cannot catch.
 */
final class EnforcementNames {
    private static final List<Pattern> PATTERNS = List.of(
        "immigra", "migration[\\s_-]*(office|authority|agency|service|board|department|directorate|control)",
        "migrationsamt", "migrationsbeh", "migrationsverk", "ausl(ä|ae)nder", "aliens", "foreigners[\\s_-]*(office|authority)",
        "bamf", "asylum[\\s_-]*(office|authority|agency|determination)", "border", "grenz", "frontex", "customs", "zoll",
        "douane", "polic", "polizei", "gendarm", "carabinier", "europol", "interpol", "prosecut", "staatsanwalt",
        "parquet", "intelligence", "geheimdienst", "verfassungsschutz", "secret[\\s_-]*service", "security[\\s_-]*service",
        "homeland", "interior[\\s_-]*ministry", "ministry[\\s_-]*of[\\s_-]*(the[\\s_-]*)?interior", "innenministerium",
        "home[\\s_-]*office", "deport", "abschieb", "expuls", "removal", "detention", "prison", "gef(ä|ae)ngnis",
        "probation", "terror", "fraud", "money[\\s_-]*laundering", "investigat", "enforcement",
        "поліц", "полиц", "شرطة", "پلیس")
        .stream().map(p -> Pattern.compile(p, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)).toList();

    private EnforcementNames() {}

    /** The first pattern a name matches, for the message that refuses it. */
    static Optional<String> match(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (Pattern p : PATTERNS) {
            var m = p.matcher(lower);
            if (m.find()) {
                return Optional.of(m.group());
            }
        }
        return Optional.empty();
    }
}
