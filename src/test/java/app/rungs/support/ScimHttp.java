package app.rungs.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A curl-like client of the SCIM endpoint of the running test server, as an identity provider calls it. */
public final class ScimHttp {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final String token;
    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    public ScimHttp(int port, String token) {
        this.base = "http://127.0.0.1:" + port;
        this.token = token;
    }

    public HttpResponse<String> get(String path) {
        return send("GET", path, null);
    }

    public HttpResponse<String> post(String path, String body) {
        return send("POST", path, body);
    }

    public HttpResponse<String> put(String path, String body) {
        return send("PUT", path, body);
    }

    public HttpResponse<String> patch(String path, String body) {
        return send("PATCH", path, body);
    }

    public HttpResponse<String> delete(String path) {
        return send("DELETE", path, null);
    }

    public HttpResponse<String> send(String method, String path, String body) {
        var request = HttpRequest.newBuilder(URI.create(base + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/scim+json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** A SCIM user body with the core and enterprise schemas, the way Okta sends one. */
    public static String user(
            String userName, String given, String family, String title, String department, Long managerId) {
        var manager = managerId == null ? "" : ", \"manager\": {\"value\": \"" + managerId + "\"}";
        var dept = department == null ? "" : "\"department\": \"" + department + "\", ";
        return """
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User",
                             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
                 "userName": "%s",
                 "externalId": "ext-%s",
                 "name": {"givenName": "%s", "familyName": "%s"},
                 "emails": [{"primary": true, "value": "%s", "type": "work"}],
                 "title": "%s",
                 "active": true,
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
                    %s"employeeNumber": "E-%s"%s}}
                """.formatted(userName, userName, given, family, userName, title, dept, userName.hashCode(), manager);
    }

    public static String patch(String operations) {
        return "{\"schemas\": [\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"], \"Operations\": [" + operations
                + "]}";
    }
}
