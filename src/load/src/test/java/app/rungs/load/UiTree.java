package app.rungs.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What a browser's Flow client knows of one UI, rebuilt from the UIDL responses: the state-node tree (tag, properties,
 * attributes, children, text, event listeners) plus the ids every request must echo (UI id, security key, syncId,
 * clientId). A virtual user keeps one of these in its Gatling session, so later requests can find a grid by its tag or
 * a button by its text the way a user would, instead of hard-coding node ids that change with every build.
 */
final class UiTree {

    // Flow's NodeFeatures ids (flow-server com.vaadin.flow.internal.nodefeature.NodeFeatures)
    private static final int ELEMENT_DATA = 0;
    private static final int ELEMENT_PROPERTIES = 1;
    private static final int ELEMENT_CHILDREN = 2;
    private static final int ELEMENT_ATTRIBUTES = 3;
    private static final int ELEMENT_LISTENERS = 4;
    private static final int TEXT_NODE = 7;
    private static final int VIRTUAL_CHILDREN = 24;

    static final ObjectMapper JSON = new ObjectMapper();

    /** One state node as the client sees it. */
    static final class Node {
        final int id;
        String tag;
        String text;
        final Map<String, JsonNode> properties = new HashMap<>();
        final Map<String, JsonNode> attributes = new HashMap<>();
        final Map<String, JsonNode> listeners = new HashMap<>();
        final List<Integer> children = new ArrayList<>();
        final List<Integer> virtualChildren = new ArrayList<>();
        /** A grid's row count, from its connector's updateSize call; -1 until one came. */
        int size = -1;

        Node(int id) {
            this.id = id;
        }

        String attribute(String name) {
            var v = attributes.get(name);
            return v == null || v.isNull() ? null : v.asText();
        }

        String property(String name) {
            var v = properties.get(name);
            return v == null || v.isNull() ? null : v.asText();
        }

        @Override
        public String toString() {
            return "node " + id + " <" + tag + "> id=" + attribute("id");
        }
    }

    final int uiId;
    final String securityKey;
    private final Map<Integer, Node> nodes = new HashMap<>();
    /** Flow sends each event's data expressions once, as a constant referred to by its hash from the listener map. */
    private final Map<String, JsonNode> constants = new HashMap<>();
    int syncId = -1;
    int clientId;
    /** Why the last request could not do what it should (an element not on the page), for its check to report. */
    String lookupProblem;

    UiTree(int uiId, String securityKey) {
        this.uiId = uiId;
        this.securityKey = securityKey;
    }

    /**
     * The UI of a Vaadin {@code ?v-r=init} response: {@code v-uiId}, {@code Vaadin-Security-Key} and the first UIDL
     * message (under "uidl") applied.
     */
    static UiTree fromInit(String body) throws Exception {
        var json = JSON.readTree(body);
        var config = json.path("appConfig");
        var uiId = config.path("v-uiId").asInt(json.path("v-uiId").asInt(-1));
        var uidl = config.path("uidl");
        if (uidl.isMissingNode()) {
            uidl = json.path("uidl");
        }
        var key = uidl.path("Vaadin-Security-Key").asText(null);
        if (key == null) {
            key = findText(json, "Vaadin-Security-Key");
        }
        if (uiId < 0 || key == null) {
            throw new IllegalStateException("no UI id or security key in the init response");
        }
        var tree = new UiTree(uiId, key);
        tree.apply(uidl);
        return tree;
    }

    private static String findText(JsonNode json, String field) {
        var found = json.findValue(field);
        return found == null ? null : found.asText();
    }

    /**
     * Applies one UIDL response ({@code for(;;);[{...}]} or plain JSON) and returns the problem that makes it an
     * error, or null: Vaadin's "sessionExpired", an "appError" in meta, or a message the client would have to resync.
     */
    String applyResponse(String body) throws Exception {
        var text = body.startsWith("for(;;);") ? body.substring("for(;;);".length()) : body;
        var json = JSON.readTree(text);
        if (json.isArray()) {
            json = json.get(0);
        }
        return apply(json);
    }

    private String apply(JsonNode uidl) {
        if (uidl == null || uidl.isMissingNode()) {
            return "empty UIDL";
        }
        var meta = uidl.path("meta");
        if (meta.path("sessionExpired").asBoolean(false)) {
            return "sessionExpired";
        }
        if (meta.has("appError")) {
            return "appError: " + meta.path("appError").path("caption").asText("")
                    + " " + meta.path("appError").path("message").asText("");
        }
        if (uidl.has("syncId")) {
            int next = uidl.get("syncId").asInt();
            if (syncId >= 0 && next != syncId + 1 && !uidl.path("resynchronize").asBoolean(false)) {
                // The server numbers its messages; a gap means a message was lost and the client would resync.
                return "syncId jumped from " + syncId + " to " + next;
            }
            syncId = next;
        }
        if (uidl.has("clientId")) {
            clientId = uidl.get("clientId").asInt();
        }
        uidl.path("constants").properties().forEach(e -> constants.put(e.getKey(), e.getValue()));
        for (var change : uidl.path("changes")) {
            applyChange(change);
        }
        for (var call : uidl.path("execute")) {
            // [{"@v-node": 15}, 40, "return $0.$connector.updateSize($1)"]: a grid learns how many rows it has
            if (call.size() == 3 && call.get(2).asText().contains("$connector.updateSize(")) {
                var node = nodes.get(call.get(0).path("@v-node").asInt(-1));
                if (node != null) {
                    node.size = call.get(1).asInt();
                }
            }
        }
        return null;
    }

