package app.rungs.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.support.ApiHttp;
import app.rungs.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI 3 document at /v3/api-docs: served without a token, an OpenAPI 3 document whose required parts are
 * present, whose every operation has responses and whose every $ref resolves, listing each endpoint of /api/v1.
 */
@IntegrationTest
class OpenApiDocumentTest {

    @LocalServerPort
    int port;

    @Test
    void theOpenApiDocumentIsServedValidAndListsTheEndpoints() {
        var response = new ApiHttp(port).get("/v3/api-docs", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(ApiHttp.contentType(response)).startsWith("application/json");
        var doc = ApiHttp.json(response);

        assertThat(doc.get("openapi").asString()).matches("3\\.[01]\\.\\d+");
        assertThat(doc.get("info").get("title").asString()).isEqualTo("Rungs REST API");
        assertThat(doc.get("info").get("version").asString()).isEqualTo("v1");
        var paths = doc.get("paths");
        assertThat(paths.propertyNames())
                .contains(
                        "/api/v1/ladders",
                        "/api/v1/ladders/{ladderId}",
                        "/api/v1/ladders/{ladderId}/versions",
                        "/api/v1/ladders/{ladderId}/versions/{number}",
                        "/api/v1/public/ladders/{slug}",
                        "/api/v1/people",
                        "/api/v1/people/{personId}",
                        "/api/v1/people/{personId}/evidence",
                        "/api/v1/evidence",
                        "/api/v1/evidence/{evidenceId}")
                .allMatch(p -> p.startsWith("/api/v1/"))
                .noneMatch(p -> p.contains("**"));
        assertThat(paths.get("/api/v1/evidence").has("post")).isTrue();
        assertThat(doc.get("components")
                        .get("securitySchemes")
                        .get("apiToken")
                        .get("scheme")
                        .asString())
                .isEqualTo("bearer");
        // The public framework needs no token: its operation overrides the global requirement with none.
        assertThat(paths.get("/api/v1/public/ladders/{slug}")
                        .get("get")
                        .get("security")
                        .size())
                .isZero();

        var problems = new ArrayList<String>();
        paths.properties()
                .forEach(path -> path.getValue().properties().forEach(op -> {
                    if (!op.getValue().has("responses")
                            || op.getValue().get("responses").isEmpty()) {
                        problems.add(op.getKey() + " " + path.getKey() + " has no responses");
                    }
                }));
        refs(doc, new ArrayList<>()).forEach(ref -> {
            if (!ref.startsWith("#/") || resolve(doc, ref) == null) {
                problems.add("unresolved $ref " + ref);
            }
        });
        assertThat(problems).isEmpty();
    }

    private static List<String> refs(JsonNode node, List<String> found) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                if (e.getKey().equals("$ref")) {
                    found.add(e.getValue().asString());
                } else {
                    refs(e.getValue(), found);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> refs(n, found));
        }
        return found;
    }

    private static JsonNode resolve(JsonNode doc, String ref) {
        JsonNode at = doc;
        for (var part : ref.substring(2).split("/")) {
            at = at == null ? null : at.get(part.replace("~1", "/").replace("~0", "~"));
        }
        return at;
    }
}
