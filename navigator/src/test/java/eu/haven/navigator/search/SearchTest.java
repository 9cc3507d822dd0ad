package eu.haven.navigator.search;

import static org.assertj.core.api.Assertions.assertThat;

import eu.haven.navigator.directory.Directory;
import eu.haven.navigator.directory.InMemoryDirectoryRepository;
import eu.haven.navigator.directory.Languages;
import eu.haven.navigator.directory.NavigatorService;
import eu.haven.navigator.directory.Service;
import eu.haven.navigator.hsds.ImportResult;
import eu.haven.navigator.hsds.JsonImport;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SearchTest {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** A Tuesday, 10:00 in the city. */
    static final ZonedDateTime TUESDAY_10 = ZonedDateTime.of(2026, 12, 1, 10, 0, 0, 0, BERLIN);
    static Directory demo;
    static NavigatorService navigator;

    @BeforeAll
    static void demo() {
        ImportResult r = new JsonImport().readBundled("/navigator/demo");
        assertThat(r.badRows()).isEmpty();
        demo = r.directory();
        navigator = at(TUESDAY_10);
    }

    static NavigatorService at(ZonedDateTime when) {
        return new NavigatorService(new InMemoryDirectoryRepository(demo), Clock.fixed(when.toInstant(), BERLIN), BERLIN);
    }

    static List<String> englishNames(SearchResults r) {
        return r.hits().stream().map(h -> h.service().name()).toList();
    }

    @Test
    void the_demo_city_has_forty_services_in_eight_categories_in_nine_languages_and_thirty_questions() {
        assertThat(demo.services()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(demo.categories()).hasSizeGreaterThanOrEqualTo(8);
        assertThat(demo.questions()).hasSizeGreaterThanOrEqualTo(30);
        for (Service s : demo.services()) {
            for (String lang : Languages.ALL) {
                assertThat(s.translations().all("name", s.name())).as(s.name() + " in " + lang).containsKey(lang);
                assertThat(s.translations().all("description", s.description())).containsKey(lang);
            }
            assertThat(s.translations().review()).as("machine-drafted texts are marked").contains("ti", "so", "ar");
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
        en | night shelter            | Night shelter
        de | Notunterkunft            | Night shelter
        fr | titre de séjour          | Advice on asylum and residence
        uk | лікар без запису         | Walk-in clinic
        ru | курс немецкого           | German course for beginners
        ar | مأوى ليلي                | Night shelter
        fa | ثبت نام مدرسه            | Help with school registration
        ti | ክሊኒክ                    | Walk-in clinic
        so | bangiga cuntada          | Food bank
        """)
    void a_search_in_each_language_finds_the_services_it_means(String lang, String query, String expected) {
        SearchResults r = navigator.search(SearchRequest.of(query, lang));
        assertThat(englishNames(r)).isNotEmpty();
        assertThat(englishNames(r).get(0)).startsWith(expected);
        assertThat(r.hits().get(0).reasons()).contains(Reason.OWN_LANGUAGE);
    }

    @Test
    void kyiv_and_its_ukrainian_spelling_find_each_other() {
        SearchResults latin = navigator.search(SearchRequest.of("Kyiv", "uk"));
        SearchResults cyrillic = navigator.search(SearchRequest.of("Київ", "en"));
        assertThat(englishNames(latin).get(0)).startsWith("Advice desk of the Kyiv association");
        assertThat(englishNames(cyrillic).get(0)).startsWith("Advice desk of the Kyiv association");
    }

    @Test
    void a_name_in_another_script_is_found_by_transliteration() {
        Service odesa = new Service("0f8e4c1a-1b2c-4d3e-8f4a-5b6c7d8e9f01", null, "Odesa Café", "Meeting place.", null, null, null,
            "active", null, null, null, null, List.of(), List.of(), List.of(), List.of(), List.of(), null, null);
        Directory d = new Directory(List.of(), List.of(odesa), List.of(), List.of(), List.of(), List.of(), List.of());
        var nav = new NavigatorService(new InMemoryDirectoryRepository(d), Clock.fixed(TUESDAY_10.toInstant(), BERLIN), BERLIN);
        SearchResults r = nav.search(SearchRequest.of("Одеса", "uk"));
        assertThat(englishNames(r)).containsExactly("Odesa Café");
        assertThat(r.hits().get(0).reasons()).containsExactly(Reason.OTHER_SCRIPT);
    }

    @ParameterizedTest(name = "{0} read in {1}")
    @CsvSource(delimiter = '|', textBlock = """
        Aufenthaltstitel | ar | Advice on asylum and residence
        Jobcenter        | uk | Help with benefits and letters
        Krankenschein    | fa | Walk-in clinic
        Duldung          | ti | Advice on asylum and residence
        """)
    void a_german_word_from_a_letter_finds_the_service_in_the_readers_language(String word, String lang, String expected) {
        SearchResults r = navigator.search(SearchRequest.of(word, lang));
        assertThat(englishNames(r)).isNotEmpty();
        assertThat(englishNames(r).get(0)).startsWith(expected);
        assertThat(r.hits().get(0).reasons()).contains(Reason.TERM);
    }

    @Test
    void krankenschein_is_nowhere_in_the_texts_and_still_found_through_the_term_map() {
        assertThat(demo.services()).noneMatch(s -> s.translations().all("description", s.description()).values().stream()
            .anyMatch(t -> t.toLowerCase().contains("krankenschein")));
        assertThat(navigator.search(SearchRequest.of("Krankenschein", "so")).hits().get(0).reasons()).containsExactly(Reason.TERM);
    }

    @Test
    void a_misspelt_word_still_finds_the_service() {
        SearchResults r = navigator.search(SearchRequest.of("Notunterkunfft", "de"));
        assertThat(englishNames(r)).isNotEmpty().allMatch(n -> n.startsWith("Night shelter") || n.startsWith("Emergency housing"));
        assertThat(r.hits().get(0).reasons()).contains(Reason.CLOSE_SPELLING);
    }

    @Test
    void open_now_follows_the_schedules_at_a_fixed_clock() {
        SearchRequest open = new SearchRequest("", "en", Optional.empty(), true, Optional.empty(), 1, 100);
        List<SearchHit> hits = navigator.search(open).hits();
        assertThat(hits).extracting(h -> h.service().name()).anyMatch(n -> n.startsWith("Walk-in clinic"))
            .noneMatch(n -> n.startsWith("Food bank")).noneMatch(n -> n.startsWith("Night shelter"));
        assertThat(hits).filteredOn(h -> h.service().name().startsWith("Language café"))
            .isNotEmpty().allMatch(h -> h.open() == OpeningHours.State.NO_HOURS);
        List<SearchHit> early = at(TUESDAY_10.withHour(8)).search(open).hits();
        assertThat(early).extracting(h -> h.service().name()).anyMatch(n -> n.startsWith("Night shelter"))
            .noneMatch(n -> n.startsWith("Walk-in clinic"));
        List<SearchHit> sunday = at(TUESDAY_10.plusDays(5)).search(open).hits();
        assertThat(sunday).allMatch(h -> h.open() != OpeningHours.State.CLOSED);
    }

    @Test
    void near_a_district_sorts_by_distance_and_an_unknown_place_is_said() {
        SearchRequest near = new SearchRequest("", "de", Optional.empty(), false, Optional.of("Nordstadt"), 1, 5);
        SearchResults r = navigator.search(near);
        assertThat(r.hits().get(0).service().name()).endsWith("Nordstadt");
        assertThat(r.hits()).allMatch(h -> h.kilometres().isPresent());
        assertThat(r.hits().get(0).kilometres().orElseThrow()).isLessThan(r.hits().get(4).kilometres().orElseThrow());
        SearchResults cyrillic = navigator.search(new SearchRequest("", "uk", Optional.empty(), false, Optional.of("Нордштадт"), 1, 5));
        assertThat(cyrillic.hits().get(0).service().name()).endsWith("Nordstadt");
        SearchResults unknown = navigator.search(new SearchRequest("", "de", Optional.empty(), false, Optional.of("Atlantis"), 1, 5));
        assertThat(unknown.placeUnknown()).isTrue();
        assertThat(unknown.hits()).allMatch(h -> h.kilometres().isEmpty());
    }

    @Test
    void a_category_filter_keeps_only_its_services() {
        String health = demo.categories().stream().filter(t -> t.code().equals("health")).findFirst().orElseThrow().id();
        SearchResults r = navigator.search(new SearchRequest("", "en", Optional.of(health), false, Optional.empty(), 1, 100));
        assertThat(r.total()).isEqualTo(5);
        assertThat(r.hits()).allMatch(h -> h.service().taxonomyTermIds().contains(health) && h.reasons().contains(Reason.CATEGORY));
    }

    @Test
    void results_are_paged() {
        SearchResults first = navigator.search(new SearchRequest("", "en", Optional.empty(), false, Optional.empty(), 1, 10));
        SearchResults last = navigator.search(new SearchRequest("", "en", Optional.empty(), false, Optional.empty(), 4, 10));
        assertThat(first.total()).isEqualTo(40);
        assertThat(first.totalPages()).isEqualTo(4);
        assertThat(last.hits()).hasSize(10).doesNotContainAnyElementsOf(first.hits());
    }
}
