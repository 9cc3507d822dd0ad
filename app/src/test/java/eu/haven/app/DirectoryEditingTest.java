package eu.haven.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.haven.app.TestServer.Response;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Editors keep the directory, through the API and on their pages; every change is in the item's history; nobody else may. */
class DirectoryEditingTest {
    private TestServer server;

    @BeforeEach
    void start() {
        server = new TestServer();
        DemoData.directory(server.haven.navigator());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private JsonNode firstService() {
        return server.send("GET", "/hsds/services?per_page=1", null, null, null).body().path("contents").get(0);
    }

    @Test
    void an_editor_changes_a_translation_and_the_public_sees_it_with_the_change_in_the_history() {
        String editor = server.login("city.editor");
        ObjectNode service = (ObjectNode) firstService();
        String id = service.path("id").asText();
        String before = service.path("x_translations").path("ar").path("name").asText();
        ((ObjectNode) service.path("x_translations").path("ar")).put("name", "مقهى اللغة الجديد");
        Response saved = server.send("PUT", "/api/v1/directory/services/" + id, editor, null, service.toString());
        assertThat(saved.status()).isEqualTo(200);
        assertThat(server.send("GET", "/hsds/services/" + id + "?lang=ar", null, null, null).body().path("name").asText())
            .isEqualTo("مقهى اللغة الجديد");
        String search = server.send("GET", "/hsds/services?lang=ar&search=" + URLEncoder.encode("الجديد", StandardCharsets.UTF_8),
            null, null, null).raw();
        assertThat(search).contains(id);
        JsonNode history = server.send("GET", "/api/v1/directory/services/" + id + "/history", editor, null, null).body().path("contents");
        assertThat(history).hasSize(2).as("the change, then the demo's import");
        assertThat(history.get(1).path("last_action_type").asText()).isEqualTo("import");
        assertThat(history.get(0).path("field_name").asText()).isEqualTo("x_translations.ar.name");
        assertThat(history.get(0).path("previous_value").asText()).isEqualTo(before);
        assertThat(history.get(0).path("replacement_value").asText()).isEqualTo("مقهى اللغة الجديد");
        assertThat(history.get(0).path("last_action_type").asText()).isEqualTo("update");
        assertThat(history.get(0).path("updated_by").asText()).startsWith("city-hall/");
        Response again = server.send("PUT", "/api/v1/directory/services/" + id, editor, null, service.toString());
        assertThat(again.status()).isEqualTo(200);
        assertThat(server.send("GET", "/api/v1/directory/services/" + id + "/history", editor, null, null).body().path("contents"))
            .as("saving the same again changes nothing").hasSize(2);
    }

    @Test
    void an_editor_creates_a_service_and_a_question_that_points_to_it() {
        String editor = server.login("city.editor");
        String org = server.send("GET", "/hsds/organizations?per_page=1", null, null, null).body().path("contents").get(0).path("id").asText();
        Response created = server.send("POST", "/api/v1/directory/services", editor, null,
            "{\"name\":\"Bicycle repair for newcomers\",\"status\":\"active\",\"organization_id\":\"" + org + "\","
                + "\"x_translations\":{\"uk\":{\"name\":\"Ремонт велосипедів\"}},\"x_review\":[\"uk\"]}");
        assertThat(created.status()).isEqualTo(201);
        String id = created.body().path("id").asText();
        assertThat(server.send("GET", "/hsds/services/" + id, null, null, null).status()).isEqualTo(200);
        assertThat(server.send("GET", "/hsds/services?search=velosipediv&lang=en", null, null, null).raw()).contains(id);
        Response question = server.send("POST", "/api/v1/directory/questions", editor, null,
            "{\"question\":\"Where can I repair my bicycle?\",\"answer\":\"At the bicycle repair.\",\"service_ids\":[\"" + id + "\"]}");
        assertThat(question.status()).isEqualTo(201);
        assertThat(server.send("GET", "/ask?q=repair+my+bicycle", null, null, null).raw()).contains("At the bicycle repair.");
        JsonNode history = server.send("GET", "/api/v1/directory/services/" + id + "/history", editor, null, null).body().path("contents");
        assertThat(history).allSatisfy(m -> assertThat(m.path("last_action_type").asText()).isEqualTo("create"));
    }

    @Test
    void nobody_but_an_editor_may_change_the_directory() {
        JsonNode service = firstService();
        String id = service.path("id").asText();
        for (String user : new String[] {"shelter.worker", "city.dpo", "admin", "dpa.auditor"}) {
            Response r = server.send("PUT", "/api/v1/directory/services/" + id, server.login(user), null, service.toString());
            assertThat(r.status()).as(user).isEqualTo(403);
            assertThat(r.error()).as(user).isEqualTo("role");
            assertThat(server.send("GET", "/api/v1/directory/services/" + id + "/history", server.login(user), null, null).status())
                .as(user).isEqualTo(403);
        }
        assertThat(server.send("PUT", "/api/v1/directory/services/" + id, null, null, service.toString()).status()).isEqualTo(401);
    }

    @Test
    void a_bad_resource_is_refused_with_the_field_and_nothing_changes() {
        String editor = server.login("city.editor");
        ObjectNode service = (ObjectNode) firstService();
        String id = service.path("id").asText();
        String name = service.path("name").asText();
        Map<String, String> bad = new HashMap<>();
        bad.put("status", ((ObjectNode) service.deepCopy()).put("status", "open").toString());
        bad.put("organization_id", ((ObjectNode) service.deepCopy()).put("organization_id", "8d5e6a4c-7c4f-4a5e-9d7e-0a1b2c3d4e5f").toString());
        bad.put("id", ((ObjectNode) service.deepCopy()).put("id", "8d5e6a4c-7c4f-4a5e-9d7e-0a1b2c3d4e5f").toString());
        bad.put("name", ((ObjectNode) service.deepCopy()).put("name", "X").putNull("name").toString());
        for (var e : bad.entrySet()) {
            Response r = server.send("PUT", "/api/v1/directory/services/" + id, editor, null, e.getValue());
            assertThat(r.status()).as(e.getKey()).isEqualTo(400);
            assertThat(r.error()).as(e.getKey()).isEqualTo("invalid-request");
            assertThat(r.body().path("field").asText()).as(e.getKey()).isEqualTo(e.getKey());
        }
        assertThat(server.send("PUT", "/api/v1/directory/services/" + id, editor, null, "[1,2]").status()).isEqualTo(400);
        assertThat(server.send("PUT", "/api/v1/directory/services/" + id, editor, null, "{not json").status()).isEqualTo(400);
        assertThat(server.send("PUT", "/api/v1/directory/services/8d5e6a4c-7c4f-4a5e-9d7e-0a1b2c3d4e5f", editor, null, "{}").status())
            .isEqualTo(404);
        assertThat(server.send("PUT", "/api/v1/directory/persons/" + id, editor, null, "{}").status()).isEqualTo(404);
        assertThat(firstService().path("name").asText()).isEqualTo(name);
        assertThat(server.send("GET", "/api/v1/directory/services/" + id + "/history", editor, null, null).body().path("contents"))
            .allSatisfy(m -> assertThat(m.path("last_action_type").asText()).as("only the demo's import").isEqualTo("import"));
    }

    private static String unescape(String html) {
        return html.replace("&#34;", "\"").replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
            .replace("&amp;", "&");
    }

    @Test
    void an_editor_changes_a_service_on_the_pages_and_sees_its_history() throws Exception {
        String id = firstService().path("id").asText();
        PageSecurityTest.Browser b = new PageSecurityTest.Browser(server.base());
        b.staffSignIn("city.editor");
        HttpResponse<String> list = b.get("/staff/directory");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("/staff/directory/services/" + id);
        HttpResponse<String> form = b.get("/staff/directory/services/" + id);
        assertThat(form.body()).contains("name=\"ti.name\"", "name=\"review.ti\"");
        Map<String, String> fields = new HashMap<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"([a-z]{2}\\.(?:name|description))\" type=\"text\" value=\"([^\"]*)\"")
            .matcher(form.body());
        while (m.find()) {
            fields.put(m.group(1), unescape(m.group(2)));
        }
        java.util.regex.Matcher area = java.util.regex.Pattern.compile("<textarea id=\"([a-z]{2}\\.description)\"[^>]*>([^<]*)</textarea>")
            .matcher(form.body());
        while (area.find()) {
            fields.put(area.group(1), unescape(area.group(2)));
        }
        assertThat(fields).containsKeys("de.description", "ar.description");
        assertThat(fields).containsKey("de.name");
        fields.put("csrf", PageSecurityTest.Browser.csrf(form));
        fields.put("status", "temporarily closed");
        fields.put("de.name", "Neuer Name");
        fields.put("organization_id", firstService().path("organization_id").asText());
        HttpResponse<String> saved = b.post("/staff/directory/services/" + id, fields);
        assertThat(saved.statusCode()).isEqualTo(303);
        HttpResponse<String> after = b.get("/staff/directory/services/" + id + "?done=saved");
        assertThat(after.body()).contains("x_translations.de.name", "Neuer Name", "status");
        assertThat(server.send("GET", "/hsds/services/" + id + "?lang=de", null, null, null).body().path("name").asText()).isEqualTo("Neuer Name");
        assertThat(server.send("GET", "/services/" + id + "?lang=de", null, null, null).raw()).contains("Neuer Name", "zurzeit geschlossen");
        PageSecurityTest.Browser caseworker = new PageSecurityTest.Browser(server.base());
        caseworker.staffSignIn("shelter.worker");
        assertThat(caseworker.get("/staff/directory").statusCode()).isEqualTo(403);
    }
}
