package eu.haven.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.haven.app.TestServer.Response;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a careless or hostile client sends: malformed HTTP, the wrong media type, repeated JSON fields, the wrong method. */
class StrictHttpTest {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Sends the bytes as they are and reads the whole answer (the connection is closed after it). */
    private static String raw(String request) throws Exception {
        try (Socket s = new Socket("localhost", server.haven.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            try {
                for (int n; (n = in.read(buf)) > 0; ) {
                    got.write(buf, 0, n);
                    if (complete(got.toString(StandardCharsets.ISO_8859_1))) {
                        break;
                    }
                }
            } catch (java.net.SocketException closed) {
                // the server may close as soon as it has answered
            }
            return got.toString(StandardCharsets.UTF_8);
        }
    }

    private static boolean complete(String r) {
        int end = r.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(r.substring(0, end));
        return m.find() && r.length() - end - 4 >= Integer.parseInt(m.group(1));
    }

    private static void assertJsonRefusal(String answer) throws Exception {
        assertThat(answer).startsWith("HTTP/1.1 4");
        assertThat(answer.toLowerCase()).contains("content-type: application/json");
        JsonNode body = TestServer.JSON.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
        assertThat(body.get("error").asText()).isNotBlank();
        assertThat(body.get("message").asText()).isNotBlank();
        assertThat(answer).doesNotContain("<html").doesNotContain("jetty").doesNotContain("Jetty");
    }

    @Test
    void requests_jetty_refuses_itself_are_answered_as_json() throws Exception {
        String host = "Host: localhost\r\n";
        assertJsonRefusal(raw("GET /health HTTP/1.1\r\n" + host + "X-Bad: a\0b\r\nConnection: close\r\n\r\n"));
        assertJsonRefusal(raw("GET /health HTTP/1.1\r\n" + host + "Bad Name: x\r\nConnection: close\r\n\r\n"));
        assertJsonRefusal(raw("POST /api/v1/auth/token HTTP/1.1\r\n" + host + "Content-Length: 4\r\nTransfer-Encoding: chunked\r\n"
            + "Connection: close\r\n\r\n0\r\n\r\n"));
        assertJsonRefusal(raw("POST /api/v1/auth/token HTTP/1.1\r\n" + host + "Content-Length: 2\r\nContent-Length: 3\r\n"
            + "Connection: close\r\n\r\n{}"));
        assertJsonRefusal(raw("POST /api/v1/auth/token HTTP/1.1\r\n" + host + "Content-Length: -1\r\nConnection: close\r\n\r\n"));
        assertJsonRefusal(raw("GET /health HTTP/1.1\r\n" + host + "X-Big: " + "a".repeat(100 * 1024) + "\r\nConnection: close\r\n\r\n"));
        assertJsonRefusal(raw("GET /" + "a".repeat(20 * 1024) + " HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n"));
    }

    @Test
    void a_wrong_method_is_405_with_allow() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.base() + "/api/v1/auth/token"))
            .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(r.headers().firstValue("Allow")).hasValueSatisfying(a -> assertThat(a).contains("POST"));
        assertThat(r.body()).contains("\"error\":\"method-not-allowed\"");
        assertThat(server.send("GET", "/api/v1/no-such-thing", null, null, null).status()).isEqualTo(404);
    }

    @Test
    void only_json_is_read_as_json_and_each_field_only_once() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        String body = "{\"username\":\"shelter.worker\",\"password\":\"" + DemoData.PASSWORD + "\"}";
        for (String type : new String[] {null, "application/jsonx", "text/plain", "application/json; charset=latin1"}) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base() + "/api/v1/auth/token")).POST(HttpRequest.BodyPublishers.ofString(body));
            if (type != null) {
                b.header("Content-Type", type);
            }
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(String.valueOf(type)).isEqualTo(415);
            assertThat(r.body()).contains("unsupported-media-type").doesNotContain("token\"");
        }
        Response ok = server.send("POST", "/api/v1/auth/token", null, null, body);
        assertThat(ok.status()).isEqualTo(200);

        Response twice = server.send("POST", "/api/v1/auth/token", null, null,
            "{\"username\":\"nobody\",\"username\":\"shelter.worker\",\"password\":\"" + DemoData.PASSWORD + "\"}");
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.error()).isEqualTo("invalid-json");
        assertThat(twice.raw()).doesNotContain("token\"");
    }
}
