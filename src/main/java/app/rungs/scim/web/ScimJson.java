package app.rungs.scim.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Reading request bodies and writing {@code application/scim+json} answers, errors included. */
final class ScimJson {

    static final String MEDIA_TYPE = "application/scim+json";
    static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";
    static final String LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    static final String PATCH_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private ScimJson() {}

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** The body as a JSON object, or a SCIM invalidSyntax error that says what is wrong with it. */
    static ObjectNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw ScimError.badRequest("invalidSyntax", "The request has no body; send a JSON object.");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw ScimError.badRequest("invalidSyntax", "The body is not valid JSON: " + e.getOriginalMessage() + ".");
        }
        if (!(node instanceof ObjectNode object)) {
            throw ScimError.badRequest("invalidSyntax", "The body must be a JSON object.");
        }
        return object;
    }

    static ResponseEntity<String> answer(HttpStatusCode status, JsonNode body) {
        return ResponseEntity.status(status)
                .contentType(MediaType.parseMediaType(MEDIA_TYPE + ";charset=UTF-8"))
                .body(MAPPER.writeValueAsString(body));
    }

    static ResponseEntity<String> error(HttpStatusCode status, String scimType, String detail, HttpHeaders extra) {
        var body = object();
        body.putArray("schemas").add(ERROR_SCHEMA);
        body.put("status", String.valueOf(status.value()));
        if (scimType != null) {
            body.put("scimType", scimType);
        }
        body.put("detail", detail);
        return ResponseEntity.status(status)
                .headers(extra)
                .contentType(MediaType.parseMediaType(MEDIA_TYPE + ";charset=UTF-8"))
                .body(MAPPER.writeValueAsString(body));
    }

    /** A string attribute, or null; a value of another kind is refused with the attribute's name. */
    static String text(JsonNode node, String attribute) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isString() || node.isNumber()) {
            return node.asString();
        }
        throw ScimError.badRequest("invalidValue", attribute + " must be a string.");
    }

    /** A boolean attribute; also the strings "True"/"False" that Microsoft Entra ID sends in PATCH requests. */
    static boolean bool(JsonNode node, String attribute) {
        if (node != null && node.isBoolean()) {
            return node.booleanValue();
        }
        if (node != null && node.isString()) {
            var s = node.asString().strip();
            if (s.equalsIgnoreCase("true")) {
                return true;
            }
            if (s.equalsIgnoreCase("false")) {
                return false;
            }
        }
        throw ScimError.badRequest("invalidValue", attribute + " must be true or false.");
    }
}
