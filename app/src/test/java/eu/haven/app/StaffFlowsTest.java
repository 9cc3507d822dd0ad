package eu.haven.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The staff's other pages, played by the people who use them and by insiders who should not:
 * answering a correction, a new access code that needs a second person, the administrator's
 * accounts and organisations, and the data protection officer's ledger page.
 */
class StaffFlowsTest {
    private TestServer server;

    @BeforeEach
    void start() {
        server = new TestServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private PageSecurityTest.Browser signedIn(String user, String purpose) throws Exception {
        PageSecurityTest.Browser b = new PageSecurityTest.Browser(server.base());
        b.staffSignIn(user);
        if (purpose != null) {
            b.post("/staff/purpose", Map.of("csrf", token(b), "purpose", purpose));
        }
        return b;
    }

    private static String token(PageSecurityTest.Browser b) throws Exception {
        return PageSecurityTest.Browser.csrf(b.get("/staff/sign-in"));
    }

    private static String first(String regex, String body) {
        Matcher m = Pattern.compile(regex).matcher(body);
        assertThat(m.find()).as(regex).isTrue();
        return m.group(1);
    }

    @Test
    void a_record_is_added_with_the_fields_the_framework_names_each_read_by_its_type() throws Exception {
        String t = server.login("shelter.worker");
        String id = server.send("POST", "/api/v1/persons", t, "shelter", "{\"displayName\":\"Amina\",\"preferredLanguage\":\"de\"}")
            .body().get("id").asText();
        PageSecurityTest.Browser b = signedIn("shelter.worker", "shelter");
        assertThat(b.get("/staff/people/" + id).body()).contains("/records/new?category=family");
        assertThat(b.get("/staff/people/" + id + "/records/new?category=family").body())
            .contains("id=\"r-family-householdSize\"", "inputmode=\"decimal\"").doesNotContain("r-housing-since");
        assertThat(b.get("/staff/people/" + id + "/records/new?category=housing").body()).contains("id=\"r-housing-since\"", "type=\"date\"");
        HttpResponse<String> wrong = b.post("/staff/people/" + id + "/records", Map.of("csrf", token(b), "category", "family",
            "field.householdSize", "four", "field.note", "Kept"));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("People in the household: write a number", "Kept");
        assertThat(b.post("/staff/people/" + id + "/records", Map.of("csrf", token(b), "category", "family",
            "field.householdSize", "4", "field.childrenInSchool", "yes")).statusCode()).isEqualTo(303);
        var records = server.send("GET", "/api/v1/persons/" + id + "/records", t, "shelter", null).body().toString();
        assertThat(records).contains("\"householdSize\":4", "\"childrenInSchool\":true");
        // The person reads the values under the framework's labels, in their language where it has them.
        PageSecurityTest.Browser person = new PageSecurityTest.Browser(server.base());
        String code = server.send("POST", "/api/v1/persons", t, "shelter", "{\"displayName\":\"Olena\",\"preferredLanguage\":\"de\"}")
            .body().get("accessCode").asText();
        String csrf = PageSecurityTest.Browser.csrf(person.get("/me/sign-in"));
        person.post("/me/sign-in", Map.of("csrf", csrf, "code", code));
        person.post("/me/activate", Map.of("csrf", csrf, "code", code, "secret", "2468"));
        assertThat(person.get("/me").body()).contains("<dt>Name</dt>", "<dt>Sprache</dt>");
        // An empty form adds nothing.
        assertThat(b.post("/staff/people/" + id + "/records", Map.of("csrf", token(b), "category", "legal")).statusCode()).isEqualTo(400);
        // A correction is read by the same types: a number stays a number, yes or no a boolean; a wrong value is refused.
        String recordId = server.send("GET", "/api/v1/persons/" + id + "/records", t, "shelter", null).body().path("records")
            .findValues("id").stream().map(n -> n.asText()).filter(x -> !x.isEmpty()).reduce((a, c) -> c).orElseThrow();
        String page = b.get("/staff/people/" + id).body();
        assertThat(page).contains("name=\"category\" value=\"family\"");
        HttpResponse<String> bad = b.post("/staff/people/" + id + "/records/" + recordId, Map.of("csrf", token(b), "category", "family",
            "field.householdSize", "five", "field.childrenInSchool", "true"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("People in the household: write a number");
        assertThat(b.post("/staff/people/" + id + "/records/" + recordId, Map.of("csrf", token(b), "category", "family",
            "field.householdSize", "5", "field.childrenInSchool", "false")).statusCode()).isEqualTo(303);
        String corrected = server.send("GET", "/api/v1/persons/" + id + "/records", t, "shelter", null).body().toString();
        assertThat(corrected).contains("\"householdSize\":5", "\"childrenInSchool\":false").doesNotContain("\"householdSize\":\"5\"");
    }

    @Test
    void the_person_page_links_the_organisations_own_accesses_and_never_shows_another_organisations() throws Exception {
        String t = server.login("shelter.worker");
        String id = server.send("POST", "/api/v1/persons", t, "shelter", "{\"displayName\":\"Amina\",\"preferredLanguage\":\"en\"}")
            .body().get("id").asText();
        String legal = server.login("legal.worker");
        assertThat(server.send("GET", "/api/v1/persons/" + id + "/records", legal, "legal-aid", null).status()).isEqualTo(404);
        server.send("GET", "/api/v1/persons/" + id + "/records", t, "immigration-enforcement", null);
        PageSecurityTest.Browser b = signedIn("shelter.worker", "shelter");
        assertThat(b.get("/staff/people/" + id).body()).contains("/staff/people/" + id + "/history");
        String history = b.get("/staff/people/" + id + "/history").body();
        assertThat(history).contains("City Shelter", "Refused").doesNotContain("Legal Aid Centre");
        // Someone else's organisation gets nothing from the page, and the attempt is recorded.
        PageSecurityTest.Browser other = signedIn("legal.worker", "legal-aid");
        assertThat(other.get("/staff/people/" + id + "/history").statusCode()).isEqualTo(404);
    }

    @Test
    void a_correction_is_answered_from_the_requests_page_and_the_person_sees_the_answer() throws Exception {
        String t = server.login("shelter.worker");
        var created = server.send("POST", "/api/v1/persons", t, "shelter", "{\"displayName\":\"Amina\",\"preferredLanguage\":\"en\"}");
        String person = server.personToken(created.body().get("accessCode").asText());
        server.send("POST", "/api/v1/me/corrections", person, null, "{\"organisation\":\"city-shelter\",\"text\":\"My name is Āmina.\"}");
        PageSecurityTest.Browser b = signedIn("shelter.worker", "shelter");
        String list = b.get("/staff/requests").body();
        String link = first("href=\"(/staff/corrections/[0-9a-f-]{36})", list);
        assertThat(b.get(link).body()).contains("My name is Āmina.");
        HttpResponse<String> missing = b.post(link + "/answer", Map.of("csrf", token(b)));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("Choose what you did.", "Write an answer for the person.");
        assertThat(b.post(link + "/answer", Map.of("csrf", token(b), "outcome", "corrected", "answer", "Done, thank you.")).statusCode())
            .isEqualTo(303);
        assertThat(server.send("GET", "/api/v1/me", person, null, null).raw()).contains("Done, thank you.");
        // Another organisation cannot open it.
        PageSecurityTest.Browser legal = signedIn("legal.worker", "legal-aid");
        assertThat(legal.get(link).statusCode()).isEqualTo(404);
    }

    @Test
    void a_new_access_code_needs_a_second_person_and_is_handed_over_by_the_one_who_asked() throws Exception {
        String t = server.login("shelter.worker");
        String id = server.send("POST", "/api/v1/persons", t, "shelter", "{\"displayName\":\"Amina\",\"preferredLanguage\":\"ar\"}")
            .body().get("id").asText();
        server.haven.staffAdmin().createUser(java.util.Optional.empty(), "shelter.colleague", "city-shelter",
            eu.haven.core.staff.Role.CASEWORKER, DemoData.PASSWORD);
        PageSecurityTest.Browser asker = signedIn("shelter.worker", "shelter");
        assertThat(asker.post("/staff/people/" + id + "/access-code", Map.of("csrf", token(asker))).statusCode()).isEqualTo(303);
        String mine = asker.get("/staff/requests").body();
        assertThat(mine).contains("someone else must approve it").doesNotContain("/approve\"");
        // The data protection officer sees which organisation asked, not for whom.
        PageSecurityTest.Browser dpo = signedIn("city.dpo", null);
        String page = dpo.get("/staff/ledger").body();
        assertThat(page).contains("City Shelter").doesNotContain(id);
        String approve = first("action=\"(/staff/code-requests/[0-9a-f-]{36}/approve)", page);
        // A colleague of the same organisation is no second person: the page offers nothing, and a forged post is refused.
        PageSecurityTest.Browser colleague = signedIn("shelter.colleague", "shelter");
        assertThat(colleague.get("/staff/requests").body()).doesNotContain("/approve\"");
        HttpResponse<String> forged = colleague.post(approve, Map.of("csrf", token(colleague)));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("A second person must approve this.");
        assertThat(dpo.post(approve, Map.of("csrf", token(dpo))).statusCode()).isEqualTo(303);
        String collect = first("action=\"(/staff/code-requests/[0-9a-f-]{36}/collect)", asker.get("/staff/requests").body());
        HttpResponse<String> code = asker.post(collect, Map.of("csrf", token(asker)));
        assertThat(code.statusCode()).isEqualTo(200);
        assertThat(code.body()).containsPattern("class=\"code\" dir=\"ltr\" lang=\"en\">[A-Z0-9]{4}-");
    }

    @Test
    void the_administrator_creates_accounts_and_organisations_and_an_insider_cannot() throws Exception {
        PageSecurityTest.Browser admin = signedIn("admin", null);
        HttpResponse<String> created = admin.post("/staff/admin/users", Map.of("csrf", token(admin), "username", "new.worker",
            "organisation", "legal-aid", "role", "caseworker"));
        assertThat(created.statusCode()).isEqualTo(201);
        String password = first("Its password: ([A-Za-z0-9]+)", created.body());
        assertThat(server.send("POST", "/api/v1/auth/token", null, null,
            "{\"username\":\"new.worker\",\"password\":\"" + password + "\"}").status()).isEqualTo(200);
        assertThat(admin.post("/staff/admin/users/new.worker/disable", Map.of("csrf", token(admin))).statusCode()).isEqualTo(303);
        assertThat(server.send("POST", "/api/v1/auth/token", null, null,
            "{\"username\":\"new.worker\",\"password\":\"" + password + "\"}").status()).isEqualTo(401);
        HttpResponse<String> police = admin.post("/staff/admin/organisations", Map.of("csrf", token(admin), "orgId", "city-police",
            "orgName", "Police", "orgType", "police"));
        assertThat(police.statusCode()).isEqualTo(403);
        assertThat(police.body()).contains("never releases data for immigration or law enforcement");
        // A caseworker forging the administrator's forms is refused and changes nothing.
        PageSecurityTest.Browser insider = signedIn("shelter.worker", "shelter");
        assertThat(insider.post("/staff/admin/users", Map.of("csrf", token(insider), "username", "mole", "organisation", "city-shelter",
            "role", "admin")).statusCode()).isEqualTo(403);
        assertThat(insider.post("/staff/admin/users/admin/reset-password", Map.of("csrf", token(insider))).statusCode()).isEqualTo(403);
        assertThat(insider.get("/staff/admin").statusCode()).isEqualTo(403);
        assertThat(server.haven.staffAdmin().user("mole")).isEmpty();
    }

    @Test
    void the_data_protection_officer_sees_the_ledger_and_decisions_by_reason_and_a_caseworker_does_not() throws Exception {
        String t = server.login("shelter.worker");
        String id = server.send("POST", "/api/v1/persons", t, "shelter", "{\"displayName\":\"Amina\",\"preferredLanguage\":\"en\"}")
            .body().get("id").asText();
        server.send("GET", "/api/v1/persons/" + id + "/records", t, "immigration-enforcement", null);
        PageSecurityTest.Browser dpo = signedIn("city.dpo", null);
        String page = dpo.get("/staff/ledger").body();
        assertThat(page).contains("Passed", "Refused: firewall", "Permitted").doesNotContain("Amina");
        HttpResponse<String> audit = dpo.post("/staff/ledger/audit", Map.of("csrf", token(dpo)));
        assertThat(audit.body()).contains("Passed");
        PageSecurityTest.Browser caseworker = signedIn("shelter.worker", "shelter");
        assertThat(caseworker.get("/staff/ledger").statusCode()).isEqualTo(404);
    }
}
