package eu.haven.web.page.navigator;

import com.ibm.icu.text.Collator;
import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.DateFormatSymbols;
import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.util.ULocale;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * ICU's names and formats for the nine languages, made once each (ICU's are costly to make) and cloned where they are
 * not safe to share: weekday names, time of day, decimals, a language's name in another, and the order of words.
 */
final class LocaleFormats {
    private static final Map<String, String[]> WEEKDAYS = new ConcurrentHashMap<>();
    private static final Map<String, DateFormat> TIMES = new ConcurrentHashMap<>();
    private static final Map<String, NumberFormat> DECIMALS = new ConcurrentHashMap<>();
    private static final Map<String, String> LANGUAGE_NAMES = new ConcurrentHashMap<>();
    private static final Map<String, Collator> COLLATORS = new ConcurrentHashMap<>();

    private LocaleFormats() {
    }

    /** Sunday first, as {@link java.util.Calendar} numbers them from 1. */
    static String weekday(String lang, int calendarDay) {
        return WEEKDAYS.computeIfAbsent(lang, l -> DateFormatSymbols.getInstance(ULocale.forLanguageTag(l))
            .getWeekdays(DateFormatSymbols.FORMAT, DateFormatSymbols.WIDE))[calendarDay];
    }

    static String time(String lang, java.time.LocalTime time) {
        DateFormat f = (DateFormat) TIMES.computeIfAbsent(lang, l -> {
            DateFormat made = DateFormat.getTimeInstance(DateFormat.SHORT, ULocale.forLanguageTag(l));
            made.setTimeZone(com.ibm.icu.util.TimeZone.GMT_ZONE);
            return made;
        }).clone();
        return f.format(new java.util.Date(time.toSecondOfDay() * 1000L));
    }

    static String decimal(String lang, double value) {
        NumberFormat f = (NumberFormat) DECIMALS.computeIfAbsent(lang, l -> {
            NumberFormat made = NumberFormat.getNumberInstance(ULocale.forLanguageTag(l));
            made.setMaximumFractionDigits(1);
            made.setMinimumFractionDigits(1);
            return made;
        }).clone();
        return f.format(value);
    }

    /** The name of language {@code code} in language {@code lang}. */
    static String languageName(String code, String lang) {
        return LANGUAGE_NAMES.computeIfAbsent(code + "\u0000" + lang, k -> new ULocale(code).getDisplayLanguage(ULocale.forLanguageTag(lang)));
    }

    static <T> Comparator<T> order(String lang, java.util.function.Function<T, String> key) {
        Collator c = COLLATORS.computeIfAbsent(lang, l -> Collator.getInstance(ULocale.forLanguageTag(l)).freeze());
        return Comparator.comparing(key, c::compare);
    }
}
