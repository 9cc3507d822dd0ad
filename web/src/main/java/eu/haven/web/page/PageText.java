package eu.haven.web.page;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.util.ULocale;
import eu.haven.web.i18n.Messages;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The texts of one page in its language: looked up in the page's own bundles in order (the staff's
 * texts, then the texts people see), formatted with ICU so that plurals, dates and digits follow
 * the language.
 */
public final class PageText {
    /** Parsed message patterns and date formats by language (and key or style): a bounded set, since keys and languages are fixed. */
    private static final java.util.concurrent.ConcurrentHashMap<String, MessageFormat> FORMATS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.concurrent.ConcurrentHashMap<String, DateFormat> DATES = new java.util.concurrent.ConcurrentHashMap<>();
    private final String lang;
    private final List<Messages> bundles;
    private final ZoneId zone;
    private final boolean explicit;

    public PageText(String lang, List<Messages> bundles, ZoneId zone) {
        this(lang, bundles, zone, true);
    }

    /** {@code explicit}: the reader chose the language in the link ({@code ?lang=}), so links carry it on. */
    public PageText(String lang, List<Messages> bundles, ZoneId zone, boolean explicit) {
        this.explicit = explicit;
        this.lang = lang;
        this.bundles = bundles;
        this.zone = zone;
    }

    public String lang() {
        return lang;
    }

    /** {@code rtl} for Arabic and Persian. */
    public String dir() {
        return Messages.direction(lang);
    }

    public boolean rtl() {
        return "rtl".equals(dir());
    }

    /** The text of a key; the key itself when no bundle has it (a test holds every key present). */
    public String t(String key) {
        for (Messages m : bundles) {
            if (m.languages().contains(lang) && m.has(lang, key)) {
                return m.text(lang, key);
            }
        }
        for (Messages m : bundles) {
            if (m.has("en", key)) {
                return m.text("en", key);
            }
        }
        return key;
    }

    /** True when some bundle has the key. */
    public boolean has(String key) {
        return !t(key).equals(key);
    }

    /** The text of a key with named arguments, given as name, value, name, value. */
    public String f(String key, Object... namesAndValues) {
        Map<String, Object> args = new HashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            args.put((String) namesAndValues[i], value instanceof Instant at ? Date.from(at) : value);
        }
        return ((MessageFormat) FORMATS.computeIfAbsent(lang + "\u0000" + key,
            k -> new MessageFormat(t(key), ULocale.forLanguageTag(lang))).clone()).format(args);
    }

    /** A moment as the language writes a date and time, in the installation's time zone. */
    public String dateTime(Instant at) {
        return dates("dt", () -> DateFormat.getDateTimeInstance(DateFormat.MEDIUM, DateFormat.SHORT, ULocale.forLanguageTag(lang)))
            .format(Date.from(at));
    }

    /**
     * A formatter of this language and zone: made once (ICU's are costly to make) and cloned for
     * each use (they are not safe to share between threads).
     */
    private DateFormat dates(String style, java.util.function.Supplier<DateFormat> make) {
        return (DateFormat) DATES.computeIfAbsent(style + "\u0000" + lang + "\u0000" + zone.getId(), k -> {
            DateFormat format = make.get();
            format.setTimeZone(com.ibm.icu.util.TimeZone.getTimeZone(zone.getId()));
            return format;
        }).clone();
    }

    /** A day as the language writes it. */
    public String date(Instant at) {
        return dates("d", () -> DateFormat.getDateInstance(DateFormat.MEDIUM, ULocale.forLanguageTag(lang))).format(Date.from(at));
    }

    /**
     * A link to a page of Haven's in this page's language: a language the reader chose travels in
     * the link, never in a cookie (otherwise the next page decides again the same way).
     */
    public String href(String path) {
        if (!explicit) {
            return path;
        }
        return path + (path.contains("?") ? "&" : "?") + "lang=" + lang;
    }

    /** A count with the digits the language uses. */
    public String number(long n) {
        return NumberFormat.getIntegerInstance(ULocale.forLanguageTag(lang)).format(n);
    }
}
