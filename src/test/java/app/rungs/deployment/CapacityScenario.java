package app.rungs.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * How many signed-in users one instance holds at once, and what each costs: N HTTP clients (own cookies each) sign
 * in through the real login form and open the calibration board, so every one holds an HTTP session with a Vaadin UI
 * of the board, the heaviest screen. Measures the heap after a full GC before and after (jcmd), the instance's own
 * count of sessions and tabs (rungs_ui_sessions, rungs_ui_tabs) and the time of a board request with all of them held.
 */
final class CapacityScenario {

    static final int SESSIONS = Integer.getInteger("rungs.deployment.sessions", 100);
    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern UI_ID = Pattern.compile("\"v-uiId\":(\\d+)");
    private static final Pattern SECURITY_KEY = Pattern.compile("\"Vaadin-Security-Key\":\"([^\"]+)\"");
    private static final Pattern GAUGE = Pattern.compile("(?m)^%s\\{[^}]*\\} ([0-9.E+-]+)$");

    private final Deployment deployment;
    private final RungsInstance instance;

    CapacityScenario(Deployment deployment) {
        this.deployment = deployment;
        this.instance = deployment.a;
    }

    String run() throws Exception {
        assertThat(instance.isAlive()).as("instance a still runs").isTrue();
        long sessionId;
        try (var c = deployment.postgres.connect("rungs")) {
            sessionId = Tables.single(
                    c, "select id from calibration_session order by (status = 'IN_SESSION') desc, id desc limit 1");
        }
        long heapBefore = heapAfterGc();
        var tabsBefore = gauge("rungs_ui_tabs");
        var times = Collections.synchronizedList(new ArrayList<Long>());
        var users = List.of(Browser.PRIYA, Browser.DANIEL);
        var clients = Collections.synchronizedList(new ArrayList<HttpClient>());
        long started = System.nanoTime();
        try (var pool = Executors.newFixedThreadPool(4)) {
            var tasks = new ArrayList<Callable<Void>>();
            for (int i = 0; i < SESSIONS; i++) {
                var user = users.get(i % users.size());
                tasks.add(() -> {
                    var client = HttpClient.newBuilder()
                            .cookieHandler(new CookieManager())
                            .connectTimeout(Duration.ofSeconds(5))
                            .build();
                    clients.add(client);
                    long t = System.nanoTime();
                    openBoard(client, user, sessionId);
                    times.add((System.nanoTime() - t) / 1_000_000);
                    return null;
                });
            }
            for (var done : pool.invokeAll(tasks)) {
                done.get();
            }
        }
        long openedMs = (System.nanoTime() - started) / 1_000_000;
        long heapAfter = heapAfterGc();
        var tabsAfter = gauge("rungs_ui_tabs");
        var sessions = gauge("rungs_ui_sessions");
        assertThat(tabsAfter - tabsBefore)
                .as("board tabs the instance counts after %d sign-ins", SESSIONS)
                .isGreaterThanOrEqualTo(SESSIONS);
        // With all of them held, one more user still gets a board quickly.
        var extra = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        long t = System.nanoTime();
        openBoard(extra, Browser.PRIYA, sessionId);
        long oneMoreMs = (System.nanoTime() - t) / 1_000_000;
        assertThat(instance.status("/actuator/health/readiness"))
                .as("a still ready")
                .isEqualTo(200);
        var sorted = times.stream().sorted().toList();
        long perSessionKb = (heapAfter - heapBefore) / 1024 / SESSIONS;
        return ("%d signed-in sessions with a board UI on one instance (%d Vaadin sessions, %d tabs there) in %d ms"
                        + " (p50 %d ms, p95 %d ms per sign-in + board); heap after full GC %d -> %d MB (%d KB per session,"
                        + " -Xmx512m); one more board with all held: %d ms")
                .formatted(
                        SESSIONS,
                        (long) sessions,
                        (long) tabsAfter,
                        openedMs,
                        sorted.get(sorted.size() / 2),
                        sorted.get(sorted.size() * 95 / 100),
                        heapBefore >> 20,
                        heapAfter >> 20,
                        perSessionKb,
                        oneMoreMs);
    }

    /** Sign in through the login form (CSRF token from the page), then open the board: Vaadin's init request. */
    private void openBoard(HttpClient client, String user, long sessionId) throws Exception {
        var login = send(client, get("/login"));
        var token = CSRF.matcher(login.body());
        assertThat(token.find()).as("CSRF token on the login page").isTrue();
        var form = "username=" + enc(user) + "&password=" + enc(Browser.PASSWORD) + "&_csrf=" + enc(token.group(1));
        var signedIn = send(
                client,
                HttpRequest.newBuilder(uri("/login"))
                        .timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build());
        var location = signedIn.headers().firstValue("Location").orElse("");
        assertThat(location).as(user + " signed in (redirect away from /login)").doesNotContain("/login");
        var route = "calibration/" + sessionId;
        var init = send(client, get("/?v-r=init&location=" + enc(route) + "&query="));
        assertThat(init.statusCode()).as("Vaadin init of the board").isEqualTo(200);
        // Flow's init only bootstraps the UI; the browser then navigates with a "ui-navigate" event, which builds the
        // view. The UIDL request carries the UI's id and its security key from the init response.
        var uiId = UI_ID.matcher(init.body());
        var key = SECURITY_KEY.matcher(init.body());
        assertThat(uiId.find() && key.find())
                .as("UI id and security key in the init response")
                .isTrue();
        var navigate = ("{\"csrfToken\":\"%s\",\"rpc\":[{\"type\":\"event\",\"node\":1,\"event\":\"ui-navigate\","
                        + "\"data\":{\"route\":\"%s\",\"query\":\"\",\"appShellTitle\":\"\",\"historyState\":{\"idx\":0},"
                        + "\"trigger\":\"\"}}],\"syncId\":0,\"clientId\":0}")
                .formatted(key.group(1), route);
        var board = send(
                client,
                HttpRequest.newBuilder(uri("/?v-r=uidl&v-uiId=" + uiId.group(1)))
                        .timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/json; charset=UTF-8")
                        .POST(HttpRequest.BodyPublishers.ofString(navigate))
                        .build());
        assertThat(board.statusCode()).as("Vaadin navigation to the board").isEqualTo(200);
        assertThat(board.body())
                .as("the board (its presence box) in the navigation response")
                .contains("Viewing now");
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60)).build();
    }

    private URI uri(String path) {
        return URI.create(instance.baseUrl() + path);
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) throws Exception {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Heap in use after a full collection (jcmd GC.run), from the instance's own Micrometer gauge. */
    private long heapAfterGc() throws Exception {
        var jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        Shell.check(List.of(jcmd, Long.toString(instance.pid()), "GC.run"), Duration.ofSeconds(60));
        var metrics = metrics();
        var heap = Pattern.compile("(?m)^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*\\} ([0-9.E+-]+)$")
                .matcher(metrics);
        double total = 0;
        while (heap.find()) {
            total += Double.parseDouble(heap.group(1));
        }
        assertThat(total).as("heap gauges in /actuator/prometheus").isPositive();
        return (long) total;
    }

    private double gauge(String name) throws Exception {
        var m = Pattern.compile(GAUGE.pattern().formatted(name)).matcher(metrics());
        assertThat(m.find()).as(name + " in /actuator/prometheus").isTrue();
        return Double.parseDouble(m.group(1));
    }

    private String metrics() throws Exception {
        var response =
                HttpClient.newHttpClient().send(get("/actuator/prometheus"), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as("/actuator/prometheus from loopback")
                .isEqualTo(200);
        return response.body();
    }
}
