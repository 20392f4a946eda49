package app.rungs.attack;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.catalina.valves.RemoteIpValve;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * Attacks on the HTTP layer: missing security headers, cached private pages, forged forwarding headers from a
 * client that is not a configured proxy, a forged Host header steering redirects, and session ids in URLs.
 */
@IntegrationTest
class SecurityHeadersAttackTest {

    private static final Pattern SCRIPT_NONCE = Pattern.compile("'nonce-([A-Za-z0-9+/=]+)'");

    @LocalServerPort
    int port;

    @Autowired
    WebServerApplicationContext context;

    RawHttp http() {
        return new RawHttp(port);
    }

    @Test
    void everyKindOfResponseCarriesTheSecurityHeaders() throws IOException {
        var session = http().signIn(DemoUsers.ADMIN, DemoUsers.PASSWORD);
        var responses = Map.of(
                "login page", http().get("/login"),
                "redirect to login", http().get("/people"),
                "health probe", http().get("/actuator/health"),
                "static stylesheet", http().get("/styles/rungs.css"),
                "unknown actuator endpoint", http().get("/actuator/env"),
                "signed-in page", http().get("/people", session.cookie()),
                "signed-in home", http().get("/", session.cookie()));
        responses.forEach((what, response) -> {
            assertThat(response.header("Content-Security-Policy"))
                    .as(what)
                    .contains("default-src 'self'", "object-src 'none'", "frame-ancestors 'none'", "base-uri 'self'")
                    .doesNotContain("'unsafe-inline' 'unsafe-eval'");
            assertThat(response.header("Content-Security-Policy"))
                    .as(what + ": scripts by nonce, never any inline script")
                    .containsPattern("script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'unsafe-eval';");
            assertThat(response.header("Referrer-Policy")).as(what).isEqualTo("strict-origin-when-cross-origin");
            assertThat(response.header("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
            assertThat(response.header("X-Frame-Options")).as(what).isEqualTo("DENY");
            assertThat(response.header("Permissions-Policy")).as(what).contains("camera=()", "geolocation=()");
            assertThat(response.all("Content-Security-Policy"))
                    .as(what + ": one policy")
                    .hasSize(1);
            // Plain HTTP: HSTS would be ignored and would wrongly promise HTTPS.
            assertThat(response.header("Strict-Transport-Security")).as(what).isNull();
        });
    }

    @Test
    void privatePagesAndResponsesAreNeverStoredButHashedBundlesAreCacheable() throws IOException {
        var session = http().signIn(DemoUsers.MANAGER, DemoUsers.PASSWORD);
        for (var path : List.of("/", "/people", "/promotions", "/login", "/actuator/health")) {
            var response = http().get(path, session.cookie());
            assertThat(response.header("Cache-Control")).as(path).isEqualTo("no-store");
        }
        var login = http().get("/login").body();
        var bundle = Pattern.compile("src=\"\\./(VAADIN/build/[^\"]+\\.js)\"").matcher(login);
        assertThat(bundle.find()).as("the login page loads a hashed bundle").isTrue();
        var script = http().get("/" + bundle.group(1));
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.header("Cache-Control")).contains("max-age").doesNotContain("no-store");
    }

    @Test
    void theBootstrapPagesInlineScriptsCarryThisResponsesNonceOnly() throws IOException {
        var first = http().get("/login");
        var second = http().get("/login");
        var nonce = SCRIPT_NONCE.matcher(first.header("Content-Security-Policy"));
        assertThat(nonce.find()).isTrue();
        var scripts = Pattern.compile("<script[^>]*>").matcher(first.body());
        int count = 0;
        while (scripts.find()) {
            assertThat(scripts.group()).contains("nonce=\"" + nonce.group(1) + "\"");
            count++;
        }
        assertThat(count).as("Vaadin's bootstrap has inline scripts").isGreaterThanOrEqualTo(3);
        assertThat(second.header("Content-Security-Policy"))
                .as("a fresh nonce per response")
                .doesNotContain(nonce.group(1));
    }

    @Test
    void forgedForwardingHeadersFromAClientThatIsNoProxyAreIgnored() throws IOException {
        var forged = http().get(
                        "/people",
                        "X-Forwarded-For: 203.0.113.7",
                        "X-Forwarded-Proto: https",
                        "X-Forwarded-Host: evil.example",
                        "X-Forwarded-Port: 443");
        assertThat(forged.status()).isEqualTo(302);
        assertThat(forged.header("Location")).isEqualTo("/login").doesNotContain("evil", "https");
        assertThat(forged.header("Strict-Transport-Security"))
                .as("the request is not treated as HTTPS")
                .isNull();
        assertThat(forged.header("Set-Cookie"))
                .as("no secure flag from a forged proto")
                .doesNotContainIgnoringCase("secure");

        // No proxy is trusted by default (Spring Boot's own default trusts all private and loopback addresses).
        var valves = ((TomcatWebServer) context.getWebServer())
                .getTomcat()
                .getEngine()
                .getPipeline()
                .getValves();
        assertThat(valves)
                .filteredOn(RemoteIpValve.class::isInstance)
                .singleElement()
                .satisfies(valve ->
                        assertThat(((RemoteIpValve) valve).getInternalProxies()).isNullOrEmpty());
    }

    @Test
    void aForgedHostHeaderNeverReachesARedirect() throws IOException {
        var toLogin = http().get("/promotions", "Host: evil.example");
        assertThat(toLogin.status()).isEqualTo(302);
        assertThat(toLogin.header("Location")).isEqualTo("/login");

        // The request saved before sign-in, replayed after it, and sign-in itself, with the forged host throughout.
        var saved = http().get("/people", "Host: evil.example");
        var cookie = "Cookie: JSESSIONID=" + saved.sessionCookie();
        var page = http().get("/login", "Host: evil.example", cookie);
        var login = http().postForm(
                        "/login",
                        Map.of("username", DemoUsers.ADMIN, "password", DemoUsers.PASSWORD, "_csrf", page.csrfToken()),
                        "Host: evil.example",
                        cookie);
        assertThat(login.status()).isEqualTo(302);
        assertThat(login.header("Location")).doesNotContain("evil").startsWith("/");

        var failed = http().signIn(DemoUsers.ADMIN, "wrong-password", "Host: evil.example");
        assertThat(failed.loginResponse().header("Location")).isEqualTo("/login?error");

        var session = http().signIn(DemoUsers.ADMIN, DemoUsers.PASSWORD);
        var home = http().get("/", session.cookie());
        var logout =
                http().postForm("/logout", Map.of("_csrf", home.csrfToken()), "Host: evil.example", session.cookie());
        assertThat(logout.status()).isEqualTo(302);
        assertThat(logout.header("Location")).doesNotContain("evil").startsWith("/login");
    }

    @Test
    void theSessionIdNeverAppearsInAUrl() throws IOException {
        var redirect = http().get("/people");
        assertThat(redirect.header("Location")).doesNotContainIgnoringCase("jsessionid");
        var login = http().get("/login");
        assertThat(login.body()).doesNotContainIgnoringCase("jsessionid");
        var session = http().signIn(DemoUsers.ENGINEER, DemoUsers.PASSWORD);
        assertThat(session.loginResponse().header("Location")).doesNotContainIgnoringCase("jsessionid");
        assertThat(http().get("/", session.cookie()).body()).doesNotContainIgnoringCase("jsessionid");
    }
}
