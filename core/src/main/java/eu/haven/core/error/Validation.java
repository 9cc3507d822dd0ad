package eu.haven.core.error;

import java.util.IllformedLocaleException;
import java.util.Locale;

/** Checks shared by the services; messages name the field, never the value. */
public final class Validation {
    private Validation() {}

    public static String text(String raw, String field, int max) {
        // A browser's textarea sends CRLF line breaks: one line break is one character, whoever sent it.
        String value = raw == null ? null : raw.replace("\r\n", "\n");
        if (value == null || value.isBlank()) {
            throw HavenException.invalid(field, "'" + field + "' is required.");
        }
        if (value.length() > max) {
            throw HavenException.invalid(field, "'" + field + "' is longer than " + max + " characters.");
        }
        if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            throw HavenException.invalid(field, "'" + field + "' contains control characters.");
        }
        return value.strip();
    }

    /** A well-formed BCP 47 language tag, returned in canonical form. */
    public static String language(String tag, String field) {
        String t = text(tag, field, 35);
        try {
            Locale locale = new Locale.Builder().setLanguageTag(t).build();
            if (locale.getLanguage().isEmpty() || !knownLanguage(locale.getLanguage())) {
                throw new IllformedLocaleException();
            }
            return locale.toLanguageTag();
        } catch (IllformedLocaleException e) {
            throw HavenException.invalid(field, "'" + field + "' must be a BCP 47 tag of a known language, such as en, ar, uk, ti or prs.");
        }
    }

    /** A language CLDR can name (ICU: the JDK's own data misses some, Dari among them). */
    private static boolean knownLanguage(String code) {
        com.ibm.icu.util.ULocale l = new com.ibm.icu.util.ULocale(code);
        return !l.getDisplayLanguage(com.ibm.icu.util.ULocale.ENGLISH).equalsIgnoreCase(code);
    }
}
