package eu.haven.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.haven.app.TestServer.Response;
import eu.haven.store.DatabaseConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The register of authority requests: the firewall refuses at once (with a letter), the person sees
 * every step in their history (unless a court postponed it, until its date), the officer decides the
 * rest within the framework, and the public report counts it all, even about people erased since.
 */
class AuthorityRequestTest {
    private MovableClock clock;
    private TestServer server;
    private String dpo;
    private String shelter;

    @BeforeEach
    void start() throws IOException {
        clock = new MovableClock();
        HavenConfig config = HavenConfig.embedded(Files.createTempDirectory("haven-authority"))
            .withDatabase(DatabaseConfig.h2Memory("a" + UUID.randomUUID())).withClock(clock);
        server = new TestServer(config, UnaryOperator.identity());
        dpo = server.login("city.dpo");
        shelter = server.login("shelter.worker");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private record Person(UUID id, String code) {}

    private Person person() {
        Response r = server.send("POST", "/api/v1/persons", shelter, "shelter", "{\"displayName\":\"Test Person\",\"preferredLanguage\":\"de\"}");
        assertThat(r.status()).isEqualTo(201);
        return new Person(UUID.fromString(r.body().get("id").asText()), r.body().get("accessCode").asText());
    }

    private Response register(String bodyType, String purpose, String categories, String lang) {
        return server.send("POST", "/api/v1/authority-requests", dpo, null, "{\"body\":\"Requesting office\",\"bodyType\":\"" + bodyType
            + "\",\"legalReference\":\"§ 87 AufenthG, Az. 12-345\",\"purpose\":\"" + purpose + "\",\"categories\":[" + categories
            + "],\"letterLanguage\":\"" + lang + "\"}");
    }

    private Response add(String request, UUID person) {
        return server.send("POST", "/api/v1/authority-requests/" + request + "/persons", dpo, null, "{\"personId\":\"" + person + "\"}");
    }

    /** The person's own history, as the API gives it to them. */
    private List<JsonNode> history(Person p) {
        Response me = server.send("GET", "/api/v1/me", server.personToken(p.code()), null, null);
        assertThat(me.status()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        me.body().get("accessHistory").forEach(out::add);
        return out;
    }

    private List<JsonNode> authoritySteps(Person p) {
        return history(p).stream().filter(e -> e.get("action").asText().startsWith("authority-")).toList();
    }

    @Test
    void an_immigration_authority_is_refused_at_once_with_a_letter_and_the_person_sees_it() {
        Response r = register("immigration", "social-assistance", "\"identity\",\"contact\"", "de");
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.body().get("status").asText()).as("an immigration authority, whatever purpose it states").isEqualTo("refused-automatically");
        String id = r.body().get("id").asText();
        Person p = person();
        assertThat(add(id, p.id()).status()).isEqualTo(200);

        Response letter = server.send("GET", "/api/v1/authority-requests/" + id + "/letter", dpo, null, null);
        assertThat(letter.status()).isEqualTo(200);
        assertThat(letter.raw()).contains("lang=\"de\"").contains("lehnen es ab").contains("demo-city").contains("Aufenthaltsrechts")
            .contains("Requesting office").contains("Az. 12-345").doesNotContain(p.id().toString()).doesNotContain("Test Person");

        List<JsonNode> steps = authoritySteps(p);
        assertThat(steps).hasSize(1);
        assertThat(steps.get(0).get("permitted").asBoolean()).isFalse();
        assertThat(steps.get(0).get("reason").asText()).isEqualTo("firewall");
        assertThat(steps.get(0).get("summary").asText()).isNotBlank();
    }

    @Test
    void a_foreign_state_and_an_enforcement_purpose_are_refused_like_an_immigration_authority() {
        assertThat(register("foreign", "health-care", "\"health\"", "fr").body().get("status").asText()).isEqualTo("refused-automatically");
        assertThat(register("court", "immigration-enforcement", "", "en").body().get("status").asText()).isEqualTo("refused-automatically");
        assertThat(register("public-body", "https://w3id.org/dpv/sector/law#LawEnforcement", "", "en").body().get("status").asText())
            .isEqualTo("refused-automatically");
        Response french = register("foreign", "health-care", "\"health\"", "fr");
        Response letter = server.send("GET", "/api/v1/authority-requests/" + french.body().get("id").asText() + "/letter", dpo, null, null);
        assertThat(letter.raw()).contains("lang=\"fr\"").contains("États étrangers");
    }

    @Test
    void a_police_request_for_another_purpose_waits_and_the_officer_grants_only_what_the_framework_allows() {
        Response r = register("police", "social-assistance", "\"identity\",\"health\",\"financial\"", "en");
        assertThat(r.body().get("status").asText()).isEqualTo("waiting");
        assertThat(r.body().has("letter")).as("no letter while it waits").isFalse();
        String id = r.body().get("id").asText();
        Person p = person();
        add(id, p.id());
        List<JsonNode> waiting = authoritySteps(p);
        assertThat(waiting).hasSize(1);
        assertThat(waiting.get(0).get("reason").asText()).isEqualTo("awaiting-decision");
        assertThat(waiting.get(0).get("outcome").asText()).isEqualTo("Wartet");

        Response notAsked = server.send("POST", "/api/v1/authority-requests/" + id + "/decision", dpo, null,
            "{\"grant\":[\"family\"],\"note\":\"Court order 4 C 12/26\"}");
        assertThat(notAsked.status()).isEqualTo(403);
        assertThat(notAsked.error()).isEqualTo("category-not-allowed");
        Response noLetter = server.send("GET", "/api/v1/authority-requests/" + id + "/letter", dpo, null, null);
        assertThat(noLetter.status()).isEqualTo(409);

        Response granted = server.send("POST", "/api/v1/authority-requests/" + id + "/decision", dpo, null,
            "{\"grant\":[\"identity\"],\"note\":\"Guardianship proceedings, court order 4 C 12/26\"}");
        assertThat(granted.status()).isEqualTo(200);
        assertThat(granted.body().get("status").asText()).isEqualTo("granted");
        assertThat(server.send("POST", "/api/v1/authority-requests/" + id + "/decision", dpo, null, "{\"grant\":[],\"note\":\"again\"}").status())
            .as("decided once").isEqualTo(409);
        List<JsonNode> steps = authoritySteps(p);
        assertThat(steps).extracting(s -> s.get("action").asText()).containsExactlyInAnyOrder("authority-request", "authority-decision");
        JsonNode decision = steps.stream().filter(s -> s.get("action").asText().equals("authority-decision")).findFirst().orElseThrow();
        assertThat(decision.get("permitted").asBoolean()).isTrue();
        assertThat(decision.get("categories")).extracting(c -> c.get("code").asText()).containsExactly("identity");
    }

    @Test
    void only_the_data_protection_officer_keeps_the_register() {
        for (String user : List.of("shelter.worker", "dpa.auditor", "admin", "city.editor")) {
            String token = server.login(user);
            Response list = server.send("GET", "/api/v1/authority-requests", token, null, null);
            assertThat(list.status()).as(user).isEqualTo(403);
            assertThat(list.error()).isEqualTo("role");
            Response create = server.send("POST", "/api/v1/authority-requests", token, "shelter", "{\"body\":\"x\",\"bodyType\":\"police\","
                + "\"legalReference\":\"x\",\"purpose\":\"shelter\",\"categories\":[],\"letterLanguage\":\"en\"}");
            assertThat(create.status()).as(user).isEqualTo(403);
        }
        assertThat(server.send("GET", "/api/v1/authority-requests", null, null, null).status()).isEqualTo(401);
        Response bad = server.send("POST", "/api/v1/authority-requests", dpo, null, "{\"body\":\"\",\"bodyType\":\"army\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("error").asText()).isEqualTo("invalid-request");
        Response unknown = add(register("police", "shelter", "", "en").body().get("id").asText(), UUID.randomUUID());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(server.send("GET", "/api/v1/authority-requests/" + UUID.randomUUID(), dpo, null, null).status()).isEqualTo(404);
    }

    @Test
    void a_postponed_request_is_hidden_from_the_person_until_its_date_and_counted_meanwhile() {
        Response r = register("court", "social-assistance", "\"identity\"", "en");
        String id = r.body().get("id").asText();
        LocalDate until = LocalDate.ofInstant(clock.instant(), ZoneId.systemDefault()).plusDays(40);
        YearMonth month = YearMonth.from(clock.instant().atZone(ZoneId.systemDefault()));
        Response postponed = server.send("POST", "/api/v1/authority-requests/" + id + "/postponement", dpo, null,
            "{\"until\":\"" + until + "\",\"reason\":\"Amtsgericht, 3 Gs 45/26\"}");
        assertThat(postponed.status()).isEqualTo(200);
        assertThat(server.send("POST", "/api/v1/authority-requests/" + id + "/postponement", dpo, null,
            "{\"until\":\"not a date\",\"reason\":\"x\"}").status()).isEqualTo(400);
        Person p = person();
        add(id, p.id());
        assertThat(authoritySteps(p)).as("hidden until the court's date").isEmpty();
        long hiddenIndex = server.haven.ledger().forPerson(p.id()).stream()
            .filter(e -> e.event().action().equals("authority-request")).findFirst().orElseThrow().index();
        Response receipt = server.send("GET", "/api/v1/me/receipts/" + hiddenIndex, server.personToken(p.code()), null, null);
        assertThat(receipt.status()).as("no receipt for it either").isEqualTo(404);
        assertThat(server.haven.transparency().build(YearMonth.from(clock.instant().atZone(ZoneId.systemDefault())).getYear()).months())
            .as("the report publishes only months that have ended").allMatch(m -> !m.month().equals(
                YearMonth.from(clock.instant().atZone(ZoneId.systemDefault())).toString()));

        clock.advance(Duration.ofDays(32));
        assertThat(authoritySteps(p)).as("still hidden after its month ended").isEmpty();
        var report = server.haven.transparency().build(month.getYear()).months().stream().filter(m -> m.month().equals(month.toString()))
            .findFirst().orElseThrow();
        assertThat(report.table("authority-requests").orElseThrow().cell("court", "waiting")).as("counted meanwhile, as fewer than 5")
            .contains(eu.haven.core.transparency.Shown.SMALL);
        assertThat(report.table("authority-postponed").orElseThrow().cell("authority-postponed", "n"))
            .as("the postponement counted, withheld beside a count below 5").contains(eu.haven.core.transparency.Shown.WITHHELD);

        clock.advance(Duration.ofDays(9));
        assertThat(authoritySteps(p)).extracting(s -> s.get("action").asText())
            .containsExactlyInAnyOrder("authority-request", "authority-postpone");
    }

    @Test
    void the_report_counts_refusals_as_they_happen_even_about_people_erased_since() {
        Instant start = clock.instant();
        YearMonth month = YearMonth.from(start.atZone(ZoneId.systemDefault()));
        for (int i = 0; i < 5; i++) {
            register("immigration", "immigration-enforcement", "\"identity\"", "en");
        }
        register("police", "social-assistance", "", "en");
        Person p = person();
        for (int i = 0; i < 6; i++) {
            Response refused = server.send("GET", "/api/v1/persons/" + p.id() + "/records", shelter, "immigration-enforcement", null);
            assertThat(refused.status()).isEqualTo(403);
        }
        Response erased = server.send("POST", "/api/v1/me/erasure", server.personToken(p.code()), null, null);
        assertThat(erased.status()).isBetween(200, 204);
        assertThat(server.haven.ledger().forPerson(p.id())).as("the person's openings are gone").isEmpty();

        clock.advance(Duration.ofDays(32));
        Response json = server.send("GET", "/transparency.json?year=" + month.getYear(), null, null, null);
        assertThat(json.status()).isEqualTo(200);
        JsonNode thisMonth = null;
        for (JsonNode m : json.body().get("months")) {
            if (m.get("month").asText().equals(month.toString())) {
                thisMonth = m;
            }
        }
        assertThat(thisMonth).as("the month that has ended is published").isNotNull();
        JsonNode authority = table(thisMonth, "authority-requests");
        assertThat(cell(authority, "immigration", "refused-automatically")).isEqualTo("5");
        assertThat(cell(authority, "police", "waiting")).isEqualTo("<5");
        JsonNode accesses = table(thisMonth, "accesses");
        assertThat(cell(accesses, "immigration-enforcement", "firewall")).as("refusals about a person erased since still count").isEqualTo("6");
        JsonNode firewall = table(thisMonth, "firewall-refusals");
        assertThat(cell(firewall, "case-work", "n")).isEqualTo("6");
        assertThat(cell(firewall, "authority-requests", "n")).isEqualTo("5");
        assertThat(firewall.get("total").asLong()).isEqualTo(11);
        assertThat(authority.get("total").asText()).as("a total over a count below 5 is withheld").isEqualTo("withheld");
        assertThat(json.raw()).doesNotContain(p.id().toString());

        Response csv = server.send("GET", "/transparency.csv?year=" + month.getYear(), null, null, null);
        assertThat(csv.raw()).contains(month + ",authority-requests,immigration,refused-automatically,5")
            .contains(month + ",authority-requests,police,waiting,<5");
        Response html = server.send("GET", "/transparency?year=" + month.getYear() + "&month=" + month + "&lang=ar", null, null, null);
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.raw()).contains("dir=\"rtl\"").contains("<svg").contains("سلطة الهجرة");
        assertThat(server.send("GET", "/transparency?year=1999", null, null, null).status()).isEqualTo(400);
    }

    private static JsonNode table(JsonNode month, String name) {
        for (JsonNode t : month.get("tables")) {
            if (t.get("name").asText().equals(name)) {
                return t;
            }
        }
        throw new AssertionError("no table " + name);
    }

    private static String cell(JsonNode table, String row, String column) {
        int r = -1;
        int c = -1;
        for (int i = 0; i < table.get("rows").size(); i++) {
            if (table.get("rows").get(i).asText().equals(row)) {
                r = i;
            }
        }
        for (int i = 0; i < table.get("columns").size(); i++) {
            if (table.get("columns").get(i).asText().equals(column)) {
                c = i;
            }
        }
        assertThat(r).as("row " + row).isNotNegative();
        assertThat(c).as("column " + column).isNotNegative();
        return table.get("cells").get(r).get(c).asText();
    }
}
