package eu.haven.app;

import static org.assertj.core.api.Assertions.assertThat;

import eu.haven.app.TestServer.Response;
import eu.haven.web.Caller;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every route belongs to a group, and a route under /api/v1/ is closed to anyone without a token unless named public. */
class RouteGroupsTest {

    @Test
    void every_staff_and_person_route_refuses_a_caller_without_a_token_before_anything_else() {
        try (TestServer server = new TestServer()) {
            List<String> routes = server.haven.routes();
            assertThat(routes).hasSizeGreaterThan(40);
            int checked = 0;
            for (String route : routes) {
                String method = route.substring(0, route.indexOf(' '));
                String template = route.substring(route.indexOf(' ') + 1);
                String path = template.replaceAll("\\{[^}]+}", UUID.randomUUID().toString()).replace("<path>", "x");
                Caller.Group group = Caller.group(path);
                if (group == Caller.Group.PUBLIC) {
                    continue;
                }
                Response r = server.send(method, path, null, group == Caller.Group.STAFF ? "shelter" : null, method.equals("GET")
                    || method.equals("DELETE") ? null : "{\"not\":\"checked\"}");
                assertThat(r.status()).as(route).isEqualTo(401);
                assertThat(r.error()).as(route).isEqualTo("unauthorized");
                checked++;
            }
            assertThat(checked).isGreaterThan(35);
            assertThat(routes.stream().map(r -> r.substring(r.indexOf(' ') + 1)).filter(p -> p.startsWith("/api/v1/"))
                .filter(p -> Caller.group(p) == Caller.Group.PUBLIC).distinct().sorted())
                .as("the only public routes of the API").containsExactly("/api/v1/auth/sign-out", "/api/v1/auth/token", "/api/v1/framework",
                    "/api/v1/me/activate", "/api/v1/me/session", "/api/v1/me/sign-out");
        }
    }

    @Test
    void a_trailing_slash_does_not_change_a_routes_group() {
        assertThat(Caller.group("/api/v1/me/session/")).isEqualTo(Caller.Group.PUBLIC);
        assertThat(Caller.group("/api/v1/persons/")).isEqualTo(Caller.Group.STAFF);
        assertThat(Caller.group("/api/v1/me")).isEqualTo(Caller.Group.PERSON);
        assertThat(Caller.group("/ledger/checkpoint")).isEqualTo(Caller.Group.PUBLIC);
    }
}
