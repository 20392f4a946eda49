package app.rungs.webhook.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reading the providers' JSON defensively: missing or wrongly typed fields come back as null, never throw. */
final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {}

    static JsonNode parse(byte[] body) {
        try {
            var node = MAPPER.readTree(body);
            if (node == null || !node.isObject()) {
                throw new MalformedDelivery("The body is not a JSON object.");
            }
            return node;
        } catch (JacksonException e) {
            throw new MalformedDelivery("The body is not valid JSON.");
        }
    }

    static String text(JsonNode node, String... path) {
        var n = at(node, path);
        return n.isString() && !n.stringValue().isBlank() ? n.stringValue().strip() : null;
    }

    static JsonNode at(JsonNode node, String... path) {
        var n = node;
        for (var p : path) {
            n = n.path(p);
        }
        return n;
    }

    static Instant instant(JsonNode node, String... path) {
        var t = text(node, path);
        if (t == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            throw new MalformedDelivery(String.join(".", path) + " is not an ISO 8601 date and time.");
        }
    }

    static LocalDate date(Instant instant) {
        return instant == null ? null : LocalDate.ofInstant(instant, java.time.ZoneOffset.UTC);
    }
}
