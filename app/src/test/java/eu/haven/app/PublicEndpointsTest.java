package eu.haven.app;

import static org.assertj.core.api.Assertions.assertThat;

import eu.haven.app.TestServer.Response;
import org.junit.jupiter.api.Test;

class PublicEndpointsTest {

    @Test
    void health_and_the_framework_are_public_and_the_framework_shows_the_firewall() {
        try (TestServer server = new TestServer()) {
            Response health = server.send("GET", "/health", null, null, null);
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.body().get("status").asText()).isEqualTo("ok");

            Response framework = server.send("GET", "/api/v1/framework", null, null, null);
            assertThat(framework.status()).isEqualTo(200);
            assertThat(framework.body().get("framework").asText()).isEqualTo("demo-city");
            assertThat(framework.body().get("version").asText()).isNotBlank();
            assertThat(framework.body().get("grants").size()).isEqualTo(5);
            assertThat(framework.body().at("/firewall/purposes").size()).isEqualTo(98);
            assertThat(framework.raw()).contains("https://w3id.org/dpv/sector/law#ImmigrationManagement");
        }
    }

    @Test
    void an_unknown_user_cannot_sign_in() {
        try (TestServer server = new TestServer()) {
            Response r = server.send("POST", "/api/v1/auth/token", null, null, "{\"username\":\"nobody\",\"password\":\"haven-demo\"}");
            assertThat(r.status()).isEqualTo(401);
        }
    }
}
