package app.rungs.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;
import org.apache.catalina.Context;
import org.apache.catalina.Session;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.core.env.Environment;

/**
 * A closed tab's session ends after the short HTTP session timeout, while an open tab, which sends Vaadin heartbeats,
 * keeps its session past it. Real HTTP against the test server: two signed-in clients each bootstrap a Vaadin UI,
 * their sessions get a 3-second timeout of their own (standing in for the configured minutes), one sends heartbeats.
 */
@IntegrationTest
class SessionTimeoutsTest {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern UI_ID = Pattern.compile("\"v-uiId\":(\\d+)");

    @LocalServerPort
    int port;

    @Autowired
    WebServerApplicationContext context;

    @Autowired
    Environment environment;

    @Test
    void aClosedTabsSessionEndsAfterTheTimeoutWhileAnOpenTabsHeartbeatsKeepItsSession() throws Exception {
        var open = signedInClient(DemoUsers.ENGINEER);
        var closed = signedInClient(DemoUsers.OTHER_ENGINEER);
        var openUi = bootstrapUi(open.client());
        bootstrapUi(closed.client());
        var openSession = session(open.cookies());
        var closedSession = session(closed.cookies());
        openSession.setMaxInactiveInterval(3);
        closedSession.setMaxInactiveInterval(3);

        for (int i = 0; i < 7; i++) {
            Thread.sleep(1000);
            var beat = open.client()
                    .send(
                            HttpRequest.newBuilder(uri("/?v-r=heartbeat&v-uiId=" + openUi))
                                    .POST(HttpRequest.BodyPublishers.noBody())
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(beat.statusCode()).as("heartbeat %d", i).isEqualTo(200);
        }

        assertThat(openSession.isValid())
                .as("the open tab's session, 7 s into a 3 s timeout")
                .isTrue();
        assertThat(closedSession.isValid())
                .as("the closed tab's session after the timeout")
                .isFalse();
        // The open tab is still signed in: a new tab of its session gets a UI, not the sign-in page.
        assertThat(bootstrapUi(open.client())).isNotNull();
    }

    /**
     * The idle sign-out ends the session inside a Vaadin request. Done without the Vaadin session's lock, Vaadin's
     * unbinding failed inside the request interceptor, Vaadin skipped clearing its thread-locals, and the dead session
     * stayed current on that server thread: every later request the thread served (one in ten: sign-in pages, form
     * posts) failed in the security filters. So after an idle sign-out, every server thread must still serve the
     * sign-in page with its CSRF token.
     */
    @Test
    void anIdleSignOutLeavesEveryServerThreadServingTheSignInPage() throws Exception {
        var idle = signedInClient(DemoUsers.ENGINEER);
        var ui = bootstrapUi(idle.client());
        var session = session(idle.cookies());
        // Vaadin keeps its thread-locals as weak references: hold the Vaadin session, so a garbage collection cannot
        // end a leak before the requests below would meet it (as a busy server's requests do).
        var vaadinSession = java.util.Collections.list(session.getSession().getAttributeNames()).stream()
                .map(name -> session.getSession().getAttribute(name))
                .filter(com.vaadin.flow.server.VaadinSession.class::isInstance)
                .findFirst()
                .orElseThrow();
        session.getSession().setAttribute(IdleSessionSignOut.IDLE_TIMEOUT_ATTRIBUTE, 1);
        Thread.sleep(1500);
        idle.client()
                .send(
                        HttpRequest.newBuilder(uri("/?v-r=heartbeat&v-uiId=" + ui))
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(session.isValid()).as("signed out after the idle timeout").isFalse();

        // More requests than the server has threads, each on a connection of its own.
        for (int i = 0; i < 60; i++) {
            try (var client = HttpClient.newHttpClient()) {
                var page = client.send(
                        HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(page.statusCode()).as("sign-in page %d", i).isEqualTo(200);
                assertThat(CSRF.matcher(page.body()).find())
                        .as("CSRF token on sign-in page %d", i)
                        .isTrue();
            }
        }
    }

    @Test
    void theSessionTimeoutIsMinutesAndWellAboveTheHeartbeatInterval() {
        var binder = Binder.get(environment);
        var timeout =
                binder.bind("server.servlet.session.timeout", Duration.class).get();
        var heartbeat = Duration.ofSeconds(
                binder.bind("vaadin.heartbeat-interval", Integer.class).get());
        var idle = binder.bind("rungs.session.idle-timeout", Duration.class).get();
        assertThat(timeout).as("closed tabs end within a few minutes").isLessThanOrEqualTo(Duration.ofMinutes(5));
        assertThat(heartbeat.multipliedBy(3))
                .as("an open tab survives a lost heartbeat or two")
                .isLessThan(timeout);
        assertThat(idle).as("an idle open tab is still signed out").isLessThanOrEqualTo(Duration.ofMinutes(30));
        assertThat(binder.bind("vaadin.close-idle-sessions", Boolean.class).get())
                .as("Vaadin would measure idleness with the short timeout")
                .isFalse();
    }

    private record SignedIn(HttpClient client, CookieManager cookies) {}

    private SignedIn signedInClient(String user) throws Exception {
        var cookies = new CookieManager();
        var client = HttpClient.newBuilder().cookieHandler(cookies).build();
        var login = client.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString());
        var token = CSRF.matcher(login.body());
        assertThat(token.find()).as("CSRF token on the login page").isTrue();
        var form = "username=" + enc(user) + "&password=" + enc(DemoUsers.PASSWORD) + "&_csrf=" + enc(token.group(1));
        var signedIn = client.send(
                HttpRequest.newBuilder(uri("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.headers().firstValue("Location").orElse(""))
                .as(user + " signed in")
                .doesNotContain("/login");
        return new SignedIn(client, cookies);
    }

    /** Vaadin's bootstrap of a tab: returns the new UI's id. */
    private String bootstrapUi(HttpClient client) throws Exception {
        var init = client.send(
                HttpRequest.newBuilder(uri("/?v-r=init&location=&query=")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(init.statusCode()).as("Vaadin init").isEqualTo(200);
        var id = UI_ID.matcher(init.body());
        assertThat(id.find()).as("a UI id in the init response: " + init.body()).isTrue();
        return id.group(1);
    }

    private Session session(CookieManager cookies) throws Exception {
        var id = cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElseThrow();
        var tomcat = ((TomcatWebServer) context.getWebServer()).getTomcat();
        var session =
                ((Context) tomcat.getHost().findChildren()[0]).getManager().findSession(id);
        assertThat(session).as("the Tomcat session of the client").isNotNull();
        return session;
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
