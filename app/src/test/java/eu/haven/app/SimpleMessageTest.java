package eu.haven.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import eu.haven.web.i18n.Messages;
import eu.haven.web.i18n.SimpleMessage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The pages' shortcut for plain patterns gives exactly what ICU's MessageFormat gives, for every text Haven has and for made-up ones. */
class SimpleMessageTest {
    private static final String VALUE = "O'Brien {x} ‏مرحبا # 12";

    @Test
    void every_text_of_every_bundle_formats_as_icu_formats_it() {
        int simple = 0;
        for (Messages bundle : List.of(Messages.bundled(), Messages.staff(), Messages.letters())) {
            for (String lang : bundle.languages()) {
                for (String key : bundle.keys(lang)) {
                    String pattern = bundle.text(lang, key);
                    MessageFormat icu = new MessageFormat(pattern, ULocale.forLanguageTag(lang));
                    Optional<SimpleMessage> fast = SimpleMessage.of(pattern);
                    Map<String, Object> args = new HashMap<>();
                    icu.getArgumentNames().forEach(n -> args.put(n, VALUE + n));
                    Object[] pairs = args.entrySet().stream().flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue())).toArray();
                    if (fast.isPresent()) {
                        simple++;
                        assertThat(fast.get().format(args)).as(lang + " " + key).contains(icu.format(args));
                        assertThat(fast.get().format(pairs)).as(lang + " " + key + ", given as pairs").contains(icu.format(args));
                    } else {
                        assertThat(pattern).as(lang + " " + key + " is left to ICU only when it has more than plain arguments")
                            .containsAnyOf("plural", "select", "number", "date", "time", "choice", "ordinal");
                    }
                }
            }
        }
        assertThat(simple).isGreaterThan(500);
    }

    @Test
    void numbers_dates_and_missing_values_are_left_to_icu() {
        SimpleMessage m = SimpleMessage.of("{a} and {b}").orElseThrow();
        assertThat(m.format(Map.of("a", "x", "b", 3))).isEmpty();
        assertThat(m.format(Map.of("a", "x"))).isEmpty();
        assertThat(m.format(Map.of("a", "x", "b", "y"))).contains("x and y");
        assertThat(m.format("b", "y", "a", "x")).contains("x and y");
        assertThat(m.format("a", "x", "b", 3)).isEmpty();
        assertThat(m.format("a", "x")).isEmpty();
        assertThat(SimpleMessage.of("{n, plural, one {# day} other {# days}}")).isEmpty();
        assertThat(SimpleMessage.of("{n, number}")).isEmpty();
        assertThat(SimpleMessage.of("{0} numbered")).isEmpty();
    }

    @Test
    void texts_of_counts_are_formatted_as_icu_formats_them_from_memory_too() {
        int plural = 0;
        for (String lang : Messages.bundled().languages()) {
            eu.haven.web.page.PageText t = new eu.haven.web.page.PageText(lang, List.of(Messages.bundled()), java.time.ZoneId.of("UTC"));
            for (String key : Messages.bundled().keys(lang)) {
                String pattern = Messages.bundled().text(lang, key);
                if (!pattern.contains("plural")) {
                    continue;
                }
                MessageFormat icu = new MessageFormat(pattern, ULocale.forLanguageTag(lang));
                if (icu.getArgumentNames().size() != 1) {
                    continue;
                }
                String name = icu.getArgumentNames().iterator().next();
                plural++;
                for (int round = 0; round < 2; round++) {
                    for (int n : new int[] {0, 1, 2, 3, 5, 11, 15, 30, 100, 101}) {
                        assertThat(t.f(key, name, n)).as(lang + " " + key + " " + n).isEqualTo(icu.format(Map.of(name, n)));
                    }
                }
            }
        }
        assertThat(plural).isGreaterThan(9);
    }

    @Property(tries = 500)
    void made_up_patterns_format_as_icu_formats_them(@ForAll("patterns") String pattern) {
        MessageFormat icu;
        try {
            icu = new MessageFormat(pattern, ULocale.ENGLISH);
        } catch (IllegalArgumentException notAPattern) {
            assertThat(SimpleMessage.of(pattern)).isEmpty();
            return;
        }
        Map<String, Object> args = new HashMap<>();
        icu.getArgumentNames().forEach(n -> args.put(n, "<" + n + ">"));
        SimpleMessage.of(pattern).ifPresent(m -> assertThat(m.format(args)).contains(icu.format(args)));
    }

    @Provide
    Arbitrary<String> patterns() {
        Arbitrary<String> piece = Arbitraries.oneOf(Arbitraries.strings().withChars("ab '#|}{").ofMaxLength(4),
            Arbitraries.of("{name}", "{who}", "'{'", "''", "'{name}'", "{ name }", "{n, number}", "it's", "'#'", "{n, plural, other {#}}"));
        return piece.list().ofMaxSize(6).map(l -> String.join("", l));
    }
}
