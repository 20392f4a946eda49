package app.rungs.load;

import static app.rungs.load.Vaadin.click;
import static app.rungs.load.Vaadin.event;
import static app.rungs.load.Vaadin.gridPage;
import static app.rungs.load.Vaadin.navigate;
import static app.rungs.load.Vaadin.navigateRequest;
import static app.rungs.load.Vaadin.setProperty;
import static app.rungs.load.Vaadin.uidl;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.exitBlockOnFail;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The three kinds of user: engineers (home, coverage, log evidence through the editor dialog, their evidence log),
 * managers (review inbox, a promotion case, pages of the people grid) and managers in one calibration session
 * (several on the same board, paging it and polling for the others' changes; the first of them changes ratings).
 * Each user signs in once, keeps one UI and navigates inside it as a browser does, with think time between steps,
 * until the run's deadline.
 */
final class Scenarios {

    private final LoadSettings settings;
    private final long deadlineMillis;
    private final AtomicInteger boardUsers = new AtomicInteger();

    Scenarios(LoadSettings settings, long deadlineMillis) {
        this.settings = settings;
        this.deadlineMillis = deadlineMillis;
    }

    private ChainBuilder think() {
        return pause(settings.thinkMin(), settings.thinkMax());
    }

    private boolean beforeDeadline(Session session) {
        return System.currentTimeMillis() < deadlineMillis;
    }

    private static Iterator<Map<String, Object>> accounts(List<String> usernames) {
        var next = new AtomicInteger();
        return Stream.generate(() -> Map.<String, Object>of(
                        "username", usernames.get(Math.floorMod(next.getAndIncrement(), usernames.size()))))
                .iterator();
    }

    private ChainBuilder start(List<String> usernames) {
        return feed(accounts(usernames))
                .exec(Vaadin.signIn(settings.password()))
                .exec(Vaadin.init())
                // a user who could not sign in or get a UI has nothing to do; the failure is already counted
                .exitHereIfFailed()
                .exec(think());
    }

    /**
     * The user's steps over and over until the deadline. After a failed request the UI's state is unknown (as after
     * an error in a browser), so the user reloads the page, a fresh UI, and carries on: one error stays one error.
     */
    private ChainBuilder untilDeadline(ChainBuilder... steps) {
        var body = steps[0];
        for (int i = 1; i < steps.length; i++) {
            body = body.exec(steps[i]);
        }
        return asLongAs(this::beforeDeadline)
                .on(exitBlockOnFail().on(body)
                        .doIf(Session::isFailed)
                        .then(exec(Session::markAsSucceeded).exec(Vaadin.init()).exitHereIfFailed()));
    }

    ScenarioBuilder engineers() {
        return scenario("engineer")
                .exec(start(settings.engineers()))
                .exec(untilDeadline(navigate("engineer: home", ""),
                                think(),
                                exec(navigateRequest("engineer: coverage", s -> "coverage", s -> "")
                                        // the "Add evidence" links of competencies the engineer has not covered
                                        .check(regex("my-evidence\\?(new=1[^\"]*)")
                                                .findRandom()
                                                .optional()
                                                .saveAs("addEvidence"))),
                                think(),
                                doIf(s -> s.contains("addEvidence")).then(logEvidence()),
                                navigate("engineer: my evidence", "my-evidence"),
                                think()));
    }

    /**
     * The coverage page's "log evidence for this competency" link opens the editor prefilled with the competency and
     * level; the user picks a type, types a title and saves a draft. The dialog closing is the proof it saved: a
     * refusal keeps it open with the problems shown.
     */
    private ChainBuilder logEvidence() {
        return exec(navigate(
                        "engineer: log evidence (open dialog)",
                        s -> "my-evidence",
                        s -> s.getString("addEvidence")))
                .exec(think())
                .exec(uidl("engineer: log evidence (fill)", (s, ui) -> {
                    // Earlier editors stay in the tree closed (the harness never acks the close as a browser
                    // would), so the fields are looked up in the open one.
                    var editor = ui.openDialog("evidence-editor").orElseThrow(() -> missing("the open evidence editor"));
                    var type = ui.byId(editor, "evidence-type").orElseThrow(() -> missing("the evidence type select"));
                    var options = ui.descendants(type).stream()
                            .filter(n -> "vaadin-select-item".equals(n.tag) && n.property("value") != null)
                            .toList();
                    if (options.isEmpty()) {
                        throw missing("the evidence type options");
                    }
                    var title = ui.byId(editor, "evidence-title").orElseThrow(() -> missing("the title field"));
                    return List.of(
                            setProperty(type, "value", options.getLast().property("value")),
                            setProperty(title, "value", "Load test note " + s.userId() + "-" + System.nanoTime()));
                }))
                .exec(pause(1))
                .exec(Vaadin.uidlRequest(
                        "engineer: log evidence (save)",
                        (s, ui) -> List.of(click(ui.openDialog("evidence-editor")
                                .flatMap(editor -> ui.byId(editor, "evidence-save-draft"))
                                .orElseThrow(() -> missing("the Save draft button of the open editor")))),
                        // Save closes the dialog (opened=false) only when the service took the item
                        ui -> ui.openDialog("evidence-editor").isPresent()
                                ? "the editor stayed open: not saved"
                                : null))
                .exec(think());
    }

    ScenarioBuilder managers() {
        return scenario("manager")
                .exec(start(settings.managers()))
                .exec(untilDeadline(navigate("manager: review inbox", "review"),
                                think(),
                                exec(navigateRequest("manager: promotions", s -> "promotions", s -> "")
                                        .check(Vaadin.rowKeys()
                                                .findRandom()
                                                .optional()
                                                .saveAs("caseRow"))),
                                think(),
                                doIf(s -> s.contains("caseRow"))
                                        .then(exec(Vaadin.uidlRequest(
                                                                "manager: promotion case",
                                                                (s, ui) -> Vaadin.clickRow(
                                                                        ui, "vaadin-grid", s.getString("caseRow")))
                                                        .check(regex("promotions/(\\d+)")
                                                                .exists()))
                                                .exec(think())),
                                navigate("manager: people", "people"),
                                think(),
                                uidl("manager: people grid page", (s, ui) -> gridPage(ui, "vaadin-grid", 50)),
                                think(),
                                uidl("manager: people grid page", (s, ui) -> gridPage(ui, "vaadin-grid", 50)),
                                think()));
    }

    ScenarioBuilder calibration() {
        return scenario("calibration")
                .exec(start(settings.boardManagers()))
                .exec(s -> s.set("boardUser", boardUsers.getAndIncrement()))
                .exec(findBoard())
                .exec(navigate("calibration: board", s -> "calibration/" + s.getString("board"), s -> ""))
                .exec(untilDeadline(think(),
                                uidl("calibration: poll", (s, ui) -> List.of(event(1, "ui-poll", null))),
                                think(),
                                uidl("calibration: board page", (s, ui) -> gridPage(ui, "vaadin-grid", 50)),
                                doIf(s -> settings.changeRatings() && s.getInt("boardUser") == 0)
                                        .then(changeRating()),
                                think(),
                                uidl("calibration: poll", (s, ui) -> List.of(event(1, "ui-poll", null)))));
    }

    /** The session from load.board, or the first one the sessions list links to. */
    private ChainBuilder findBoard() {
        if (!settings.board().isEmpty()) {
            return exec(s -> s.set("board", settings.board()));
        }
        return exec(navigateRequest("calibration: sessions", s -> "calibration", s -> "")
                        .check(Vaadin.rowKeys().find().saveAs("sessionRow")))
                .exec(think())
                .exec(Vaadin.uidlRequest(
                                "calibration: open session",
                                (s, ui) -> Vaadin.clickRow(ui, "vaadin-grid", s.getString("sessionRow")))
                        .check(regex("calibration/(\\d+)").saveAs("board")))
                .exec(think());
    }

    /** A final rating picked in one engineer's rating select, saved inline by the board. */
    private ChainBuilder changeRating() {
        return exec(think()).exec(uidl("calibration: change rating", (s, ui) -> {
            var selects = ui.findAll(n -> "vaadin-select".equals(n.tag)
                    && n.attribute("id") != null
                    && n.attribute("id").startsWith("final-rating-"));
            if (selects.isEmpty()) {
                throw missing("a final rating select on the board");
            }
            var random = ThreadLocalRandom.current();
            var select = selects.get(random.nextInt(selects.size()));
            var options = ui.descendants(select).stream()
                    .map(n -> n.property("value"))
                    .filter(v -> v != null && !v.isEmpty() && !v.equals(select.property("value")))
                    .toList();
            if (options.isEmpty()) {
                throw missing("rating options in " + select);
            }
            return List.of(setProperty(select, "value", options.get(random.nextInt(options.size()))));
        }))
                // A rating that leaves the proposal needs the protocol's rationale: type one and save it.
                .doIf(s -> Vaadin.ui(s).openDialog("rationale-dialog").isPresent())
                .then(exec(think())
                        .exec(Vaadin.uidlRequest(
                                "calibration: change rating (rationale)",
                                (s, ui) -> rationale(ui),
                                ui -> ui.openDialog("rationale-dialog").isPresent()
                                        ? "the rationale dialog stayed open: not saved"
                                        : null)));
    }

    /** The open rationale dialog's text typed and its save clicked. */
    private static List<com.fasterxml.jackson.databind.node.ObjectNode> rationale(UiTree ui) {
        var dialog = ui.openDialog("rationale-dialog").orElseThrow(() -> missing("the rationale dialog"));
        var text = ui.byId(dialog, "rationale-text").orElseThrow(() -> missing("the rationale field"));
        var save = ui.byId(dialog, "rationale-save").orElseThrow(() -> missing("the Save with rationale button"));
        return List.of(
                setProperty(text, "value", "Calibrated in the load test: the committee compared the evidence."),
                click(save));
    }

    private static IllegalStateException missing(String what) {
        return new IllegalStateException("not on the page: " + what);
    }
}
