package app.rungs.attack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A tiny HTTP/1.1 client on a plain socket: unlike Java's HttpClient it sends any Host and X-Forwarded-* header,
 * which is what an attacker talking to Rungs directly can do.
 */
final class RawHttp {

    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\">");
    private static final Pattern SESSION_COOKIE = Pattern.compile("JSESSIONID=([^;]+)");

    record Response(int status, Map<String, List<String>> headers, String body) {
        String header(String name) {
            var values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : String.join(", ", values);
        }

        List<String> all(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        }

        String sessionCookie() {
            for (var cookie : all("set-cookie")) {
                var m = SESSION_COOKIE.matcher(cookie);
                if (m.find()) {
                    return m.group(1);
                }
            }
            return null;
        }

        String csrfToken() {
            var m = CSRF_META.matcher(body);
            return m.find() ? m.group(1) : null;
        }
    }

    private final int port;

    RawHttp(int port) {
        this.port = port;
    }

    Response get(String path, String... headers) throws IOException {
        return send("GET", path, null, headers);
    }

    Response postForm(String path, Map<String, String> form, String... headers) throws IOException {
        var body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        var all = new ArrayList<>(List.of(headers));
        all.add("Content-Type: application/x-www-form-urlencoded");
        return send("POST", path, body.toString(), all.toArray(String[]::new));
    }

    /** Headers are "Name: value"; a Host header given here replaces the real one. */
    Response send(String method, String path, String body, String... headers) throws IOException {
        try (var socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            var request = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
            boolean hostGiven = false;
            for (var h : headers) {
                hostGiven |= h.toLowerCase(Locale.ROOT).startsWith("host:");
                request.append(h).append("\r\n");
            }
            if (!hostGiven) {
                request.append("Host: localhost:").append(port).append("\r\n");
            }
            var bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            if (body != null) {
                request.append("Content-Length: ").append(bytes.length).append("\r\n");
            }
            request.append("Connection: close\r\n\r\n");
            var out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(bytes);
            out.flush();
            return parse(socket.getInputStream());
        }
    }

    private static Response parse(InputStream in) throws IOException {
        var raw = in.readAllBytes();
        var text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        var head = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(head[0].split(" ")[1]);
        var headers = new LinkedHashMap<String, List<String>>();
        for (int i = 1; i < head.length; i++) {
            int colon = head[i].indexOf(':');
            headers.computeIfAbsent(
                            head[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(head[i].substring(colon + 1).strip());
        }
        var body = new ByteArrayOutputStream();
        if (String.join("", headers.getOrDefault("transfer-encoding", List.of()))
                .equalsIgnoreCase("chunked")) {
            // Positions in the Latin-1 text are byte offsets.
            int pos = end + 4;
            while (pos < raw.length) {
                int lineEnd = text.indexOf("\r\n", pos);
                int size = Integer.parseInt(
                        text.substring(pos, lineEnd).split(";")[0].strip(), 16);
                if (size == 0) {
                    break;
                }
                body.write(raw, lineEnd + 2, size);
                pos = lineEnd + 2 + size + 2;
            }
        } else {
            body.write(raw, end + 4, raw.length - end - 4);
        }
        return new Response(status, headers, body.toString(StandardCharsets.UTF_8));
    }

    /** Signs in through the login form like a browser: GET /login for a session and token, then POST /login. */
    Session signIn(String username, String password, String... extraHeaders) throws IOException {
        var page = get("/login");
        var session = page.sessionCookie();
        var token = page.csrfToken();
        var headers = new ArrayList<>(List.of(extraHeaders));
        headers.add("Cookie: JSESSIONID=" + session);
        var response = postForm(
                "/login",
                Map.of("username", username, "password", password, "_csrf", token),
                headers.toArray(String[]::new));
        var newSession = response.sessionCookie();
        return new Session(newSession == null ? session : newSession, response);
    }

    record Session(String id, Response loginResponse) {
        String cookie() {
            return "Cookie: JSESSIONID=" + id;
        }
    }
}
