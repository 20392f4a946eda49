package app.rungs.attack;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * A browserless client of the sign-in form: its own cookie jar (so its own session), and optionally an
 * {@code X-Forwarded-For} address (the test profile trusts the loopback proxy) so each test throttles its own address.
 */
final class SignInClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+content=\"([^\"]+)\"");

    private final String base;
    private final String forwardedFor;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    SignInClient(int port, String forwardedFor) {
        this.base = "http://localhost:" + port;
        this.forwardedFor = forwardedFor;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
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
        var builder = HttpRequest.newBuilder(URI.create(base + path));
        if (forwardedFor != null) {
            builder.header("X-Forwarded-For", forwardedFor);
        }
        return builder;
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
