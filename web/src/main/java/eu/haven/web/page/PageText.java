package eu.haven.web.page;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.util.ULocale;
import eu.haven.web.i18n.Messages;
import eu.haven.web.i18n.SimpleMessage;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The texts of one page in its language: looked up in the page's own bundles in order (the staff's
 * texts, then the texts people see), formatted with ICU so that plurals, dates and digits follow
 * the language. Made for one request and used by the one thread that renders it.
 */
public final class PageText {
    /** Texts and parsed message patterns by bundles, language and key: a bounded set, since bundles, keys and languages are fixed. */
    private static final java.util.concurrent.ConcurrentHashMap<List<Messages>, java.util.concurrent.ConcurrentHashMap<String, Catalogue>>
        CATALOGUES = new java.util.concurrent.ConcurrentHashMap<>();
    /** The texts and parsed patterns of some bundles in one language, by key (a key may read differently in the staff's texts). */
    private record Catalogue(java.util.concurrent.ConcurrentHashMap<String, String> texts,
                             java.util.concurrent.ConcurrentHashMap<String, Compiled> formats) {}
    /** Moments as written ({@link #written}), bounded. */
    private static final java.util.concurrent.ConcurrentHashMap<String, String> WRITTEN = new java.util.concurrent.ConcurrentHashMap<>();
    /**
     * A pattern as ICU parsed it (cloned for each use), as literal text and plain arguments when it is that simple, and the
     * texts it gave from counts alone (bounded).
     */
    private record Compiled(MessageFormat format, java.util.Optional<SimpleMessage> simple, Map<String, String> counted) {}
    /** Date formats by style, language and zone. */
    private static final java.util.concurrent.ConcurrentHashMap<String, DateFormat> DATES = new java.util.concurrent.ConcurrentHashMap<>();
    /** This page's own copies of the shared formatters: a page is rendered by one thread, so each is cloned once a page, not once a use. */
    private final Map<String, Object> mine = new HashMap<>();
    /** The texts and patterns of this page's bundles and language, found at the first use. */
    private Catalogue catalogue;
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
        String known = catalogue().texts().get(key);
        if (known != null) {
            return known;
        }
        String text = find(key);
        if (!text.equals(key)) {
            // Only keys the bundles have are remembered (a key may be made from a request's parameter).
            catalogue().texts().put(key, text);
        }
        return text;
    }

    private String find(String key) {
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
        Compiled compiled = catalogue().formats().computeIfAbsent(key, k -> {
            String pattern = t(key);
            return new Compiled(new MessageFormat(pattern, ULocale.forLanguageTag(lang)), SimpleMessage.of(pattern),
                new java.util.concurrent.ConcurrentHashMap<>());
        });
        Optional<String> simple = compiled.simple().flatMap(m -> m.format(namesAndValues));
        if (simple.isPresent()) {
            return simple.get();
        }
        if (!counts(namesAndValues)) {
            return ((MessageFormat) mine.computeIfAbsent("m\u0000" + key, k -> compiled.format().clone())).format(args(namesAndValues));
        }
        // Counts alone (minutes, how many): the same few on every page, so each is formatted by ICU once.
        String memo = java.util.Arrays.toString(namesAndValues);
        String known = compiled.counted().get(memo);
        if (known == null) {
            known = ((MessageFormat) compiled.format().clone()).format(args(namesAndValues));
            if (compiled.counted().size() < 256) {
                compiled.counted().put(memo, known);
            }
        }
        return known;
    }

    /** Named arguments as ICU takes them (a moment as a date). */
    private static Map<String, Object> args(Object[] namesAndValues) {
        Map<String, Object> args = new HashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            args.put((String) namesAndValues[i], value instanceof Instant at ? Date.from(at) : value);
        }
        return args;
    }

    private Catalogue catalogue() {
        if (catalogue == null) {
            catalogue = CATALOGUES.computeIfAbsent(bundles, b -> new java.util.concurrent.ConcurrentHashMap<>())
                .computeIfAbsent(lang, l -> new Catalogue(new java.util.concurrent.ConcurrentHashMap<>(), new java.util.concurrent.ConcurrentHashMap<>()));
        }
        return catalogue;
    }

    /** Whether every value is a small whole number (never a person's data: those are text). */
    private static boolean counts(Object[] namesAndValues) {
        for (int i = 1; i < namesAndValues.length; i += 2) {
            if (!(namesAndValues[i] instanceof Integer) && !(namesAndValues[i] instanceof Long)) {
                return false;
            }
        }
        return true;
    }

    /** A moment as the language writes a date and time, in the installation's time zone. */
    public String dateTime(Instant at) {
        return written("dt", Long.toString(Math.floorDiv(at.getEpochSecond(), 60)), () -> format("dt", at));
    }

    /** The same, of a moment as the view models carry it ({@link Instant#toString}: {@code 2026-12-07T18:42:37.111Z}). */
    public String dateTime(String iso) {
        return minute(iso).map(m -> written("dt", m, () -> format("dt", Instant.parse(iso)))).orElseGet(() -> dateTime(Instant.parse(iso)));
    }

    /** A day as the language writes it, of a moment as the view models carry it. */
    public String date(String iso) {
        return minute(iso).map(m -> written("d", m, () -> format("d", Instant.parse(iso)))).orElseGet(() -> date(Instant.parse(iso)));
    }

    /** {@code 2026-12-07T18:42} of an instant's text in UTC, which names its minute (ICU and java.time parse slowly). */
    private static Optional<String> minute(String iso) {
        return iso.length() >= 20 && iso.charAt(10) == 'T' && iso.charAt(13) == ':' && iso.charAt(16) == ':' && iso.endsWith("Z")
            ? Optional.of(iso.substring(0, 16)) : Optional.empty();
    }

    /**
     * A moment as written, remembered by style, language, zone and minute: a medium date and a short time show no
     * seconds, and zones have been offset by whole minutes since 1972, so every moment of a minute is written the same. Moments,
     * not people, are kept; the memory is emptied when it holds 20,000.
     */
    private String written(String style, String minute, java.util.function.Supplier<String> write) {
        String key = style + "\u0000" + lang + "\u0000" + zone.getId() + "\u0000" + minute;
        String known = WRITTEN.get(key);
        if (known == null) {
            known = write.get();
            if (WRITTEN.size() >= 20_000) {
                WRITTEN.clear();
            }
            WRITTEN.put(key, known);
        }
        return known;
    }

    /**
     * A formatter of this language and zone: made once (ICU's are costly to make) and cloned for
     * each use (they are not safe to share between threads).
     */
    private DateFormat dates(String style, java.util.function.Supplier<DateFormat> make) {
        return (DateFormat) mine.computeIfAbsent("d\u0000" + style, s -> DATES.computeIfAbsent(style + "\u0000" + lang + "\u0000" + zone.getId(), k -> {
            DateFormat format = make.get();
            format.setTimeZone(com.ibm.icu.util.TimeZone.getTimeZone(zone.getId()));
            return format;
        }).clone());
    }

    /** A day as the language writes it. */
    public String date(Instant at) {
        return written("d", Long.toString(Math.floorDiv(at.getEpochSecond(), 60)), () -> format("d", at));
    }

    /** A moment written by ICU: {@code dt} a medium date and a short time, {@code d} a medium date. */
    private String format(String style, Instant at) {
        ULocale locale = ULocale.forLanguageTag(lang);
        return dates(style, () -> style.equals("dt") ? DateFormat.getDateTimeInstance(DateFormat.MEDIUM, DateFormat.SHORT, locale)
            : DateFormat.getDateInstance(DateFormat.MEDIUM, locale)).format(Date.from(at));
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
        return ((NumberFormat) mine.computeIfAbsent("n", k -> NumberFormat.getIntegerInstance(ULocale.forLanguageTag(lang)))).format(n);
    }
}
