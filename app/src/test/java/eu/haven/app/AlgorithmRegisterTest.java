package eu.haven.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.haven.app.TestServer.Response;
import eu.haven.core.alert.Alert;
import eu.haven.core.algorithm.AlgorithmEntry;
import eu.haven.core.algorithm.AlgorithmRegister;
import eu.haven.core.framework.Firewall;
import eu.haven.core.framework.Framework;
import eu.haven.core.framework.FrameworkLoader;
import eu.haven.core.policy.DenyReason;
import eu.haven.navigator.directory.Languages;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The algorithm register stays true to the code (the rules it lists are the code's) and to the
 * configuration (the values it shows are this installation's); the data protection officer edits it,
 * every version kept with its date and author.
 */
class AlgorithmRegisterTest {
    private TestServer server;

    @BeforeEach
    void start() {
        server = new TestServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static AlgorithmEntry shipped(String id) {
        return AlgorithmRegister.bundled().stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
    }

    private Map<String, JsonNode> published() {
        Response r = server.send("GET", "/algorithms.json", null, null, null);
        assertThat(r.status()).isEqualTo(200);
        Map<String, JsonNode> out = new HashMap<>();
        r.body().get("algorithms").forEach(e -> out.put(e.get("id").asText(), e));
        return out;
    }

    @Test
    void havens_own_entries_list_the_rules_the_code_applies() {
        assertThat(shipped("access-decisions").rules()).as("every refusal reason of the policy engine, and no other")
            .containsExactlyInAnyOrderElementsOf(Arrays.stream(DenyReason.values()).map(DenyReason::code).toList());
        assertThat(shipped("dpo-alerts").rules()).as("every kind of alert the officer gets")
            .containsExactlyInAnyOrderElementsOf(Arrays.stream(Alert.Kind.values()).map(Alert.Kind::code).toList());
        assertThat(AlgorithmRegister.bundled()).extracting(AlgorithmEntry::id)
            .containsExactly("access-decisions", "search-ranking", "retention-job", "dpo-alerts");
        assertThat(AlgorithmRegister.bundled()).allSatisfy(e -> {
            assertThat(e.highRisk()).isFalse();
            assertThat(e.status()).isEqualTo(AlgorithmEntry.Status.IN_USE);
            assertThat(List.of(e.purpose(), e.legalBasis(), e.dataUsed(), e.humanOversight(), e.risks(), e.contact())).allMatch(s -> !s.isBlank());
        });
    }

    @Test
    void the_values_shown_are_this_installations_configuration() {
        Map<String, JsonNode> entries = published();
        Framework framework = new FrameworkLoader(Firewall.bundled()).loadDemo();
        JsonNode retention = entries.get("retention-job").get("parameters");
        framework.purposes().forEach(p -> {
            if (p.retention().isPresent()) {
                assertThat(retention.get("purpose." + p.code()).asText()).startsWith(p.retention().get().period().toString());
            } else {
                assertThat(retention.has("purpose." + p.code())).as(p.code() + " has no period").isFalse();
            }
        });
        assertThat(retention.get("interval").asText()).isEqualTo(HavenConfig.PeopleConfig.defaults().retentionInterval().toString());
        assertThat(entries.get("dpo-alerts").get("parameters").get("kinds").asText().split(", "))
            .containsExactly(Arrays.stream(Alert.Kind.values()).map(Alert.Kind::code).toArray(String[]::new));
        assertThat(entries.get("search-ranking").get("parameters").get("languages").asText()).isEqualTo(String.join(", ", Languages.ALL));
        assertThat(entries.get("access-decisions").get("parameters").get("framework").asText()).isEqualTo("demo-city " + framework.version());
        assertThat(entries.get("access-decisions").get("rules")).hasSize(DenyReason.values().length);
        Response page = server.send("GET", "/algorithms?lang=fa", null, null, null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.raw()).contains("dir=\"rtl\"").contains("ثبت الگوریتم‌ها").contains("retention-job").doesNotContain("Set-Cookie");
    }

    @Test
    void the_officer_edits_and_adds_entries_and_every_version_is_kept() {
        String dpo = server.login("city.dpo");
        JsonNode own = published().get("retention-job");
        String edit = own.toString().replace(own.get("contact").asText(), "dpo@example-city.eu")
            .replace("\"rules\":[", "\"rules\":[\"made-up-rule\",");
        Response first = server.send("PUT", "/api/v1/algorithms/retention-job", dpo, null, edit);
        assertThat(first.status()).as(first.raw()).isEqualTo(200);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().get("contact").asText()).isEqualTo("dpo@example-city.eu");
        assertThat(first.body().get("changedBy").asText()).isEqualTo("city.dpo");
        assertThat(first.body().get("rules").toString()).as("the rules stay the code's").doesNotContain("made-up-rule");
        server.send("PUT", "/api/v1/algorithms/retention-job", dpo, null, edit.replace("dpo@example-city.eu", "privacy@example-city.eu"));
        Response history = server.send("GET", "/api/v1/algorithms/retention-job/history", dpo, null, null);
        assertThat(history.body().get("versions")).hasSize(2);
        assertThat(history.body().get("versions").get(1).get("contact").asText()).isEqualTo("dpo@example-city.eu");
        assertThat(published().get("retention-job").get("contact").asText()).isEqualTo("privacy@example-city.eu");
        assertThat(published().get("retention-job").get("parameters").has("interval")).isTrue();

        String city = "{\"name\":\"School place allocation\",\"provider\":\"City school office\",\"description\":\"Ranks applications.\","
            + "\"purpose\":\"Fair allocation of school places.\",\"legalBasis\":\"School law § 12\",\"dataUsed\":\"Address, age, siblings\","
            + "\"humanOversight\":\"An officer decides every case.\",\"risks\":\"Bias by district; reviewed yearly.\",\"impactAssessment\":\"DPIA 2026\","
            + "\"contact\":\"school@example-city.eu\",\"status\":\"in-development\",\"highRisk\":true,"
            + "\"riskClassification\":\"Annex III point 3(a): access to education.\",\"rules\":[\"distance\",\"siblings\"]}";
        Response added = server.send("PUT", "/api/v1/algorithms/school-places", dpo, null, city);
        assertThat(added.status()).as(added.raw()).isEqualTo(200);
        assertThat(added.status()).isEqualTo(200);
        assertThat(published().get("school-places").get("builtIn").asBoolean()).isFalse();
        assertThat(published().get("school-places").get("rules")).hasSize(2);
        assertThat(server.haven.ledger().size()).isPositive();

        String worker = server.login("shelter.worker");
        assertThat(server.send("PUT", "/api/v1/algorithms/retention-job", worker, null, edit).status()).isEqualTo(403);
        assertThat(server.send("GET", "/api/v1/algorithms/retention-job/history", worker, null, null).status()).isEqualTo(403);
        assertThat(server.send("PUT", "/api/v1/algorithms/Bad_Id!", dpo, null, city).status()).isEqualTo(400);
        assertThat(server.send("PUT", "/api/v1/algorithms/x2", dpo, null, city.replace("\"name\":\"School place allocation\"", "\"name\":\"\"")).status())
            .isEqualTo(400);
        assertThat(server.send("PUT", "/api/v1/algorithms/x2", dpo, null, city.replace("in-development", "sometimes")).status()).isEqualTo(400);
    }
}
