package eu.haven.navigator.question;

import static org.assertj.core.api.Assertions.assertThat;

import eu.haven.navigator.directory.Directory;
import eu.haven.navigator.directory.QuestionEntry;
import eu.haven.navigator.hsds.JsonImport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class QuestionBoxTest {
    static Directory demo;
    static QuestionBox box;

    @BeforeAll
    static void demo() {
        demo = new JsonImport().readBundled("/navigator/demo").directory();
        box = QuestionBox.build(demo);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
        en | where can I sleep tonight              | Where can I sleep tonight?
        de | Wo finde ich einen Arzt ohne Versicherung | I have no health insurance. Where can I see a doctor?
        uk | Де переночувати сьогодні?              | Where can I sleep tonight?
        ar | أين أتعلم الألمانية؟                    | Where can I learn German?
        ru | Где учить немецкий?                     | Where can I learn German?
        fa | غذای رایگان کجا بگیرم؟                 | Where can I get free food?
        so | Xagee ka helaa cunto bilaash ah         | Where can I get free food?
        fr | Comment inscrire mon enfant à l'école   | How do I register my child at school?
        """)
    void a_question_in_any_language_finds_its_curated_answer(String lang, String asked, String expectedQuestion) {
        assertThat(box.answer(asked, lang)).map(QuestionEntry::question).contains(expectedQuestion);
    }

    @Test
    void a_question_nobody_curated_has_no_answer() {
        assertThat(box.answer("purple elephant xylophone", "en")).isEmpty();
        assertThat(box.answer("", "en")).isEmpty();
        assertThat(box.answer("   ", "ar")).isEmpty();
    }

    @Test
    void every_entry_points_to_services_that_exist() {
        assertThat(demo.questions()).allSatisfy(q -> {
            assertThat(q.serviceIds()).isNotEmpty();
            assertThat(q.serviceIds()).allMatch(id -> demo.service(id).isPresent());
        });
    }
}
