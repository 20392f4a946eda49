package app.rungs.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import app.rungs.load.UiTree.Node;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Vaadin Flow's client-server protocol as Gatling chains: sign in through the login form, bootstrap a UI
 * ({@code ?v-r=init}), then UIDL requests ({@code ?v-r=uidl}) carrying the security key, {@code syncId} and
 * {@code clientId} echoed from the last response, with RPCs aimed at node ids looked up in the {@link UiTree}.
 * Every UIDL response is applied to the tree inside a check, so a Vaadin error (appError, sessionExpired, a gap in
 * syncId) fails that request in Gatling's statistics like a non-2xx status does.
 */
final class Vaadin {

    static final String UI = "ui";
    /** Sent with each request so the server's access log names the request kind the way Gatling does. */
    static final String REQUEST_HEADER = "X-Load-Request";

    private Vaadin() {}

    /** GET the login page, take the CSRF token from its _csrf meta, POST the form; a redirect away from /login. */
    static ChainBuilder signIn(String password) {
        return exec(http("login page")
                        .get("/login")
                        .header(REQUEST_HEADER, "login page")
                        .check(status().is(200))
                        .check(regex("<meta name=\"_csrf\" content=\"([^\"]+)\"").saveAs("csrf")))
                .exec(http("sign in")
                        .post("/login")
                        .header(REQUEST_HEADER, "sign in")
                        .formParam("username", "#{username}")
                        .formParam("password", password)
                        .formParam("_csrf", "#{csrf}")
                        .disableFollowRedirect()
                        .check(status().is(302))
                        .check(header("Location")
                                .transform(location -> location.contains("/login") ? "back to /login" : "signed in")
                                .is("signed in")));
    }

    /** Bootstraps the UI as the browser's first request after the page load does; the view is built by navigate. */
    static ChainBuilder init() {
        return exec(http("init")
                .get("/?v-r=init&location=&query=")
                .header(REQUEST_HEADER, "init")
                .check(status().is(200))
                .check(bodyString()
                        .transform(body -> {
                            try {
                                return UiTree.fromInit(body);
                            } catch (Exception e) {
                                throw new IllegalStateException("init response: " + e.getMessage(), e);
                            }
                        })
                        .saveAs(UI)));
    }

    static UiTree ui(Session session) {
        return session.get(UI);
    }

    /** Router navigation as a router link click sends it: a "ui-navigate" event on the UI's root node. */
    static ChainBuilder navigate(String name, Function<Session, String> route, Function<Session, String> query) {
        return exec(navigateRequest(name, route, query));
    }

    static HttpRequestActionBuilder navigateRequest(
            String name, Function<Session, String> route, Function<Session, String> query) {
        return uidlRequest(name, (session, ui) -> {
            var data = UiTree.JSON.createObjectNode();
            data.put("route", route.apply(session));
            data.put("query", query.apply(session));
            data.put("appShellTitle", "");
            data.putObject("historyState").put("idx", ui.syncId);
            data.put("trigger", "");
            return List.of(event(1, "ui-navigate", data));
        });
    }

    static ChainBuilder navigate(String name, String route) {
        return navigate(name, s -> route, s -> "");
    }

    /**
     * One UIDL request whose RPCs are computed from the session and the current tree; a lookup that finds nothing
     * throws, which Gatling counts as a failed request with that message.
     */
    static ChainBuilder uidl(String name, BiFunction<Session, UiTree, List<ObjectNode>> rpcs) {
        return exec(uidlRequest(name, rpcs));
    }

    /** The UIDL request itself, for callers that add checks of their own (a link to follow, a text to expect). */
    static HttpRequestActionBuilder uidlRequest(String name, BiFunction<Session, UiTree, List<ObjectNode>> rpcs) {
        return uidlRequest(name, rpcs, ui -> null);
    }

    /**
     * A UIDL request that also fails when, after its response was applied, {@code after} names a problem with the
     * page (a dialog still open after Save, say).
     */
    static HttpRequestActionBuilder uidlRequest(
            String name, BiFunction<Session, UiTree, List<ObjectNode>> rpcs, Function<UiTree, String> after) {
        return http(name)
                .post(session -> "/?v-r=uidl&v-uiId=" + ui(session).uiId)
                .header("Content-Type", "application/json; charset=UTF-8")
                .header(REQUEST_HEADER, name)
                .body(StringBody(session -> {
                    var ui = ui(session);
                    var message = UiTree.JSON.createObjectNode();
                    message.put("csrfToken", ui.securityKey);
                    var rpc = message.putArray("rpc");
                    try {
                        rpcs.apply(session, ui).forEach(rpc::add);
                    } catch (RuntimeException e) {
                        // Sent without RPCs (a plain sync) and failed by the check below, so the step counts as a
                        // failed request in the statistics; a request Gatling cannot build would not.
                        ui.lookupProblem = e.getMessage();
                    }
                    message.put("syncId", ui.syncId);
                    message.put("clientId", ui.clientId);
                    return message.toString();
                }))
                .check(status().is(200))
                .check(bodyString()
                        .transformWithSession((body, session) -> {
                            try {
                                var ui = ui(session);
                                var problem = ui.applyResponse(body);
                                if (problem == null) {
                                    problem = after.apply(ui);
                                }
                                if (ui.lookupProblem != null) {
                                    problem = ui.lookupProblem;
                                    ui.lookupProblem = null;
                                }
                                if (problem != null) {
                                    // a crash of the transform fails the request with this message in the report
                                    throw new IllegalStateException(problem);
                                }
                                return true;
                            } catch (IllegalStateException e) {
                                throw e;
                            } catch (Exception e) {
                                throw new IllegalStateException("unreadable UIDL: " + e.getMessage(), e);
                            }
                        })
                        .is(true));
    }

