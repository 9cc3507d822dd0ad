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
        assertThat(shelter.get("/staff/people?q=YUSUF").body()).contains("Āmina Yusuf", "Yusuf Ali", "1–2 of 2").doesNotContain("Olena");
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

    /** The shelter takes the person on and refers them to legal aid under a consent for {@code categories}; returns the person and consent. */
    private String[] referToLegalAid(String name, String categories, boolean accept) {
        String shelter = server.login("shelter.worker");
        var created = server.send("POST", "/api/v1/persons", shelter, "shelter",
            "{\"displayName\":\"" + name + "\",\"preferredLanguage\":\"uk\"}").body();
        String id = created.get("id").asText();
        String consent = server.send("POST", "/api/v1/persons/" + id + "/consents", shelter, "shelter",
            "{\"recipient\":\"legal-aid\",\"purposes\":[\"legal-aid\"],\"categories\":[" + categories + "],"
                + "\"method\":\"verbal\",\"language\":\"uk\"}").body().get("id").asText();
        String referral = server.send("POST", "/api/v1/referrals", shelter, "shelter", "{\"personId\":\"" + id
            + "\",\"to\":\"legal-aid\",\"purpose\":\"legal-aid\",\"categories\":[" + categories + "],\"consentId\":\"" + consent + "\"}")
            .body().get("id").asText();
        if (accept) {
            assertThat(server.send("POST", "/api/v1/referrals/" + referral + "/accept", server.login("legal.worker"), "legal-aid", null)
                .status()).isEqualTo(200);
        }
        return new String[] {id, consent, created.get("accessCode").asText()};
    }

    @Test
    void people_referred_to_the_organisation_are_in_its_caseload_while_the_consent_lives_and_only_then() throws Exception {
        String[] olena = referToLegalAid("Olena Referred", "\"identity\",\"legal\"", true);
        referToLegalAid("Pending Waiting", "\"identity\"", false);
        take("shelter.worker", "shelter", "Shelter Only");
        PageSecurityTest.Browser legal = caseworker("legal.worker", "legal-aid");
        assertThat(legal.get("/staff/people").body()).contains("Olena Referred", "1–1 of 1")
            .doesNotContain("Pending Waiting", "Shelter Only");
        assertThat(legal.get("/staff/people?q=olena").body()).contains("Olena Referred", "1–1 of 1");
        assertThat(legal.get("/staff/people?q=shelter").body()).contains("Nobody found.");
        // Being listed there is an access in the person's history, by legal aid.
        var history = server.send("GET", "/api/v1/me", server.personToken(olena[2]), null, null).body().get("accessHistory");
        boolean listedByLegalAid = false;
        for (var e : history) {
            listedByLegalAid |= e.path("action").asText().equals("list") && e.toString().contains("legal-aid");
        }
        assertThat(listedByLegalAid).as(history.toString()).isTrue();
        String shelter = server.login("shelter.worker");
        // A withdrawn consent takes the person out of legal aid's caseload, filter or not, and nothing about them is read.
        assertThat(server.send("POST", "/api/v1/consents/" + olena[1] + "/withdraw", shelter, "shelter", null).status()).isEqualTo(200);
        assertThat(legal.get("/staff/people").body()).doesNotContain("Olena Referred").contains("Nobody");
        assertThat(legal.get("/staff/people?q=olena").body()).contains("Nobody found.");
        // The shelter still sees its own.
        assertThat(caseworker("shelter.worker", "shelter").get("/staff/people?q=olena").body()).contains("Olena Referred");
    }

    @Test
    void a_person_referred_under_a_consent_that_leaves_out_their_name_is_not_listed_nor_found_by_it() throws Exception {
        referToLegalAid("Hidden Name", "\"legal\"", true);
        PageSecurityTest.Browser legal = caseworker("legal.worker", "legal-aid");
        assertThat(legal.get("/staff/people").body()).doesNotContain("Hidden Name");
        assertThat(legal.get("/staff/people?q=hidden").body()).contains("Nobody found.");
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
