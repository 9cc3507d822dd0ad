package eu.haven.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The sign-in address printed on an access-code receipt comes from the configuration, never from the request. */
class ReceiptAddressTest {

    /** A receipt request with a forged Host header, as a proxy or an attacker could send it. */
    private static String receipt(TestServer server, String host) throws Exception {
        String token = server.login("shelter.worker");
        String body = "{\"accessCode\":\"2222-2222-2222-2222-2222-2222\",\"language\":\"en\"}";
        try (Socket s = new Socket("127.0.0.1", server.haven.port())) {
            OutputStream out = s.getOutputStream();
            out.write(("POST /api/v1/access-code-receipts HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body)
                .getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void a_forged_host_is_not_printed_and_the_receipt_cannot_be_framed() throws Exception {
        try (TestServer server = new TestServer()) {
            String answer = receipt(server, "evil.example");
            assertThat(answer).startsWith("HTTP/1.1 200");
            assertThat(answer).doesNotContain("evil.example");
            assertThat(answer).contains("http://localhost:" + server.haven.port() + "/");
            assertThat(answer.toLowerCase()).contains("content-security-policy: default-src 'none'", "frame-ancestors 'none'",
                "x-frame-options: deny");
            assertThat(answer.toLowerCase()).doesNotContain("strict-transport-security").doesNotContain("unsafe-inline");
            String css = answer.substring(answer.indexOf("<style>") + 7, answer.indexOf("</style>"));
            String hash = java.util.Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("SHA-256")
                .digest(css.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            assertThat(answer).as("the style sheet is allowed by its hash").contains("style-src 'sha256-" + hash + "'");
        }
    }

    @Test
    void behind_https_the_configured_address_is_printed_and_hsts_is_sent() throws Exception {
        HavenConfig config = TestServer.inMemory().withPublicUrl(Optional.of("https://haven.example-city.eu"));
        try (TestServer server = new TestServer(config, UnaryOperator.identity())) {
            String answer = receipt(server, "evil.example");
            assertThat(answer).contains("https://haven.example-city.eu/").doesNotContain("evil.example");
            assertThat(answer.toLowerCase()).contains("strict-transport-security: max-age=31536000");
        }
    }
}