    static ObjectNode event(int node, String type, ObjectNode data) {
        var rpc = UiTree.JSON.createObjectNode();
        rpc.put("type", "event");
        rpc.put("node", node);
        rpc.put("event", type);
        if (data != null) {
            rpc.set("data", data);
        }
        return rpc;
    }

    /** A click with the event data Flow's ClickEvent asks for (event.screenX … event.metaKey). */
    static ObjectNode click(Node node) {
        var data = UiTree.JSON.createObjectNode();
        for (var key : List.of("event.screenX", "event.screenY", "event.clientX", "event.clientY", "event.button")) {
            data.put(key, 0);
        }
        data.put("event.detail", 1);
        for (var key : List.of("event.ctrlKey", "event.shiftKey", "event.altKey", "event.metaKey")) {
            data.put(key, false);
        }
        return event(node.id, "click", data);
    }

    /**
     * A DOM event the server listens to on the node, with the data it asks for: the given values, false for modifier
     * keys, 1 for a click's detail, 0 for coordinates and buttons, null for anything else.
     */
    static ObjectNode domEvent(UiTree ui, Node node, String type, java.util.Map<String, String> values) {
        var expressions = ui.eventData(node, type);
        if (expressions == null) {
            throw new IllegalStateException("nothing listens to " + type + " on " + node);
        }
        var data = UiTree.JSON.createObjectNode();
        for (var key : expressions) {
            var given = values.entrySet().stream()
                    .filter(v -> key.endsWith(v.getKey()))
                    .findFirst();
            if (given.isPresent()) {
                data.put(key, given.get().getValue());
            } else if (key.endsWith("Key")) {
                data.put(key, false);
            } else if (key.endsWith(".detail")) {
                data.put(key, 1);
            } else if (key.matches(".*(X|Y|button)$")) {
                data.put(key, 0);
            } else {
                data.putNull(key);
            }
        }
        return event(node.id, type, data);
    }

    /** A click on the grid row with this item key, as the grid fires it (item-click). */
    static List<ObjectNode> clickRow(UiTree ui, String gridTag, String itemKey) {
        var grid = ui.byTag(gridTag).orElseThrow(() -> new IllegalStateException("no <" + gridTag + "> on the page"));
        return List.of(domEvent(ui, grid, "item-click", java.util.Map.of("itemKey", itemKey)));
    }

    /** The item keys of the grid rows a response sent ({"key":"1",…} in the connector calls). */
    static CheckBuilder.MultipleFind<String> rowKeys() {
        return regex("\\{\"key\":\"([^\"]+)\"");
    }

    /** A property synchronised from the client, as a field's value is after the user typed or picked. */
    static ObjectNode setProperty(Node node, String property, String value) {
        var rpc = UiTree.JSON.createObjectNode();
        rpc.put("type", "mSync");
        rpc.put("node", node.id);
        rpc.put("feature", 1);
        rpc.put("property", property);
        rpc.put("value", value);
        return rpc;
    }

    /** A call of a @ClientCallable method, as a web component's connector makes it ($server.method(args)). */
    static ObjectNode callServer(Node node, String method, int... args) {
        var rpc = UiTree.JSON.createObjectNode();
        rpc.put("type", "publishedEventHandler");
        rpc.put("node", node.id);
        rpc.put("templateEventMethodName", method);
        var array = rpc.putArray("templateEventMethodArgs");
        for (int a : args) {
            array.add(a);
        }
        rpc.put("promise", 0);
        return rpc;
    }

    /**
     * A page of a grid's rows as the grid connector asks for them while the user scrolls: a random page within the
     * row count the server told the grid, or the first page while it told none.
     */
    static List<ObjectNode> gridPage(UiTree ui, String gridTag, int pageSize) {
        var grid = ui.byTag(gridTag).orElseThrow(() -> new IllegalStateException("no <" + gridTag + "> on the page"));
        int pages = Math.max(1, (grid.size + pageSize - 1) / pageSize);
        int first = java.util.concurrent.ThreadLocalRandom.current().nextInt(pages) * pageSize;
        return List.of(callServer(grid, "setViewportRange", first, pageSize));
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
