package app.rungs.attack;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Login CSRF: a page on another site posts the attacker's credentials to /login, so the victim's browser ends up
 * signed in to the attacker's account. The login form must carry the token of the victim's own login page.
 */
@IntegrationTest
class CsrfLoginAttackTest {

    @LocalServerPort
    int port;

    @Test
    void aLoginPostWithoutTheTokenIsRefusedAndSignsNobodyIn() throws IOException {
        var http = new RawHttp(port);
        var victim = http.get("/login").sessionCookie();
        var forged = http.postForm(
                "/login",
                Map.of("username", DemoUsers.ENGINEER, "password", DemoUsers.PASSWORD),
                "Cookie: JSESSIONID=" + victim,
                "Origin: https://evil.example");
        refused(forged, victim);
    }

    @Test
    void aLoginPostWithoutAnySessionIsRefused() throws IOException {
        var forged = new RawHttp(port)
                .postForm("/login", Map.of("username", DemoUsers.ENGINEER, "password", DemoUsers.PASSWORD));
        refused(forged, forged.sessionCookie());
    }

    @Test
    void aLoginPostWithAnotherSessionsTokenIsRefused() throws IOException {
        var http = new RawHttp(port);
        var attackersPage = http.get("/login");
        var victim = http.get("/login").sessionCookie();
        var forged = http.postForm(
                "/login",
                Map.of(
                        "username",
                        DemoUsers.ENGINEER,
                        "password",
                        DemoUsers.PASSWORD,
                        "_csrf",
                        attackersPage.csrfToken()),
                "Cookie: JSESSIONID=" + victim);
        refused(forged, victim);
    }

    /** Refused: back to the login page (Vaadin's handler for a CSRF failure at sign-in), never signed in. */
    private void refused(RawHttp.Response forged, String session) throws IOException {
        assertThat(forged.status()).isIn(302, 403);
        if (forged.status() == 302) {
            assertThat(forged.header("Location")).startsWith("/login").doesNotContain("error");
        }
        var sessions = new java.util.ArrayList<String>();
        if (session != null) {
            sessions.add(session);
        }
        if (forged.sessionCookie() != null) {
            sessions.add(forged.sessionCookie());
        }
        for (var id : sessions) {
            var afterwards = new RawHttp(port).get("/", "Cookie: JSESSIONID=" + id);
            assertThat(afterwards.status()).as("still signed out").isEqualTo(302);
            assertThat(afterwards.header("Location")).isEqualTo("/login");
        }
    }

    @Test
    void theLoginFormsOwnTokenSignsIn() throws IOException {
        var session = new RawHttp(port).signIn(DemoUsers.ENGINEER, DemoUsers.PASSWORD);
        assertThat(session.loginResponse().status()).isEqualTo(302);
        assertThat(session.loginResponse().header("Location")).isEqualTo("/");
        var home = new RawHttp(port).get("/", session.cookie());
        assertThat(home.status()).isEqualTo(200);
    }
}
