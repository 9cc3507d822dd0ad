package eu.haven.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The pages' defences, tried as an attacker would: a form posted from another site (no token, a
 * token of another browser), the cookies' flags, the headers on every page with personal data,
 * the idle timeouts, and a purpose forged into the staff's purpose cookie.
 */
class PageSecurityTest {
    private TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** A browser without JavaScript: keeps its cookies, follows nothing by itself. */
    static final class Browser {
        final String base;
        final java.net.CookieManager cookies = new java.net.CookieManager();
        final HttpClient client;

        Browser(String base) {
            this.base = base;
            cookies.setCookiePolicy(java.net.CookiePolicy.ACCEPT_ALL);
            client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
        }

        HttpResponse<String> get(String path) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
            String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            return client.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        /** The form token of a page's first form. */
        static String csrf(HttpResponse<String> page) {
            Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page.body());
            assertThat(m.find()).as("a form token on the page").isTrue();
            return m.group(1);
        }

        HttpResponse<String> staffSignIn(String user) throws Exception {
            String token = csrf(get("/staff/sign-in"));
            return post("/staff/sign-in", Map.of("csrf", token, "username", user, "password", DemoData.PASSWORD));
        }
    }

    private String newPerson(String name, String lang) {
        String t = server.login("shelter.worker");
        return server.send("POST", "/api/v1/persons", t, "shelter",
            "{\"displayName\":\"" + name + "\",\"preferredLanguage\":\"" + lang + "\"}").body().get("accessCode").asText();
    }

    @Test
    void the_oversight_pages_are_not_there_for_anyone_else() throws Exception {
        server = new TestServer();
        Map<String, List<String>> theirs = Map.of(
            "city.dpo", List.of("/staff/authority", "/staff/alerts", "/staff/complaints", "/staff/algorithms", "/staff/ledger"),
            "dpa.auditor", List.of("/staff/oversight", "/staff/ledger"),
            "equality.body", List.of("/staff/equality", "/staff/oversight", "/staff/ledger"));
        List<String> all = List.of("/staff/authority", "/staff/alerts", "/staff/complaints", "/staff/algorithms", "/staff/ledger",
            "/staff/oversight", "/staff/equality", "/staff/oversight/export");
        for (String user : List.of("shelter.worker", "admin", "city.editor", "city.dpo", "dpa.auditor", "equality.body")) {
            Browser b = new Browser(server.base());
            b.staffSignIn(user);
            for (String page : all) {
                boolean mine = theirs.getOrDefault(user, List.of()).contains(page)
                    || (page.equals("/staff/oversight/export") && theirs.getOrDefault(user, List.of()).contains("/staff/oversight"));
                assertThat(b.get(page).statusCode()).as(user + " " + page).isEqualTo(mine ? 200 : 404);
            }
        }
    }

    @Test
    void a_form_without_its_token_or_with_another_browsers_token_is_refused_before_anything_happens() throws Exception {
        server = new TestServer();
        String code = newPerson("Amina", "ar");
        Browser attacker = new Browser(server.base());
        String attackersToken = Browser.csrf(attacker.get("/me/sign-in"));
        Browser victim = new Browser(server.base());
        victim.get("/me/sign-in");
        HttpResponse<String> none = victim.post("/me/sign-in", Map.of("code", code, "secret", "2468"));
        assertThat(none.statusCode()).isEqualTo(403);
        assertThat(none.body()).contains("This form had expired");
        HttpResponse<String> foreign = victim.post("/me/sign-in", Map.of("csrf", attackersToken, "code", code, "secret", "2468"));
        assertThat(foreign.statusCode()).isEqualTo(403);
        HttpResponse<String> staff = victim.post("/staff/sign-in", Map.of("username", "shelter.worker", "password", DemoData.PASSWORD));
        assertThat(staff.statusCode()).isEqualTo(403);
        assertThat(staff.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("haven_staff="));
        // Nothing was tried: the code is still new, so the person's own first sign-in asks them to choose a secret.
        HttpResponse<String> own = victim.post("/me/sign-in", Map.of("csrf", Browser.csrf(victim.get("/me/sign-in")), "code", code));
        assertThat(own.body()).contains("<h1>Choose your secret</h1>");
    }

    @Test
    void cookies_are_http_only_same_site_strict_and_limited_to_their_area_and_secure_behind_https() throws Exception {
        server = new TestServer();
        Browser b = new Browser(server.base());
        HttpResponse<String> page = b.get("/staff/sign-in");
        assertThat(page.headers().allValues("Set-Cookie")).singleElement().satisfies(c ->
            assertThat(c).startsWith("haven_csrf=").contains("HttpOnly", "SameSite=Strict", "Path=/").doesNotContain("Secure"));
        HttpResponse<String> signedIn = b.post("/staff/sign-in", Map.of("csrf", Browser.csrf(page), "username", "shelter.worker",
            "password", DemoData.PASSWORD));
        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.headers().allValues("Set-Cookie")).anySatisfy(c ->
            assertThat(c).startsWith("haven_staff=").contains("HttpOnly", "SameSite=Strict", "Path=/staff"));
        server.close();
        server = new TestServer(TestServer.inMemory().withPublicUrl(Optional.of("https://haven.example-city.eu")),
            java.util.function.UnaryOperator.identity());
        Browser tls = new Browser(server.base());
        HttpResponse<String> secure = tls.get("/me/sign-in");
        assertThat(secure.headers().firstValue("Set-Cookie").orElseThrow()).contains("Secure", "HttpOnly", "SameSite=Strict");
    }

    @Test
    void every_page_forbids_scripts_framing_referrers_and_caching() throws Exception {
        server = new TestServer();
        Browser b = new Browser(server.base());
        b.staffSignIn("shelter.worker");
        for (String path : List.of("/", "/me/sign-in", "/staff/sign-in", "/staff/purpose")) {
            HttpResponse<String> page = b.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).as(path)
                .contains("default-src 'none'", "frame-ancestors 'none'", "style-src 'self'", "script-src 'self'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
            assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
            assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
            assertThat(page.body()).doesNotContain("style=\"", "<style").doesNotContainPattern("<script(?![^>]*src=\"/assets/haven-[0-9a-f]{12}\\.js\")");
            Matcher css = Pattern.compile("href=\"(/assets/haven-[0-9a-f]{12}\\.css)\"").matcher(page.body());
            assertThat(css.find()).isTrue();
            HttpResponse<String> sheet = b.get(css.group(1));
            assertThat(sheet.headers().firstValue("Cache-Control").orElseThrow()).contains("immutable");
            assertThat(page.body().length() + sheet.body().length()).as(path + ": page and style sheet").isLessThan(100 * 1024);
        }
    }

    @Test
    void a_person_is_signed_out_after_fifteen_idle_minutes_and_staff_after_thirty() throws Exception {
        MovableClock clock = new MovableClock();
        server = new TestServer(TestServer.inMemory().withClock(clock), java.util.function.UnaryOperator.identity());
        String code = newPerson("Amina", "ar");
        Browser person = new Browser(server.base());
        String token = Browser.csrf(person.get("/me/sign-in"));
        person.post("/me/sign-in", Map.of("csrf", token, "code", code));
        assertThat(person.post("/me/activate", Map.of("csrf", token, "code", code, "secret", "2468")).statusCode()).isEqualTo(303);
        assertThat(person.get("/me").statusCode()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(14));
        assertThat(person.get("/me?lang=en").body()).contains("You are signed out after 15 minutes without activity", "data-after=\"780\"");
        clock.advance(Duration.ofMinutes(16));
        HttpResponse<String> idle = person.get("/me");
        assertThat(idle.statusCode()).isEqualTo(303);
        assertThat(idle.headers().firstValue("Location").orElseThrow()).startsWith("/me/sign-in?ended=1");

        Browser staff = new Browser(server.base());
        staff.staffSignIn("shelter.worker");
        assertThat(staff.get("/staff/purpose").statusCode()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(29));
        assertThat(staff.get("/staff/purpose").statusCode()).isEqualTo(200);
        // The warning's "stay signed in" keeps the session for another 30 minutes, reading and recording nothing.
        clock.advance(Duration.ofMinutes(29));
        long events = server.haven.ledger().size();
        assertThat(staff.get("/staff/still-here").statusCode()).isEqualTo(204);
        assertThat(server.haven.ledger().size()).isEqualTo(events);
        clock.advance(Duration.ofMinutes(29));
        assertThat(staff.get("/staff/purpose").statusCode()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(31));
        HttpResponse<String> ended = staff.get("/staff/purpose");
        assertThat(ended.statusCode()).isEqualTo(303);
        assertThat(ended.headers().firstValue("Location").orElseThrow()).startsWith("/staff/sign-in?ended=1");
    }

    @Test
    void guessing_access_codes_on_the_page_is_throttled_as_on_the_api_and_the_wait_is_said_in_the_readers_language() throws Exception {
        server = new TestServer();
        Browser b = new Browser(server.base());
        String token = Browser.csrf(b.get("/me/sign-in"));
        HttpResponse<String> last = null;
        for (int i = 0; i < 6; i++) {
            last = b.post("/me/sign-in?lang=ar", Map.of("csrf", token, "code", "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF", "secret", "1234"));
        }
        assertThat(last.statusCode()).isEqualTo(429);
        long wait = Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow());
        assertThat(wait).isPositive();
        assertThat(last.body()).contains("محاولات كثيرة جدًا").contains("<html lang=\"ar\" dir=\"rtl\">");
        HttpResponse<String> english = b.post("/me/sign-in?lang=en", Map.of("csrf", token, "code", "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF"));
        assertThat(english.statusCode()).isEqualTo(429);
        assertThat(english.body()).containsPattern("Too many tries\\. Wait \\d+ seconds?, then try again\\.");
    }

    @Test
    void signing_out_ends_the_session_on_the_server_not_only_in_the_browser() throws Exception {
        server = new TestServer();
        Browser b = new Browser(server.base());
        b.staffSignIn("shelter.worker");
        java.net.HttpCookie kept = b.cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("haven_staff"))
            .findFirst().orElseThrow();
        String token = Browser.csrf(b.get("/staff/purpose"));
        assertThat(b.post("/staff/sign-out", Map.of("csrf", token)).statusCode()).isEqualTo(303);
        Browser thief = new Browser(server.base());
        thief.cookies.getCookieStore().add(URI.create(server.base()), kept);
        assertThat(thief.get("/staff/purpose").statusCode()).isEqualTo(303);
    }

    @Test
    void a_purpose_forged_into_the_cookie_is_refused_by_the_firewall_recorded_and_shown_to_the_person() throws Exception {
        server = new TestServer();
        String staffToken = server.login("shelter.worker");
        var created = server.send("POST", "/api/v1/persons", staffToken, "shelter", "{\"displayName\":\"Amina\",\"preferredLanguage\":\"en\"}");
        String id = created.body().get("id").asText();
        String code = created.body().get("accessCode").asText();
        Browser b = new Browser(server.base());
        b.staffSignIn("shelter.worker");
        String token = Browser.csrf(b.get("/staff/purpose"));
        b.post("/staff/purpose", Map.of("csrf", token, "purpose", "sector-law:ImmigrationSecurityManagement"));
        HttpResponse<String> refused = b.get("/staff/people/" + id);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("never releases data for immigration or law enforcement").doesNotContain("Amina");
        String personToken = server.personToken(code);
        var history = server.send("GET", "/api/v1/me", personToken, null, null).body().get("accessHistory");
        assertThat(history.toString()).contains("\"reason\":\"firewall\"");
    }
}
