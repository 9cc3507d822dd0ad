package eu.haven.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The caseload page: the organisation's own people, filtered by name without the filter opening
 * any name, every name shown recorded as an access; and what an insider of another organisation,
 * or with a forbidden purpose, gets from it.
 */
class CaseloadTest {
    private TestServer server;

    @BeforeEach
    void start() {
        server = new TestServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String take(String worker, String purpose, String name) {
        String t = server.login(worker);
        return server.send("POST", "/api/v1/persons", t, purpose,
            "{\"displayName\":\"" + name + "\",\"preferredLanguage\":\"en\"}").body().get("accessCode").asText();
    }

    private PageSecurityTest.Browser caseworker(String user, String purpose) throws Exception {
        PageSecurityTest.Browser b = new PageSecurityTest.Browser(server.base());
        b.staffSignIn(user);
        String token = PageSecurityTest.Browser.csrf(b.get("/staff/purpose"));
        b.post("/staff/purpose", Map.of("csrf", token, "purpose", purpose));
        return b;
    }

    @Test
    void the_filter_finds_by_any_word_and_prefix_whatever_the_case_and_accents_and_only_the_organisations_own_people() throws Exception {
        String amina = take("shelter.worker", "shelter", "Āmina Yusuf");
        take("shelter.worker", "shelter", "Olena Kovalenko");
        take("shelter.worker", "shelter", "Yusuf Ali");
        take("legal.worker", "legal-aid", "Amina Other-Organisation");
        PageSecurityTest.Browser shelter = caseworker("shelter.worker", "shelter");
        assertThat(shelter.get("/staff/people").body()).contains("Āmina Yusuf", "Olena Kovalenko", "Yusuf Ali", "1–3 of 3")
            .doesNotContain("Other-Organisation");
        assertThat(shelter.get("/staff/people?q=ami").body()).contains("Āmina Yusuf").doesNotContain("Olena", "Yusuf Ali", "Other-Organisation");
        assertThat(shelter.get("/staff/people?q=YUSUF").body()).contains("Āmina Yusuf", "Yusuf Ali").doesNotContain("Olena");
        assertThat(shelter.get("/staff/people?q=yusuf+amina").body()).contains("Āmina Yusuf").doesNotContain("Yusuf Ali");
        assertThat(shelter.get("/staff/people?q=nobody").body()).contains("Nobody found.");
        // The legal-aid worker cannot find the shelter's people by name, whatever they type.
        PageSecurityTest.Browser legal = caseworker("legal.worker", "legal-aid");
        assertThat(legal.get("/staff/people?q=amina").body()).contains("Amina Other-Organisation").doesNotContain("Yusuf");
        // Being shown in the list is in the person's access history.
        String token = server.personToken(amina);
        var history = server.send("GET", "/api/v1/me", token, null, null).body().get("accessHistory").toString();
        assertThat(history).contains("\"action\":\"list\"");
    }

    @Test
    void a_name_corrected_in_the_identity_record_is_found_by_the_new_name_only() throws Exception {
        String t = server.login("shelter.worker");
        var created = server.send("POST", "/api/v1/persons", t, "shelter", "{\"displayName\":\"Mariam\",\"preferredLanguage\":\"en\"}");
        String id = created.body().get("id").asText();
        var records = server.send("GET", "/api/v1/persons/" + id + "/records", t, "shelter", null).body();
        String recordId = records.get("records").get(0).get("id").asText();
        assertThat(server.send("PUT", "/api/v1/persons/" + id + "/records/" + recordId, t, "shelter",
            "{\"data\":{\"displayName\":\"Miriam Haddad\",\"preferredLanguage\":\"en\"}}").status()).isLessThan(300);
        PageSecurityTest.Browser shelter = caseworker("shelter.worker", "shelter");
        assertThat(shelter.get("/staff/people?q=haddad").body()).contains("Miriam Haddad");
        assertThat(shelter.get("/staff/people?q=mariam").body()).contains("Nobody found.");
    }

    @Test
    void an_enforcement_purpose_or_a_role_without_cases_gets_no_name_and_the_attempt_is_recorded() throws Exception {
        take("shelter.worker", "shelter", "Amina Yusuf");
        PageSecurityTest.Browser forged = caseworker("shelter.worker", "sector-law:LawEnforcement");
        HttpResponse<String> refused = forged.get("/staff/people?q=amina");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).doesNotContain("Amina");
        PageSecurityTest.Browser dpo = caseworker("city.dpo", "shelter");
        HttpResponse<String> role = dpo.get("/staff/people");
        assertThat(role.statusCode()).isEqualTo(403);
        assertThat(role.body()).doesNotContain("Amina");
    }
}
