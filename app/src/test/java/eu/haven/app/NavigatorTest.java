package eu.haven.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import eu.haven.navigator.hsds.HsdsSchemas;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The public navigator and its HSDS API, over HTTP: valid HSDS, no cookie, nothing typed in any log line. */
class NavigatorTest {
    private static TestServer server;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final HsdsSchemas SCHEMAS = HsdsSchemas.bundled();

    @BeforeAll
    static void start() {
        server = new TestServer();
        DemoData.directory(server.haven.navigator());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base() + path)).GET();
        headers.forEach(b::header);
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(String path) throws Exception {
        HttpResponse<String> r = get(path, Map.of());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return TestServer.JSON.readTree(r.body());
    }

    static void valid(String schema, JsonNode node, String where) {
        assertThat(SCHEMAS.problems(schema, node.toString())).as(where + " as HSDS " + schema).isEmpty();
    }

    static JsonNode page(String path, String itemSchema) throws Exception {
        JsonNode page = json(path);
        assertThat(SCHEMAS.pageProblems(page.toString())).as(path + " as an HSDS page").isEmpty();
        assertThat(page.path("contents").isArray()).as(path).isTrue();
        assertThat(page.path("total_items").asInt()).as(path).isPositive();
        for (JsonNode item : page.path("contents")) {
            valid(itemSchema, item, path);
        }
        return page;
    }

    @Test
    void every_hsds_endpoint_answers_valid_hsds_in_the_source_language_and_in_arabic() throws Exception {
        JsonNode root = json("/hsds/");
        assertThat(root.path("version").asText()).isEqualTo("3.0");
        assertThat(URI.create(root.path("openapi_url").asText()).isAbsolute()).isTrue();
        assertThat(json("/hsds/openapi.json").path("paths").has("/services")).isTrue();
        for (String lang : List.of("", "&lang=ar")) {
            JsonNode services = page("/hsds/services?per_page=50" + lang, "service");
            assertThat(services.path("total_items").asInt()).isEqualTo(40);
            String serviceId = services.path("contents").get(0).path("id").asText();
            JsonNode full = json("/hsds/services/" + serviceId + "?" + lang.replace("&", ""));
            valid("service", full, "a full service");
            assertThat(full.path("organization").path("id").asText()).isNotEmpty();
            assertThat(full.path("service_at_locations").get(0).path("location").path("addresses")).isNotEmpty();
            JsonNode orgs = page("/hsds/organizations?x=1" + lang, "organization");
            valid("organization", json("/hsds/organizations/" + orgs.path("contents").get(0).path("id").asText()), "an organization");
            JsonNode links = page("/hsds/service_at_locations?x=1" + lang, "service_at_location");
            valid("service_at_location", json("/hsds/service_at_locations/" + links.path("contents").get(0).path("id").asText()),
                "a service at a location");
            JsonNode taxonomies = page("/hsds/taxonomies?x=1" + lang, "taxonomy");
            valid("taxonomy", json("/hsds/taxonomies/" + taxonomies.path("contents").get(0).path("id").asText()), "a taxonomy");
            JsonNode terms = page("/hsds/taxonomy_terms?x=1" + lang, "taxonomy_term");
            valid("taxonomy_term", json("/hsds/taxonomy_terms/" + terms.path("contents").get(0).path("id").asText()), "a term");
        }
        JsonNode arabic = json("/hsds/services?per_page=1&lang=ar").path("contents").get(0);
        assertThat(arabic.path("name").asText()).matches(".*[\\u0600-\\u06FF].*");
        assertThat(arabic.has("x_translations")).isFalse();
        assertThat(json("/hsds/services?per_page=1").path("contents").get(0).has("x_translations")).as("the extension, untranslated").isTrue();
    }

    @Test
    void hsds_search_and_filters_combine_and_page() throws Exception {
        JsonNode terms = json("/hsds/taxonomy_terms?per_page=100");
        String legal = "";
        for (JsonNode t : terms.path("contents")) {
            if (t.path("code").asText().equals("legal")) {
                legal = t.path("id").asText();
            }
        }
        JsonNode found = page("/hsds/services?search=Aufenthaltstitel&taxonomy_term_id=" + legal + "&per_page=2", "service");
        assertThat(found.path("total_items").asInt()).isEqualTo(5);
        assertThat(found.path("total_pages").asInt()).isEqualTo(3);
        assertThat(found.path("contents").get(0).path("name").asText()).startsWith("Advice on asylum and residence");
        JsonNode last = json("/hsds/services?search=Aufenthaltstitel&taxonomy_term_id=" + legal + "&per_page=2&page=3");
        assertThat(last.path("last_page").asBoolean()).isTrue();
        assertThat(last.path("size").asInt()).isEqualTo(1);
    }

    @Test
    void bad_parameters_get_a_clear_4xx_and_an_unknown_id_a_404() throws Exception {
        for (String path : List.of("/hsds/services?page=0", "/hsds/services?per_page=1000", "/hsds/services?page=abc",
            "/hsds/organizations?per_page=-1", "/hsds/services?lang=xx")) {
            HttpResponse<String> r = get(path, Map.of());
            assertThat(r.statusCode()).as(path).isEqualTo(400);
            assertThat(TestServer.JSON.readTree(r.body()).path("error").asText()).as(path).isEqualTo("invalid-request");
        }
        for (String path : List.of("/hsds/services/not-a-uuid", "/hsds/organizations/8d5e6a4c-7c4f-4a5e-9d7e-0a1b2c3d4e5f",
            "/hsds/taxonomy_terms/x")) {
            HttpResponse<String> r = get(path, Map.of());
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(TestServer.JSON.readTree(r.body()).path("error").asText()).isEqualTo("not-found");
        }
        HttpResponse<String> page = get("/services/not-a-uuid?lang=ar", Map.of());
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("dir=\"rtl\"").doesNotContain("Exception");
    }

    @Test
    void the_public_routes_set_no_cookie_and_log_neither_the_address_nor_what_was_typed() throws Exception {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(logs);
        String serviceId = json("/hsds/services?per_page=1").path("contents").get(0).path("id").asText();
        String secretWord = "Duldungsbescheinigung";
        String question = "Wo kann ich heute Nacht schlafen " + secretWord;
        Map<String, String> from = Map.of("X-Forwarded-For", "203.0.113.77", "Accept-Language", "uk");
        try {
            for (String path : List.of("/", "/?lang=ar", "/services?q=" + secretWord + "&near=Lindenstra%C3%9Fe&open=1",
                "/services?q=" + URLEncoder.encode("Київ " + secretWord, StandardCharsets.UTF_8), "/services/" + serviceId,
                "/services/" + serviceId + "/card?lang=fa", "/ask?q=" + URLEncoder.encode(question, StandardCharsets.UTF_8),
                "/hsds/services?search=" + secretWord, "/hsds/services/" + serviceId, "/services/" + secretWord)) {
                HttpResponse<String> r = get(path, from);
                assertThat(r.statusCode()).as(path).isIn(200, 404);
                assertThat(r.headers().allValues("set-cookie")).as(path + " sets no cookie").isEmpty();
                assertThat(r.headers().firstValue("cache-control")).as(path).contains("no-store");
                assertThat(r.headers().firstValue("referrer-policy")).as(path).contains("no-referrer");
            }
        } finally {
            root.detachAppender(logs);
        }
        assertThat(logs.list).as("the request log ran").anyMatch(e -> e.getFormattedMessage().contains("/services"));
        for (ILoggingEvent e : logs.list) {
            String line = e.getFormattedMessage() + " " + e.getMDCPropertyMap();
            assertThat(line).doesNotContain(secretWord).doesNotContain("Київ").doesNotContain("schlafen")
                .doesNotContain("Lindenstra").doesNotContain("203.0.113.77").doesNotContain("127.0.0.1").doesNotContain(serviceId);
        }
    }

    @Test
    void every_navigator_page_speaks_each_language_and_weighs_under_60_kb_with_its_style_sheet() throws Exception {
        String serviceId = json("/hsds/services?per_page=1").path("contents").get(0).path("id").asText();
        HttpResponse<String> home = get("/", Map.of());
        String css = home.body().replaceAll("(?s).*href=\"(/assets/[^\"]+\\.css)\".*", "$1");
        int cssBytes = get(css, Map.of()).body().getBytes(StandardCharsets.UTF_8).length;
        for (String lang : List.of("en", "de", "fr", "uk", "ru", "ar", "fa", "ti", "so")) {
            for (String path : List.of("/?lang=" + lang, "/services?q=doctor&lang=" + lang, "/services?lang=" + lang,
                "/services/" + serviceId + "?lang=" + lang, "/services/" + serviceId + "/card?lang=" + lang,
                "/ask?q=food&lang=" + lang)) {
                HttpResponse<String> r = get(path, Map.of());
                assertThat(r.statusCode()).as(path).isEqualTo(200);
                String dir = lang.equals("ar") || lang.equals("fa") ? "rtl" : "ltr";
                assertThat(r.body()).as(path).contains("<html lang=\"" + lang + "\" dir=\"" + dir + "\">");
                assertThat(r.body()).as(path + ": nothing from another site").doesNotContain("src=\"http").doesNotContain("href=\"http://")
                    .doesNotContain("<script");
                assertThat(r.body().getBytes(StandardCharsets.UTF_8).length + cssBytes).as(path + " weight").isLessThan(60 * 1024);
            }
        }
    }

    @Test
    void a_service_page_says_when_it_was_last_changed_in_the_readers_language() throws Exception {
        String serviceId = json("/hsds/services?per_page=1").path("contents").get(0).path("id").asText();
        assertThat(get("/services/" + serviceId + "?lang=en", Map.of()).body()).contains("Last changed on November 1, 2026.");
        assertThat(get("/services/" + serviceId + "?lang=de", Map.of()).body()).contains("Zuletzt geändert am 1. November 2026.");
    }

    @Test
    void a_question_with_no_curated_answer_says_so_and_points_to_people_who_can_help() throws Exception {
        HttpResponse<String> none = get("/ask?q=" + URLEncoder.encode("purple elephant xylophone", StandardCharsets.UTF_8), Map.of());
        assertThat(none.body()).contains("Nobody has written an answer").contains("class=\"service\"");
        HttpResponse<String> uk = get("/ask?lang=uk&q=" + URLEncoder.encode("Де навчитися німецької мови?", StandardCharsets.UTF_8), Map.of());
        assertThat(uk.body()).contains("Де вивчати німецьку мову?").contains("class=\"service\"");
    }
}
