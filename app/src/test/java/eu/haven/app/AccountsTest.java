package eu.haven.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.haven.app.TestServer.Response;
import eu.haven.core.audit.StoredEvent;
import eu.haven.event.AccessEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signing out, changing a password, and administering accounts, each act recorded. */
class AccountsTest {
    @TempDir
    Path tmp;
    private TestServer server;

    @BeforeEach
    void start() {
        server = new TestServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Response signIn(String user, String password) {
        return server.send("POST", "/api/v1/auth/token", null, null, "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}");
    }

    /** The administrative events in the ledger: they name no person. */
    private List<AccessEvent> administrative() {
        long n = server.haven.ledger().size();
        server.haven.ledger().checkpoint();
        return new eu.haven.store.JdbcLedgerStore(server.haven.database()).events(0, (int) n).stream()
            .map(StoredEvent::opening).flatMap(Optional::stream).map(o -> o.event())
            .filter(e -> e.purpose().equals("https://w3id.org/dpv#AccountManagement")).toList();
    }

    @Test
    void staff_and_people_sign_out_and_the_token_stops_at_once() {
        String token = server.login("shelter.worker");
        assertThat(server.send("GET", "/api/v1/referrals", token, "shelter", null).status()).isEqualTo(200);
        assertThat(server.send("POST", "/api/v1/auth/sign-out", token, null, null).status()).isEqualTo(204);
        assertThat(server.send("GET", "/api/v1/referrals", token, "shelter", null).status()).isEqualTo(401);

        String code = server.send("POST", "/api/v1/persons", server.login("shelter.worker"), "shelter",
            "{\"displayName\":\"Sign Out\",\"preferredLanguage\":\"en\"}").body().get("accessCode").asText();
        String self = server.personToken(code);
        assertThat(server.send("GET", "/api/v1/me", self, null, null).status()).isEqualTo(200);
        assertThat(server.send("POST", "/api/v1/me/sign-out", self, null, null).status()).isEqualTo(204);
        assertThat(server.send("GET", "/api/v1/me", self, null, null).status()).isEqualTo(401);
        assertThat(server.send("POST", "/api/v1/me/sign-out", self, null, null).status()).as("already out").isEqualTo(204);
    }

    @Test
    void a_caseworker_changes_their_password_knowing_the_current_one() {
        String token = server.login("legal.worker");
        Response wrong = server.send("POST", "/api/v1/auth/password", token, null, "{\"current\":\"guess\",\"new\":\"a much longer passphrase\"}");
        assertThat(wrong.status()).isEqualTo(401);
        Response shortOne = server.send("POST", "/api/v1/auth/password", token, null,
            "{\"current\":\"" + DemoData.PASSWORD + "\",\"new\":\"short\"}");
        assertThat(shortOne.status()).isEqualTo(400);
        Response changed = server.send("POST", "/api/v1/auth/password", token, null,
            "{\"current\":\"" + DemoData.PASSWORD + "\",\"new\":\"a much longer passphrase\"}");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(server.send("GET", "/api/v1/referrals", token, "legal-aid", null).status()).as("the old token ended").isEqualTo(401);
        assertThat(server.send("GET", "/api/v1/referrals", changed.body().get("token").asText(), "legal-aid", null).status()).isEqualTo(200);
        assertThat(signIn("legal.worker", DemoData.PASSWORD).status()).isEqualTo(401);
        assertThat(signIn("legal.worker", "a much longer passphrase").status()).isEqualTo(200);
        assertThat(administrative()).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("change-password");
            assertThat(e.organisation()).contains("legal-aid");
            assertThat(e.personId()).isEmpty();
        });
    }

    @Test
    void only_the_admin_role_administers_accounts_and_every_act_is_recorded() {
        String caseworker = server.login("shelter.worker");
        Response refused = server.send("POST", "/api/v1/admin/users", caseworker, null,
            "{\"username\":\"sneaky\",\"organisation\":\"city-shelter\",\"role\":\"admin\"}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.error()).isEqualTo("role");
        assertThat(server.send("POST", "/api/v1/admin/users/social.worker/disable", server.login("city.dpo"), null, null).status())
            .isEqualTo(403);

        String admin = server.login("admin");
        Response created = server.send("POST", "/api/v1/admin/users", admin, null,
            "{\"username\":\"new.worker\",\"organisation\":\"city-shelter\",\"role\":\"caseworker\"}");
        assertThat(created.status()).isEqualTo(201);
        String password = created.body().get("password").asText();
        String worker = signIn("new.worker", password).body().get("token").asText();
        assertThat(server.send("GET", "/api/v1/referrals", worker, "shelter", null).status()).isEqualTo(200);

        assertThat(server.send("POST", "/api/v1/admin/users/new.worker/disable", admin, null, null).status()).isEqualTo(204);
        assertThat(server.send("GET", "/api/v1/referrals", worker, "shelter", null).status()).as("at once, not after a cache").isEqualTo(401);
        assertThat(signIn("new.worker", password).status()).isEqualTo(401);
        assertThat(server.send("POST", "/api/v1/admin/users/new.worker/enable", admin, null, null).status()).isEqualTo(204);
        assertThat(signIn("new.worker", password).status()).isEqualTo(200);

        Response reset = server.send("POST", "/api/v1/admin/users/new.worker/reset-password", admin, null, null);
        assertThat(reset.status()).isEqualTo(200);
        assertThat(signIn("new.worker", password).status()).isEqualTo(401);
        assertThat(signIn("new.worker", reset.body().get("password").asText()).status()).isEqualTo(200);

        assertThat(server.send("POST", "/api/v1/admin/users/admin/disable", admin, null, null).status()).as("not oneself").isEqualTo(400);
        assertThat(server.send("DELETE", "/api/v1/admin/users/new.worker", admin, null, null).status()).isEqualTo(204);
        assertThat(signIn("new.worker", reset.body().get("password").asText()).status()).isEqualTo(401);
        JsonNode users = server.send("GET", "/api/v1/admin/users", admin, null, null).body().get("users");
        assertThat(users).anySatisfy(u -> {
            assertThat(u.get("username").asText()).isEqualTo("new.worker");
            assertThat(u.get("status").asText()).isEqualTo("deleted");
        });
        assertThat(server.send("POST", "/api/v1/admin/users/new.worker/enable", admin, null, null).status()).isEqualTo(409);
        assertThat(server.send("POST", "/api/v1/admin/users/nobody/disable", admin, null, null).status()).isEqualTo(404);

        assertThat(administrative()).extracting(AccessEvent::action)
            .contains("create-user", "disable-user", "enable-user", "reset-password", "delete-user");
        assertThat(administrative()).filteredOn(e -> e.action().equals("delete-user")).singleElement().satisfies(e -> {
            assertThat(e.role()).contains("admin");
            assertThat(e.personId()).isEmpty();
        });
    }

    @Test
    void the_command_line_records_the_operator() {
        HavenConfig config = HavenConfig.embedded(tmp.resolve("data"));
        try (TestServer s = new TestServer(config, UnaryOperator.identity())) {
            s.login("social.worker");
        }
        assertThat(Main.cli().execute("admin", "disable-user", "--data-dir", tmp.resolve("data").toString(), "social.worker")).isZero();
        assertThat(Main.cli().execute("admin", "disable-user", "--data-dir", tmp.resolve("data").toString(), "no.such.user")).isEqualTo(2);
        try (Haven h = new Haven(config)) {
            assertThat(h.staffAdmin().user("social.worker")).get().extracting(u -> u.status()).isEqualTo("disabled");
            long n = h.ledger().size();
            List<AccessEvent> ops = new eu.haven.store.JdbcLedgerStore(h.database()).events(0, (int) n).stream()
                .map(StoredEvent::opening).flatMap(Optional::stream).map(o -> o.event()).filter(e -> e.action().equals("disable-user")).toList();
            assertThat(ops).singleElement().satisfies(e -> {
                assertThat(e.role()).contains("operator");
                assertThat(e.actorUser()).isEmpty();
            });
        }
    }
}
