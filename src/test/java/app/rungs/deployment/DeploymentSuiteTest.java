package app.rungs.deployment;

import static app.rungs.deployment.Browser.await;
import static app.rungs.deployment.Browser.click;
import static app.rungs.deployment.Browser.dialogOpen;
import static app.rungs.deployment.Browser.ratingShown;
import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.e2e.BrowserTestSupport;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The production deployment, proven end to end (issue 18): Debian's PostgreSQL server, two Rungs instances of the
 * packaged jar and HAProxy with sticky sessions and readiness checks (docker/haproxy/haproxy.cfg), driven by real
 * headless browsers and checked in the database. Runs through {@code .ci/deployment-suite} after the main build,
 * never in the ordinary test run (tag {@code deployment}). Prints one summary line per scenario.
 */
@Tag("deployment")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeploymentSuiteTest {

    static final List<String> SCENARIOS = List.of(
            "0 set-up (server, 2 instances, proxy)",
            "1 live board across instances",
            "2 instance b stopped mid-session",
            "3 PostgreSQL restart",
            "4 pg_dump backup and restore",
            "5 upgrade from the previous release",
            "6 start-up failures in one line",
            "7 sessions per instance");

    final Summary summary = new Summary(Path.of("target", "deployment-summary.txt"), SCENARIOS);
    Deployment deployment;
    WebDriver priya;
    WebDriver daniel;
    long sessionId;
    List<Long> entries;
    /** What was saved through the UI and must survive every scenario: entry id to final rating. */
    final Map<Long, String> saved = new LinkedHashMap<>();

    DataScenarios data;
    StartupScenarios startup;

    @BeforeAll
    void startDeployment() throws Exception {
        deployment = new Deployment();
        data = new DataScenarios(deployment);
        startup = new StartupScenarios(deployment);
        summary.run(SCENARIOS.get(0), deployment::start);
    }

    @AfterAll
    void tearDown() {
        try {
            if (deployment != null) {
                deployment.close();
            }
        } finally {
            summary.print("an earlier step failed");
        }
    }

    /** Runs a browser scenario; on failure, screenshots of both browsers (target/screenshots/deployment-fail-*). */
    private void scenario(int number, Callable<String> body) throws Exception {
        summary.run(SCENARIOS.get(number), () -> {
            try {
                return body.call();
            } catch (Exception | AssertionError e) {
                if (priya != null) {
                    BrowserTestSupport.screenshot(priya, "deployment-fail-" + number + "-priya");
                }
                if (daniel != null) {
                    BrowserTestSupport.screenshot(daniel, "deployment-fail-" + number + "-daniel");
                }
                throw e;
            }
        });
    }

    private String proxy() {
        return deployment.proxy.baseUrl();
    }

    private String rating(long entryId) {
        try (var c = deployment.postgres.connect("rungs")) {
            return Tables.text(c, "select final_rating from calibration_entry where id = " + entryId);
        } catch (SQLException e) {
            return "(database: " + e.getMessage() + ")";
        }
    }

    /** What a browser and the database say about an entry's rating, for the message of a wait that timed out. */
    private Supplier<String> ratingSeen(WebDriver driver, long entryId) {
        return () -> "the board at %s showing %s for entry %d, the database %s, cookie %s"
                .formatted(
                        driver.getCurrentUrl(),
                        ratingShown(driver, entryId),
                        entryId,
                        rating(entryId),
                        Browser.instanceCookie(driver));
    }

    private static String other(String rating) {
        return rating == null || !rating.equals("Exceeds") ? "Exceeds" : "Meets";
    }

    @Test
    @Order(1)
    void twoManagersOnTwoInstancesCalibrateOneBoard() throws Exception {
        scenario(1, () -> {
            priya = deployment.browser();
            daniel = deployment.browser();
            Browser.signIn(priya, proxy(), Browser.PRIYA, "a");
            Browser.signIn(daniel, proxy(), Browser.DANIEL, "b");
            var before = deployment.proxy.responsesTotal();

            // This cycle's demo session, still preparing: Priya (its lead) starts it on instance a.
            try (var c = deployment.postgres.connect("rungs")) {
                sessionId = Tables.single(
                        c, "select id from calibration_session where status = 'PREPARING' order by id desc limit 1");
            }
            priya.get(proxy() + "/calibration/" + sessionId);
            click(priya, "start-session");
            await(
                    priya,
                    30,
                    "the confirm button of 'start session'",
                    d -> BrowserTestSupport.deepFind(d, "vaadin-button[slot='confirm-button']", null) != null);
            Browser.js(
                    priya,
                    "arguments[0].click();",
                    BrowserTestSupport.deepFind(priya, "vaadin-button[slot='confirm-button']", null));
            await(
                    priya,
                    30,
                    "session " + sessionId + " IN_SESSION in the database",
                    d -> "IN_SESSION".equals(status(sessionId)),
                    () -> "status " + status(sessionId));
            entries = new ArrayList<>();
            try (var c = deployment.postgres.connect("rungs");
                    var rs = c.createStatement()
                            // Engineers nobody proposed a rating for first: changing their final rating needs no
                            // written rationale (the calibration protocol asks for one when it leaves a proposal).
                            .executeQuery("select id from calibration_entry where session_id = " + sessionId
                                    + " order by (proposed_rating is null) desc, id")) {
                while (rs.next()) {
                    entries.add(rs.getLong(1));
                }
            }
            assertThat(entries).as("entries of the started session").hasSizeGreaterThan(3);
            try (var c = deployment.postgres.connect("rungs")) {
                assertThat(Tables.single(
                                c,
                                "select count(*) from calibration_entry where proposed_rating is null and session_id = "
                                        + sessionId))
                        .as("engineers without a proposal, whose ratings the scenarios change")
                        .isGreaterThanOrEqualTo(4);
            }
            long first = entries.get(0);
            long second = entries.get(1);
            Browser.openBoard(priya, proxy(), sessionId, first);
            Browser.openBoard(daniel, proxy(), sessionId, first);

            // Presence crosses instances: each sees the other.
            await(
                    priya,
                    60,
                    "Daniel in Priya's presence list",
                    d -> Browser.viewers(d).contains("Daniel Okafor"),
                    () -> "viewers " + Browser.viewers(priya));
            await(
                    daniel,
                    60,
                    "Priya in Daniel's presence list",
                    d -> Browser.viewers(d).contains("Priya Natarajan"),
                    () -> "viewers " + Browser.viewers(daniel));

            // Priya (a) changes a rating; Daniel (b) sees it without reloading: LISTEN/NOTIFY between instances.
            var target = other(rating(first));
            Browser.choose(priya, "final-rating-" + first, target);
            await(
                    priya,
                    30,
                    "Priya's own board on a showing her rating " + target,
                    d -> target.equals(ratingShown(d, first)),
                    ratingSeen(priya, first));
            long changed = System.nanoTime();
            await(
                    daniel,
                    60,
                    "Daniel's board on b showing Priya's change to " + target + " live",
                    d -> target.equals(ratingShown(d, first)),
                    ratingSeen(daniel, first));
            long lag = (System.nanoTime() - changed) / 1_000_000;
            assertThat(rating(first)).isEqualTo(target);
            saved.put(first, target);

            // Both edit one entry; Priya saves first, Daniel (other instance) is told who changed what.
            var priyaRating = other(rating(second));
            var danielRating = priyaRating.equals("Below") ? "Meets" : "Below";
            click(priya, "edit-entry-" + second);
            click(daniel, "edit-entry-" + second);
            await(priya, 30, "Priya's entry dialog open", Browser::dialogOpen);
            await(daniel, 30, "Daniel's entry dialog open", Browser::dialogOpen);
            Browser.rate(priya, priyaRating);
            click(priya, "entry-save");
            await(
                    priya,
                    30,
                    "Priya's dialog closed after saving",
                    d -> !dialogOpen(d),
                    () -> Browser.visibleText(priya).lines().limit(5).toList().toString());
            Browser.rate(daniel, danielRating);
            click(daniel, "entry-save");
            await(
                    daniel,
                    30,
                    "the conflict message in Daniel's dialog",
                    d -> !d.findElements(By.id("entry-conflict-message")).isEmpty(),
                    ratingSeen(daniel, second));
            assertThat(daniel.findElement(By.id("entry-conflict-message")).getText())
                    .contains("Priya Natarajan changed this rating to " + priyaRating);
            BrowserTestSupport.screenshot(daniel, "deployment-conflict-across-instances");
            click(daniel, "entry-reapply");
            await(
                    daniel,
                    30,
                    "Daniel's choice " + danielRating + " re-applied",
                    d -> danielRating.equals(Browser.checkedRating(d)),
                    () -> "checked " + Browser.checkedRating(daniel));
            click(daniel, "entry-save");
            await(daniel, 30, "Daniel's dialog closed after saving again", d -> !dialogOpen(d));
            await(
                    priya,
                    60,
                    "Priya's board on a showing Daniel's change to " + danielRating + " live",
                    d -> danielRating.equals(ratingShown(d, second)),
                    ratingSeen(priya, second));
            assertThat(rating(second)).isEqualTo(danielRating);
            saved.put(second, danielRating);

            // Each browser really talked to its own instance.
            var after = deployment.proxy.responsesTotal();
            assertThat(Long.parseLong(after.get("a"))).isGreaterThan(Long.parseLong(before.get("a")));
            assertThat(Long.parseLong(after.get("b"))).isGreaterThan(Long.parseLong(before.get("b")));
            assertThat(Browser.instanceCookie(priya)).isEqualTo("a");
            assertThat(Browser.instanceCookie(daniel)).isEqualTo("b");
            return "change a->b seen after %d ms; presence both; conflict message across instances".formatted(lag);
        });
    }

    private String status(long session) {
        try (var c = deployment.postgres.connect("rungs")) {
            return Tables.text(c, "select status from calibration_session where id = " + session);
        } catch (SQLException e) {
            return "(database: " + e.getMessage() + ")";
        }
    }

    @Test
    @Order(2)
    void aStoppedInstancesUsersSignInAgainOnTheOtherAndLoseNothing() throws Exception {
        scenario(2, () -> {
            assertThat(sessionId).as("scenario 1 prepared the board").isPositive();
            long stopped = System.nanoTime();
            var stopping = Thread.ofVirtual().start(deployment.b::stop);
            long outOfRotation = deployment.proxy.awaitState("b", "DOWN", Duration.ofSeconds(30));
            stopping.join(Duration.ofSeconds(90));
            long exited = (System.nanoTime() - stopped) / 1_000_000;
            // 2 s checks, 2 failures: out within about 4 s of failing; 10 s allows for a slow graceful stop.
            assertThat(outOfRotation)
                    .as("ms until haproxy stopped routing to b")
                    .isLessThan(10_000);

            // Daniel's next click goes to a, which does not know his session: sign in again, with a clear notice.
            long first = entries.get(0);
            // (The tab may already be on its way to the sign-in page after losing its push connection.)
            Browser.js(
                    daniel,
                    "const b = document.getElementById(arguments[0]); if (b) b.click();",
                    "edit-entry-" + entries.get(2));
            await(
                    daniel,
                    60,
                    "Daniel sent to /login on a",
                    d -> d.getCurrentUrl().contains("/login"));
            await(
                    daniel,
                    30,
                    "the notice 'Your session has ended. Please sign in again.'",
                    d -> Browser.visibleText(d).contains("Your session has ended. Please sign in again."),
                    () -> "text " + Browser.visibleText(daniel).lines().limit(8).toList());
            BrowserTestSupport.screenshot(daniel, "deployment-failover-sign-in-again");
            assertThat(Browser.instanceCookie(daniel))
                    .as("the proxy moved Daniel to a")
                    .isEqualTo("a");
            assertThat(Browser.visibleText(daniel)).doesNotContain("Exception");

            // Signed in again (on a): everything he and Priya saved is there.
            Browser.signIn(daniel, proxy(), Browser.DANIEL, null);
            Browser.openBoard(daniel, proxy(), sessionId, first);
            for (var e : saved.entrySet()) {
                await(
                        daniel,
                        30,
                        "Daniel's board showing the saved " + e.getValue() + " of entry " + e.getKey(),
                        d -> e.getValue().equals(ratingShown(d, e.getKey())),
                        ratingSeen(daniel, e.getKey()));
                assertThat(rating(e.getKey())).isEqualTo(e.getValue());
            }
            // Priya, on a all along, kept her session.
            assertThat(priya.getCurrentUrl()).contains("/calibration/" + sessionId);
            return "b out of rotation %d ms after SIGTERM (exit after %d ms); Daniel re-signed in on a; %d saved ratings intact"
                    .formatted(outOfRotation, exited, saved.size());
        });
    }

    @Test
    @Order(3)
    void usersSeeAFriendlyStateWhileTheDatabaseRestartsAndTheAppRecoversByItself() throws Exception {
        scenario(3, () -> {
            assertThat(sessionId).as("scenario 1 prepared the board").isPositive();
            long entry = entries.get(3);
            var target = other(rating(entry));
            deployment.postgres.stop();
            long down = System.nanoTime();

            // Priya keeps working: she sees a friendly state, never a stack trace.
            Browser.choose(priya, "final-rating-" + entry, target);
            // Rungs' own notice (while the proxy still routes to the instance), or, once no instance is ready, the
            // proxy's page or Vaadin's reconnecting indicator.
            var friendly =
                    List.of("The database is unavailable", "Rungs is reconnecting", "onnection lost", "econnect");
            await(
                    priya,
                    45,
                    "a friendly state " + friendly,
                    d -> friendly.stream().anyMatch(Browser.visibleText(d)::contains),
                    () -> "text " + Browser.visibleText(priya).lines().limit(8).toList());
            var shown = Browser.visibleText(priya);
            BrowserTestSupport.screenshot(priya, "deployment-database-down");
            assertThat(shown).doesNotContain("Exception", "at app.rungs", "SQLState", "org.postgresql");
            var state = friendly.stream().filter(shown::contains).findFirst().orElseThrow();

            // The instance is alive but not ready; the proxy shows its own friendly page to a new visitor.
            await(
                    priya,
                    30,
                    "a's readiness 503",
                    d -> deployment.a.status("/actuator/health/readiness") == 503,
                    () -> "readiness " + deployment.a.status("/actuator/health/readiness"));
            assertThat(deployment.a.status("/actuator/health/liveness")).isEqualTo(200);
            long notReady = (System.nanoTime() - down) / 1_000_000;
            deployment.proxy.awaitState("a", "DOWN", Duration.ofSeconds(30));
            var page = deployment.proxy.get("/login");
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.body()).contains("Rungs is reconnecting").doesNotContain("Exception");

            // The server comes back: the instance recovers by itself (no restart of Rungs).
            deployment.postgres.start();
            long up = System.nanoTime();
            await(
                    priya,
                    60,
                    "a ready again without a restart",
                    d -> deployment.a.status("/actuator/health/readiness") == 200,
                    () -> "readiness " + deployment.a.status("/actuator/health/readiness"));
            long recovered = (System.nanoTime() - up) / 1_000_000;
            deployment.proxy.awaitState("a", "UP", Duration.ofSeconds(30));
            long routed = (System.nanoTime() - up) / 1_000_000;
            assertThat(deployment.a.millisSinceStart()).as("the same process").isGreaterThan(routed);

            // Priya saves her change; Daniel (same instance now) sees it live: the listener reconnected too.
            Browser.openBoard(priya, proxy(), sessionId, entry);
            Browser.choose(priya, "final-rating-" + entry, target);
            await(
                    priya,
                    30,
                    "Priya's board showing " + target + " after the restart",
                    d -> target.equals(ratingShown(d, entry)),
                    ratingSeen(priya, entry));
            await(
                    daniel,
                    45,
                    "Daniel's board showing Priya's " + target + " live after the restart",
                    d -> target.equals(ratingShown(d, entry)),
                    ratingSeen(daniel, entry));
            assertThat(rating(entry)).isEqualTo(target);
            saved.put(entry, target);
            return "users saw \"%s\"; readiness 503 seen %d ms after the stop; ready %d ms and routed %d ms after the server was back"
                    .formatted(state, notReady, recovered, routed);
        });
    }

    @Test
    @Order(4)
    void aBackupRestoredIntoAnEmptyDatabaseHasEveryRow() throws Exception {
        summary.run(SCENARIOS.get(4), () -> {
            // Scenario 5's and 6's instances start now, so that their start-ups overlap this one's.
            data.startUpgrade();
            startup.start();
            return data.backupAndRestore(saved, sessionId);
        });
    }

    @Test
    @Order(5)
    void aDatabaseOfThePreviousReleaseUpgradesWithItsDataIntact() throws Exception {
        summary.run(SCENARIOS.get(5), data::upgrade);
    }

    @Test
    @Order(6)
    void startUpFailsFastWithOneClearLine() throws Exception {
        summary.run(SCENARIOS.get(6), startup::run);
    }

    @Test
    @Order(7)
    void eachInstanceHoldsManySessionsAtOnce() throws Exception {
        summary.run(SCENARIOS.get(7), () -> new CapacityScenario(deployment).run());
    }
}
