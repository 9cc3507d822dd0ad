package eu.haven.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** A page's bytes are the UTF-8 of what the template wrote, in any script, whatever the pieces. */
class PageBytesTest {
    @Provide
    Arbitrary<List<String>> pieces() {
        // Every char, unpaired surrogates among them, and plenty of Arabic, Tigrinya and emoji.
        Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(40);
        Arbitrary<String> scripts = Arbitraries.of("سجل الوصول", "ናይ ምእታው", "Zugriffe", "€ ✓", "😀👍🏽", "<a href=\"x\">&</a>", "\uD800", "\uDC00x");
        return Arbitraries.oneOf(any, scripts).list().ofMaxSize(30);
    }

    @Property(tries = 500)
    void the_bytes_are_the_utf8_of_the_text(@ForAll("pieces") List<String> pieces) throws Exception {
        PageBytes out = new PageBytes();
        StringBuilder text = new StringBuilder();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        int i = 0;
        for (String p : pieces) {
            switch (i++ % 3) {
                case 0 -> out.writeContent(p);
                case 1 -> {
                    // A piece of a string, as the escaping writes the runs between the characters it replaces.
                    int from = p.length() / 3;
                    int to = p.length() - p.length() / 4;
                    out.writeContent("«" + p + "»", from + 1, to + 1);
                    p = p.substring(from, to);
                }
                default -> out.writeBinaryContent(p.getBytes(StandardCharsets.UTF_8));
            }
            expected.write(p.getBytes(StandardCharsets.UTF_8));
            text.append(p);
        }
        assertThat(out.toByteArray()).isEqualTo(expected.toByteArray());
        assertThat(out.stream().readAllBytes()).isEqualTo(expected.toByteArray());
        assertThat(out.size()).isEqualTo(expected.size());
    }

    @Test
    void fills_its_first_array_before_growing() {
        PageBytes out = new PageBytes();
        out.writeBinaryContent(new byte[16 * 1024 - 10]);
        // Ten ASCII characters fit exactly, though three bytes a character would not.
        out.writeContent("0123456789");
        assertThat(out.capacity()).isEqualTo(16 * 1024);
        out.writeContent("é");
        assertThat(out.capacity()).isGreaterThan(16 * 1024);
    }

    @Test
    void grows_past_its_first_array() {
        PageBytes out = new PageBytes();
        String arabic = "الوصول ".repeat(5_000);
        out.writeContent(arabic);
        out.writeBinaryContent(new byte[40_000]);
        assertThat(out.size()).isEqualTo(arabic.getBytes(StandardCharsets.UTF_8).length + 40_000);
        assertThat(new String(out.toByteArray(), StandardCharsets.UTF_8)).startsWith(arabic);
    }
}