    private void applyChange(JsonNode change) {
        int id = change.path("node").asInt();
        var type = change.path("type").asText();
        if ("detach".equals(type)) {
            nodes.remove(id);
            return;
        }
        var node = nodes.computeIfAbsent(id, Node::new);
        int feature = change.path("feat").asInt(-1);
        switch (type) {
            case "put" -> put(node, feature, change.path("key").asText(), value(change));
            case "remove" -> put(node, feature, change.path("key").asText(), null);
            case "splice" -> splice(node, feature, change);
            case "clear" -> {
                if (feature == ELEMENT_CHILDREN) {
                    node.children.clear();
                } else if (feature == VIRTUAL_CHILDREN) {
                    node.virtualChildren.clear();
                }
            }
            default -> {
                // "attach" and "empty" only create the node
            }
        }
    }

    private static JsonNode value(JsonNode change) {
        if (change.has("nodeValue")) {
            return change.get("nodeValue");
        }
        return change.get("value");
    }

    private static void put(Node node, int feature, String key, JsonNode value) {
        switch (feature) {
            case ELEMENT_DATA -> {
                if ("tag".equals(key)) {
                    node.tag = value == null ? null : value.asText();
                }
            }
            case ELEMENT_PROPERTIES -> putOrRemove(node.properties, key, value);
            case ELEMENT_ATTRIBUTES -> putOrRemove(node.attributes, key, value);
            case ELEMENT_LISTENERS -> putOrRemove(node.listeners, key, value);
            case TEXT_NODE -> node.text = value == null ? null : value.asText();
            default -> {
                // styles, class list, push and loading configuration: not needed to find or drive components
            }
        }
    }

    private static void putOrRemove(Map<String, JsonNode> map, String key, JsonNode value) {
        if (value == null) {
            map.remove(key);
        } else {
            map.put(key, value);
        }
    }

    private static void splice(Node node, int feature, JsonNode change) {
        List<Integer> list;
        if (feature == ELEMENT_CHILDREN) {
            list = node.children;
        } else if (feature == VIRTUAL_CHILDREN) {
            list = node.virtualChildren;
        } else {
            return;
        }
        int index = Math.min(change.path("index").asInt(), list.size());
        int remove = change.path("remove").asInt(0);
        for (int i = 0; i < remove && index < list.size(); i++) {
            list.remove(index);
        }
        var added = new ArrayList<Integer>();
        for (var n : change.path("addNodes")) {
            added.add(n.asInt());
        }
        list.addAll(index, added);
    }

    Optional<Node> find(Predicate<Node> test) {
        return nodes.values().stream()
                .filter(test)
                .min((a, b) -> Integer.compare(a.id, b.id));
    }

    List<Node> findAll(Predicate<Node> test) {
        return nodes.values().stream()
                .filter(test)
                .sorted((a, b) -> Integer.compare(a.id, b.id))
                .toList();
    }

    Optional<Node> byId(String elementId) {
        return find(n -> elementId.equals(n.attribute("id")));
    }

    /** The open dialog (opened=true) with this element id; closed ones stay in the tree until the client acks. */
    Optional<Node> openDialog(String elementId) {
        return find(n -> elementId.equals(n.attribute("id")) && "true".equals(n.property("opened")));
    }

    /** The element with this id inside the given node, else anywhere (a dialog's footer may sit outside its content). */
    Optional<Node> byId(Node inside, String elementId) {
        return descendants(inside).stream()
                .filter(n -> elementId.equals(n.attribute("id")))
                .findFirst()
                .or(() -> findAll(n -> elementId.equals(n.attribute("id"))).stream()
                        .reduce((first, last) -> last));
    }

    Optional<Node> byTag(String tag) {
        return find(n -> tag.equals(n.tag));
    }

    /** A vaadin-button whose text (its text nodes and those of its children) is or starts with the given words. */
    Optional<Node> button(String text) {
        return find(n -> "vaadin-button".equals(n.tag) && textOf(n).strip().startsWith(text));
    }

    /** The node's text as a browser would render it, concatenated over its children. */
    String textOf(Node node) {
        var out = new StringBuilder();
        collectText(node, out, 0);
        return out.toString();
    }

    private void collectText(Node node, StringBuilder out, int depth) {
        if (node.text != null) {
            out.append(node.text);
        }
        if (depth > 20) {
            return;
        }
        for (var child : node.children) {
            var c = nodes.get(child);
            if (c != null) {
                collectText(c, out, depth + 1);
            }
        }
    }

    /** Every node below the given one (children, then virtual children), depth first. */
    List<Node> descendants(Node node) {
        var out = new ArrayList<Node>();
        collect(node, out, 0);
        return out;
    }

    private void collect(Node node, List<Node> out, int depth) {
        if (depth > 30) {
            return;
        }
        for (var list : List.of(node.children, node.virtualChildren)) {
            for (var child : list) {
                var c = nodes.get(child);
                if (c != null) {
                    out.add(c);
                    collect(c, out, depth + 1);
                }
            }
        }
    }

    /** The data expressions ("event.detail.itemKey", …) the server wants with an event of this node, or none. */
    List<String> eventData(Node node, String event) {
        var listener = node.listeners.get(event);
        if (listener == null) {
            return null;
        }
        var expressions = listener.isTextual() ? constants.get(listener.asText()) : listener;
        var keys = new ArrayList<String>();
        if (expressions != null) {
            expressions.fieldNames().forEachRemaining(keys::add);
        }
        return keys;
    }

    int size() {
        return nodes.size();
    }
}
