package app.rungs.attack;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * A browserless client of the sign-in form: its own cookie jar (so its own session), and optionally its own loopback
 * source address (e.g. 127.12.34.56), so each test throttles its own address.
 */
final class SignInClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+content=\"([^\"]+)\"");

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    SignInClient(int port, String sourceAddress) {
        this.base = "http://127.0.0.1:" + port;
        var builder = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER);
        if (sourceAddress != null) {
            try {
                builder.localAddress(InetAddress.getByName(sourceAddress));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(sourceAddress, e);
            }
        }
        this.http = builder.build();
    }

    /** Posts the login form as the Vaadin LoginForm does; returns where the server redirects to. */
    String signIn(String username, String password) {
        // Fetch the page first, as a browser would, and send the CSRF token if the page carries one.
        var page = get("/login");
        var matcher = CSRF.matcher(page.body());
        var form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + (matcher.find() ? "&_csrf=" + URLEncoder.encode(matcher.group(1), StandardCharsets.UTF_8) : "");
        var response = send(request("/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
        return response.headers().firstValue("Location").orElse("(status " + response.statusCode() + ")");
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    HttpResponse<String> post(String path, String json) {
        return send(request(path)
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    String sessionId() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElseThrow();
    }

    static boolean signedIn(String location) {
        return location.startsWith("http") ? !location.contains("/login") : !location.startsWith("/login");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path));
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
