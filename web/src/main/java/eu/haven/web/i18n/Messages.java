package eu.haven.web.i18n;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The texts people see, per language ({@code i18n/messages_<lang>.properties}, UTF-8, ICU
 * MessageFormat). A text missing in a language falls back to English.
 */
public final class Messages {
    /** The languages every person-facing text exists in. */
    public static final List<String> LANGUAGES = List.of("en", "de", "fr", "uk", "ru", "ar", "fa", "ti", "so");
    /** The languages of the staff's pages. */
    public static final List<String> STAFF_LANGUAGES = List.of("en", "de");
    private static final Messages BUNDLED = load("messages", LANGUAGES);
    private static final Messages STAFF = load("staff", STAFF_LANGUAGES);
    /** The languages a refusal letter to an authority can be written in. */
    public static final List<String> LETTER_LANGUAGES = eu.haven.core.authority.AuthorityRequestService.LETTER_LANGUAGES;
    private static final Messages LETTERS = load("letter", LETTER_LANGUAGES);

    private final Map<String, Properties> bundles;

    private Messages(Map<String, Properties> bundles) {
        this.bundles = bundles;
    }

    public static Messages bundled() {
        return BUNDLED;
    }

    /** The texts of the staff's pages ({@code i18n/staff_<lang>.properties}), in {@link #STAFF_LANGUAGES}. */
    public static Messages staff() {
        return STAFF;
    }

    /** The texts of the refusal letters to authorities ({@code i18n/letter_<lang>.properties}). */
    public static Messages letters() {
        return LETTERS;
    }

    private static Messages load(String base, List<String> languages) {
        Map<String, Properties> bundles = new HashMap<>();
        for (String lang : languages) {
            try (InputStream in = Messages.class.getResourceAsStream("/i18n/" + base + "_" + lang + ".properties")) {
                if (in == null) {
                    throw new IllegalStateException("missing messages for " + lang);
                }
                Properties p = new Properties();
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                bundles.put(lang, p);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Messages(Map.copyOf(bundles));
    }

    /**
     * The language to answer in: the first of these that Haven has texts for. Each candidate may be
     * a tag ({@code uk-UA}) or an Accept-Language header; English is the last resort.
     */
    public String choose(List<Optional<String>> candidates) {
        for (Optional<String> candidate : candidates) {
            if (candidate.isEmpty()) {
                continue;
            }
            for (String part : candidate.get().split(",")) {
                String tag = part.split(";")[0].trim().toLowerCase(Locale.ROOT);
                String lang = tag.split("[-_]")[0];
                if (bundles.containsKey(lang)) {
                    return lang;
                }
            }
        }
        return "en";
    }

    /** The languages these texts exist in. */
    public java.util.Set<String> languages() {
        return bundles.keySet();
    }

    /** The keys of a language's texts. */
    public java.util.Set<String> keys(String lang) {
        return bundles.getOrDefault(lang, bundles.get("en")).stringPropertyNames();
    }

    public boolean has(String lang, String key) {
        return bundles.getOrDefault(lang, bundles.get("en")).containsKey(key) || bundles.get("en").containsKey(key);
    }

    public String text(String lang, String key) {
        String value = bundles.getOrDefault(lang, bundles.get("en")).getProperty(key);
        if (value == null) {
            value = bundles.get("en").getProperty(key, key);
        }
        return value;
    }

    public String format(String lang, String key, Map<String, Object> args) {
        return new MessageFormat(text(lang, key), ULocale.forLanguageTag(lang)).format(args);
    }

    /** {@code rtl} for Arabic and Persian, {@code ltr} otherwise. */
    public static String direction(String lang) {
        String known = DIRECTIONS.get(lang);
        if (known != null) {
            return known;
        }
        String dir = ULocale.forLanguageTag(lang).isRightToLeft() ? "rtl" : "ltr";
        if (DIRECTIONS.size() < 64) {
            DIRECTIONS.put(lang, dir);
        }
        return dir;
    }

    /** Directions by language, asked of ICU once each (every page asks; a few dozen languages at most are kept). */
    private static final java.util.Map<String, String> DIRECTIONS = new java.util.concurrent.ConcurrentHashMap<>();
}
