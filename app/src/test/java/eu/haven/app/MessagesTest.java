package eu.haven.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every person-facing text exists in every language, with the same placeholders, and says whether it was reviewed. */
class MessagesTest {
    private static final List<String> LANGUAGES = List.of("en", "de", "fr", "uk", "ru", "ar", "fa", "ti", "so");

    private static Properties load(String lang) throws Exception {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/i18n/messages_" + lang + ".properties")) {
            assertThat(in).as(lang).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static String raw(String lang) throws Exception {
        try (InputStream in = MessagesTest.class.getResourceAsStream("/i18n/messages_" + lang + ".properties")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Set<String> placeholders(String pattern, String lang) {
        return new TreeSet<>(new MessageFormat(pattern, new ULocale(lang)).getArgumentNames());
    }

    @Test
    void every_language_has_every_key_with_the_same_placeholders() throws Exception {
        Properties en = load("en");
        for (String lang : LANGUAGES) {
            Properties p = load(lang);
            assertThat(p.stringPropertyNames()).as(lang + ": the same keys as English").isEqualTo(en.stringPropertyNames());
            for (String key : en.stringPropertyNames()) {
                assertThat(placeholders(p.getProperty(key), lang)).as(lang + " " + key).isEqualTo(placeholders(en.getProperty(key), "en"));
                assertThat(p.getProperty(key)).as(lang + " " + key).isNotBlank();
            }
        }
    }

    @Test
    void the_staff_pages_have_every_text_in_english_and_german_with_the_same_placeholders() throws Exception {
        Properties en = new Properties();
        Properties de = new Properties();
        try (InputStream a = MessagesTest.class.getResourceAsStream("/i18n/staff_en.properties");
             InputStream b = MessagesTest.class.getResourceAsStream("/i18n/staff_de.properties")) {
            en.load(new InputStreamReader(a, StandardCharsets.UTF_8));
            de.load(new InputStreamReader(b, StandardCharsets.UTF_8));
        }
        assertThat(de.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
        for (String key : en.stringPropertyNames()) {
            assertThat(placeholders(de.getProperty(key), "de")).as("de " + key).isEqualTo(placeholders(en.getProperty(key), "en"));
        }
    }

    @Test
    void every_text_a_template_asks_for_exists() throws Exception {
        Properties en = load("en");
        try (InputStream a = MessagesTest.class.getResourceAsStream("/i18n/staff_en.properties")) {
            en.load(new InputStreamReader(a, StandardCharsets.UTF_8));
        }
        java.nio.file.Path root = java.nio.file.Path.of("..", "web", "src", "main");
        java.util.regex.Pattern call = java.util.regex.Pattern.compile("\\.(?:t|f)\\(\"([a-z][a-z0-9.-]*[a-z0-9])\"");
        try (var files = java.nio.file.Files.walk(root)) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".jte") || f.toString().endsWith(".java")).toList()) {
                java.util.regex.Matcher m = call.matcher(java.nio.file.Files.readString(file));
                while (m.find()) {
                    assertThat(en.containsKey(m.group(1))).as(file + " asks for " + m.group(1)).isTrue();
                }
            }
        }
    }

    @Test
    void each_translation_says_whether_a_native_speaker_reviewed_it() throws Exception {
        for (String lang : LANGUAGES.subList(1, LANGUAGES.size())) {
            assertThat(raw(lang)).as(lang).startsWith("# Translation status:");
        }
    }

    @Test
    void plural_messages_format_in_every_language() throws Exception {
        for (String lang : LANGUAGES) {
            String text = new MessageFormat(load(lang).getProperty("history.withheld"), new ULocale(lang))
                .format(java.util.Map.of("count", 3));
            assertThat(text).as(lang).doesNotContain("{").isNotBlank();
        }
    }
}
