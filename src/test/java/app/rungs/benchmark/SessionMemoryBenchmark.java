package app.rungs.benchmark;

import java.io.IOException;
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
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * Heap retained per signed-in session on one screen: N HTTP clients (own cookies each) sign in through the login
 * form, bootstrap a Vaadin UI ({@code ?v-r=init}) and navigate it to a route with the {@code ui-navigate} event, as
 * {@code deployment.CapacityScenario} does. Heap in use after a full GC ({@code jcmd GC.run}, {@code GC.heap_info})
 * before and after, divided by N; the classes that grew most (class histogram diff); then every session signs out,
 * so the next screen starts from the same heap.
 *
 * <p>Plain JDK, no test framework: run it as a source file against a running instance (docs/benchmarks/
 * session-memory.md): {@code java src/test/java/app/rungs/benchmark/SessionMemoryBenchmark.java <base-url> <pid>
 * <user> <route> <n> <text the screen shows>}.
 */
public final class SessionMemoryBenchmark {

    private static final String PASSWORD = System.getProperty("password", "rungs-demo-2026");
    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern UI_ID = Pattern.compile("\"v-uiId\":(\\d+)");
    private static final Pattern SECURITY_KEY = Pattern.compile("\"Vaadin-Security-Key\":\"([^\"]+)\"");
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");
    private static final Pattern HISTOGRAM = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");

    private final String base;
    private final long pid;

    private SessionMemoryBenchmark(String base, long pid) {
        this.base = base;
        this.pid = pid;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 6) {
            System.err.println("usage: <base-url> <pid> <user> <route> <n> <text the screen shows>");
            System.exit(2);
        }
        var bench = new SessionMemoryBenchmark(args[0], Long.parseLong(args[1]));
        bench.measure(args[2], args[3], Integer.parseInt(args[4]), args[5]);
    }

    private void measure(String user, String route, int n, String expected) throws Exception {
        // One session first, so classes and caches the screen loads once are not counted per session.
        var warm = client();
        open(warm, user, route, expected);
        long before = heapAfterGc();
        boolean histograms = Boolean.getBoolean("histogram");
        var histogramBefore = histograms ? histogram() : Map.<String, Long>of();
        var clients = Collections.synchronizedList(new ArrayList<HttpClient>());
        var times = Collections.synchronizedList(new ArrayList<Long>());
        try (var pool = Executors.newFixedThreadPool(4)) {
            var tasks = new ArrayList<Callable<Void>>();
            for (int i = 0; i < n; i++) {
                tasks.add(() -> {
                    var client = client();
                    long t = System.nanoTime();
                    open(client, user, route, expected);
                    times.add((System.nanoTime() - t) / 1_000_000);
                    clients.add(client);
                    return null;
                });
            }
            for (var done : pool.invokeAll(tasks)) {
                done.get();
            }
        }
        long after = heapAfterGc();
        var histogramAfter = histograms ? histogram() : Map.<String, Long>of();
        var sorted = times.stream().sorted().toList();
        System.out.printf(
                "%s as %s: %d sessions, heap after full GC %d -> %d KB, %d KB per session"
                        + " (sign-in + screen p50 %d ms)%n",
                route, user, n, before >> 10, after >> 10, (after - before) / 1024 / n, sorted.get(sorted.size() / 2));
        printGrowth(histogramBefore, histogramAfter, n);
        clients.add(warm);
        int signedOut = 0;
        for (var client : clients) {
            signedOut += signOut(client) ? 1 : 0;
        }
        System.out.printf("signed out %d of %d sessions%n", signedOut, clients.size());
    }

    private static HttpClient client() {
        return HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** Sign in through the login form, bootstrap a UI and navigate it to the route, as the browser does. */
    private void open(HttpClient client, String user, String route, String expected) throws Exception {
        var login = send(client, get("/login"));
        var token = CSRF.matcher(login.body());
        check(token.find(), "CSRF token on the login page");
        var form = "username=" + enc(user) + "&password=" + enc(PASSWORD) + "&_csrf=" + enc(token.group(1));
        var signedIn = send(
                client,
                HttpRequest.newBuilder(uri("/login"))
                        .timeout(Duration.ofSeconds(120))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build());
        var location = signedIn.headers().firstValue("Location").orElse("");
        check(!location.contains("/login"), user + " signed in (redirected to " + location + ")");
        var init = send(client, get("/?v-r=init&location=" + enc(route) + "&query="));
        check(init.statusCode() == 200, "Vaadin init: " + init.statusCode());
        var uiId = UI_ID.matcher(init.body());
        var key = SECURITY_KEY.matcher(init.body());
        check(uiId.find() && key.find(), "UI id and security key in the init response");
        var navigate = ("{\"csrfToken\":\"%s\",\"rpc\":[{\"type\":\"event\",\"node\":1,\"event\":\"ui-navigate\","
                        + "\"data\":{\"route\":\"%s\",\"query\":\"\",\"appShellTitle\":\"\",\"historyState\":{\"idx\":0},"
                        + "\"trigger\":\"\"}}],\"syncId\":0,\"clientId\":0}")
                .formatted(key.group(1), route);
        var screen = send(
                client,
                HttpRequest.newBuilder(uri("/?v-r=uidl&v-uiId=" + uiId.group(1)))
                        .timeout(Duration.ofSeconds(120))
                        .header("Content-Type", "application/json; charset=UTF-8")
                        .POST(HttpRequest.BodyPublishers.ofString(navigate))
                        .build());
        check(screen.statusCode() == 200, "navigation: " + screen.statusCode());
        check(screen.body().contains(expected), route + " shows \"" + expected + "\"");
    }

    /** Spring Security's sign-out with the CSRF token of the app's page; the session ends. */
    private boolean signOut(HttpClient client) throws Exception {
        var page = send(client, get("/"));
        var token = CSRF.matcher(page.body());
        if (!token.find()) {
            return false;
        }
        var out = send(
                client,
                HttpRequest.newBuilder(uri("/logout"))
                        .timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + enc(token.group(1))))
                        .build());
        return out.statusCode() == 302 || out.statusCode() == 200;
    }

    private long heapAfterGc() throws Exception {
        jcmd("GC.run");
        var info = jcmd("GC.heap_info");
        var used = HEAP_USED.matcher(info);
        check(used.find(), "heap used in GC.heap_info: " + info);
        return Long.parseLong(used.group(1)) * 1024;
    }

    private Map<String, Long> histogram() throws Exception {
        var bytes = new HashMap<String, Long>();
        for (var line : jcmd("GC.class_histogram").split("\n")) {
            var m = HISTOGRAM.matcher(line);
            if (m.find()) {
                bytes.merge(m.group(3), Long.parseLong(m.group(2)), Long::sum);
            }
        }
        return bytes;
    }

    private static void printGrowth(Map<String, Long> before, Map<String, Long> after, int n) {
        after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .sorted(Comparator.comparing(Map.Entry<String, Long>::getValue).reversed())
                .limit(Integer.getInteger("top", 15))
                .forEach(e -> System.out.printf("  %8d B/session  %s%n", e.getValue() / n, e.getKey()));
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        var jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        var process = new ProcessBuilder(List.of(jcmd, Long.toString(pid), command))
                .redirectErrorStream(true)
                .start();
        var out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        check(process.waitFor() == 0, "jcmd " + command + ": " + out);
        return out;
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(120))
                .build();
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) throws Exception {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("failed: " + what);
        }
    }
}
