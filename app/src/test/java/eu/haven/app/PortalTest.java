package eu.haven.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The person's portal: the timeline a page at a time, and what a signed-in person can and cannot reach. */
class PortalTest {
    private static final Pattern RECEIPT = Pattern.compile("/me/receipts/(\\d+)");
    private TestServer server;

    @BeforeEach
    void start() {
        server = new TestServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static List<Long> receipts(String page) {
        List<Long> out = new ArrayList<>();
        Matcher m = RECEIPT.matcher(page);
        while (m.find()) {
            out.add(Long.parseLong(m.group(1)));
        }
        return out;
    }

    private PageSecurityTest.Browser signedIn(String code) throws Exception {
        PageSecurityTest.Browser b = new PageSecurityTest.Browser(server.base());
        String token = PageSecurityTest.Browser.csrf(b.get("/me/sign-in"));
        b.post("/me/sign-in", Map.of("csrf", token, "code", code));
        assertThat(b.post("/me/activate", Map.of("csrf", token, "code", code, "secret", "2468")).statusCode()).isEqualTo(303);
        return b;
    }

    @Test
    void the_timeline_comes_a_page_at_a_time_newest_first_without_gaps_or_repeats() throws Exception {
        String t = server.login("shelter.worker");
        var created = server.send("POST", "/api/v1/persons", t, "shelter", "{\"displayName\":\"Amina\",\"preferredLanguage\":\"en\"}");
        String id = created.body().get("id").asText();
        for (int i = 0; i < 70; i++) {
            server.send("GET", "/api/v1/persons/" + id + "/records", t, "shelter", null);
        }
        PageSecurityTest.Browser person = signedIn(created.body().get("accessCode").asText());
        HttpResponse<String> first = person.get("/me/history");
        List<Long> page1 = receipts(first.body());
        assertThat(page1).hasSize(25).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        // Following "older entries" to the end gives every access once, newest first, without gaps or repeats.
        List<Long> all = new ArrayList<>(page1);
        String body = first.body();
        int pages = 1;
        for (; pages < 20; pages++) {
            Matcher older = Pattern.compile("href=\"(/me/history\\?before=\\d+)\"").matcher(body);
            if (!older.find()) {
                break;
            }
            body = person.get(older.group(1)).body();
            List<Long> next = receipts(body);
            assertThat(next).isNotEmpty().isSortedAccordingTo(java.util.Comparator.reverseOrder());
            assertThat(next.get(0)).isLessThan(all.get(all.size() - 1));
            all.addAll(next);
        }
        String session = server.send("POST", "/api/v1/me/session", null, null, "{\"accessCode\":\""
            + created.body().get("accessCode").asText() + "\",\"secret\":\"2468\"}").body().get("token").asText();
        var history = server.send("GET", "/api/v1/me", session, null, null).body().get("accessHistory");
        List<Long> expected = new ArrayList<>();
        history.forEach(e -> expected.add(e.get("ledgerIndex").asLong()));
        // The API's view came last, so it holds all that was shown, and besides: the views of the older pages
        // (each recorded after the page it shows began), the API's sign-in and its own view.
        assertThat(expected).containsAll(all);
        assertThat(all).hasSizeGreaterThanOrEqualTo(72).doesNotHaveDuplicates();
        assertThat(expected.size() - all.size()).isEqualTo((pages - 1) + 2);
    }

    @Test
    void a_person_reaches_only_their_own_receipts_and_consents() throws Exception {
        String t = server.login("shelter.worker");
        var amina = server.send("POST", "/api/v1/persons", t, "shelter", "{\"displayName\":\"Amina\",\"preferredLanguage\":\"en\"}");
        var olena = server.send("POST", "/api/v1/persons", t, "shelter", "{\"displayName\":\"Olena\",\"preferredLanguage\":\"uk\"}");
        var consent = server.send("POST", "/api/v1/persons/" + olena.body().get("id").asText() + "/consents", t, "shelter",
            "{\"recipient\":\"legal-aid\",\"purposes\":[\"legal-aid\"],\"categories\":[\"identity\"],\"method\":\"written\",\"language\":\"uk\"}");
        PageSecurityTest.Browser b = signedIn(amina.body().get("accessCode").asText());
        long olenasEvent = olena.body().get("ledgerIndex").asLong();
        assertThat(b.get("/me/receipts/" + olenasEvent).statusCode()).isEqualTo(404);
        String consentId = consent.body().get("id").asText();
        assertThat(b.get("/me/consents/" + consentId + "/withdraw").statusCode()).isEqualTo(404);
        String token = PageSecurityTest.Browser.csrf(b.get("/me"));
        assertThat(b.post("/me/consents/" + consentId + "/withdraw", Map.of("csrf", token)).statusCode()).isEqualTo(404);
        var still = server.send("GET", "/api/v1/persons/" + olena.body().get("id").asText() + "/consents", t, "shelter", null);
        assertThat(still.raw()).doesNotContain("\"withdrawnAt\":\"");
    }
}
