package eu.haven.app;

import static org.assertj.core.api.Assertions.assertThat;

import eu.haven.app.TestServer.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Prometheus metrics for the operator: counters a city needs, behind a token, and no personal value in them. */
class MetricsTest {
    private static final String TOKEN = "scrape-token-0123456789abcdef";

    private static HttpResponse<String> scrape(TestServer server, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base() + "/metrics"));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void the_scraper_reads_decisions_firewall_refusals_ledger_and_requests_and_no_person() throws Exception {
        try (TestServer server = new TestServer(TestServer.inMemory().withMetricsToken(Optional.of(TOKEN)), UnaryOperator.identity())) {
            String shelter = server.login("shelter.worker");
            Response created = server.send("POST", "/api/v1/persons", shelter, "shelter",
                "{\"displayName\":\"Metrics Zainab\",\"preferredLanguage\":\"so\",\"birthDate\":\"1990-04-05\"}");
            String person = created.body().get("id").asText();
            String code = created.body().get("accessCode").asText();
            server.send("GET", "/api/v1/persons/" + person + "/records", shelter, "shelter", null);
            server.send("GET", "/api/v1/persons/" + person + "/records", shelter, "immigration-enforcement", null);

            assertThat(scrape(server, null).statusCode()).isEqualTo(401);
            assertThat(scrape(server, "wrong-token-0123456789abcdef").statusCode()).isEqualTo(401);
            HttpResponse<String> ok = scrape(server, TOKEN);
            assertThat(ok.statusCode()).isEqualTo(200);
            String text = ok.body();
            assertThat(text).contains("haven_access_decisions_total", "reason=\"firewall\"", "haven_firewall_refusals_total",
                "haven_ledger_size", "haven_ledger_startup_audit_seconds",
                "haven_ledger_append_seconds_count", "haven_ledger_append_seconds{quantile=\"0.99\"", "haven_ledger_checkpoint_sign_seconds_count",
                "haven_ledger_checkpoint_behind", "haven_ledger_audit_passed 1.0", "haven_ledger_audit_age_seconds", "haven_ready 1.0", "haven_http_requests_seconds_count",
                "route=\"/api/v1/persons/{id}/records\"");
            assertThat(text).doesNotContain(person).doesNotContain("Zainab").doesNotContain("1990-04-05")
                .doesNotContain(code).doesNotContain(shelter);
        }
        try (TestServer server = new TestServer()) {
            assertThat(scrape(server, TOKEN).statusCode()).as("no token configured: no metrics served").isEqualTo(404);
        }
    }
}
