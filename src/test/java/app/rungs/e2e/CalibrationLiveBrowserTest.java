package app.rungs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.calibration.CalibrationFixtures;
import app.rungs.calibration.service.BoardEntry;
import app.rungs.calibration.service.CalibrationBoard;
import app.rungs.calibration.service.CalibrationSessions;
import app.rungs.calibration.service.NewSession;
import app.rungs.calibration.service.SessionLifecycle;
import app.rungs.people.service.NewPerson;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonEditingService;
import app.rungs.security.service.AccountService;
import app.rungs.security.service.SystemAuthentication;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Two managers calibrate together in two real browsers: a rating changed by one appears on the other's board
 * without reloading, and when both change one entry at once, the second is told who changed what and reapplies
 * their change, so nothing is lost.
 */
@IntegrationTest
class CalibrationLiveBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    CalibrationBoard boards;

    @Autowired
    CalibrationSessions sessions;

    @Autowired
    SessionLifecycle lifecycle;

    @Autowired
    PeopleService people;

    @Autowired
    PersonEditingService peopleEditing;

    @Autowired
    AccountService accounts;

    @Autowired
    UserDetailsService users;

    WebDriver priya;
    WebDriver daniel;
    CalibrationFixtures fx;
    Long sessionId;
    BoardEntry first;
    BoardEntry second;

    @BeforeEach
    void sessionInProgress() {
        fx = new CalibrationFixtures(people, peopleEditing, accounts, users, sessions);
        var suffix = UUID.randomUUID().toString().substring(0, 6);
        // Engineers of a manager of their own, so the demo reporting lines stay as they are.
        var ids = SystemAuthentication.call(() -> {
            var ladderId = fx.ladderId();
            var team = peopleEditing.createTeam("Live calibration " + suffix, null);
            var since = LocalDate.now().minusYears(2);
            var manager = peopleEditing.create(
                    new NewPerson(
                            "Quinn Live " + suffix,
                            "quinn." + suffix + "@calibration.test",
                            "Engineering Manager",
                            team,
                            null,
                            ladderId,
                            "SPE-1",
                            null,
                            null,
                            null,
                            null,
                            since),
                    since);
            for (var name : new String[] {"Rae", "Sam"}) {
                peopleEditing.create(
                        new NewPerson(
                                name + " Live " + suffix,
                                name.toLowerCase() + "." + suffix + "@calibration.test",
                                "Distributed Systems Engineer",
                                team,
                                manager,
                                ladderId,
                                "DSE-2",
                                null,
                                null,
                                null,
                                null,
                                since),
                        since);
            }
            return new Long[] {
                team,
                accounts.findByUsername(DemoUsers.DIRECTOR).orElseThrow().personId(),
                accounts.findByUsername(DemoUsers.MANAGER).orElseThrow().personId()
            };
        });
        sessionId = fx.as(
                DemoUsers.ADMIN,
                () -> sessions.create(new NewSession(
                        "Live session " + suffix, "2026-H2", Set.of(ids[0]), Set.of(), Set.of(ids[1], ids[2]), null)));
        fx.run(
                DemoUsers.ADMIN,
                () -> lifecycle.start(sessionId, sessions.session(sessionId).version()));
        var entries = fx.as(DemoUsers.ADMIN, () -> boards.board(sessionId).entries());
        first = entries.get(0);
        second = entries.get(1);
        priya = BrowserTestSupport.startChrome();
        daniel = BrowserTestSupport.startChrome();
    }

    @AfterEach
    void stopBrowsers() {
        for (var driver : new WebDriver[] {priya, daniel}) {
            if (driver != null) {
                driver.quit();
            }
        }
    }

    private static WebDriverWait waitUpTo(WebDriver driver, int seconds) {
        var wait = new WebDriverWait(driver, Duration.ofSeconds(seconds));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private static Object js(WebDriver driver, String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private static String ratingShown(WebDriver driver, Long entryId) {
        return (String) js(
                driver,
                "const el = document.getElementById(arguments[0]); return el ? el.getAttribute('data-rating') : null;",
                "final-rating-" + entryId);
    }

    private void openBoard(WebDriver driver, String user) {
        var base = "http://localhost:" + port;
        BrowserTestSupport.signIn(driver, base, user, DemoUsers.PASSWORD);
        BrowserTestSupport.waitFor(driver).until(d -> !d.getCurrentUrl().contains("/login"));
        driver.get(base + "/calibration/" + sessionId);
        BrowserTestSupport.waitFor(driver)
                .until(d -> !d.findElements(By.id("final-rating-" + first.id())).isEmpty());
    }

    /** Opens a vaadin-select and picks the item with the given text. */
    private static void choose(WebDriver driver, String selectId, String item) {
        var select = driver.findElement(By.id(selectId));
        js(driver, "arguments[0].click();", select);
        BrowserTestSupport.waitFor(driver)
                .until(d -> BrowserTestSupport.deepFind(d, "vaadin-select-item", item) != null);
        js(driver, "arguments[0].click();", BrowserTestSupport.deepFind(driver, "vaadin-select-item", item));
    }

    /** Checks the radio button with the given label in the entry dialog's final rating group. */
    private static void rate(WebDriver driver, String rating) {
        BrowserTestSupport.waitFor(driver)
                .until(d -> BrowserTestSupport.deepFind(d, "#entry-final-rating vaadin-radio-button", rating) != null);
        WebElement radio = BrowserTestSupport.deepFind(driver, "#entry-final-rating vaadin-radio-button", rating);
        js(driver, "arguments[0].querySelector('input').click();", radio);
    }

    private static String checkedRating(WebDriver driver) {
        return (String) js(
                driver,
                "const r = document.querySelector('#entry-final-rating vaadin-radio-button[checked]');"
                        + " return r ? r.textContent.trim() : null;");
    }

    private static void click(WebDriver driver, String id) {
        BrowserTestSupport.waitFor(driver).until(d -> !d.findElements(By.id(id)).isEmpty());
        js(driver, "arguments[0].click();", driver.findElement(By.id(id)));
    }

    private static boolean dialogOpen(WebDriver driver) {
        // One script, so a re-render between finding and reading the button cannot go stale.
        return Boolean.TRUE.equals(
                js(driver, "const b = document.getElementById('entry-save'); return !!b && b.checkVisibility();"));
    }

    @Test
    void twoManagersSeeEachOthersChangesLiveAndNeverLoseAnEdit() {
        openBoard(priya, DemoUsers.DIRECTOR);
        openBoard(daniel, DemoUsers.MANAGER);

        // Both see who else is viewing.
        waitUpTo(priya, 15)
                .until(d -> String.valueOf(
                                js(d, "return document.getElementById('presence').getAttribute('data-viewers');"))
                        .contains("Daniel Okafor"));
        assertThat((String) js(daniel, "return document.getElementById('presence').getAttribute('data-viewers');"))
                .contains("Priya Natarajan");

        // Priya changes a rating; Daniel's board shows it without reloading.
        assertThat(ratingShown(daniel, first.id())).isEmpty();
        choose(priya, "final-rating-" + first.id(), "Exceeds");
        waitUpTo(priya, 10).until(d -> "Exceeds".equals(ratingShown(d, first.id())));
        long changed = System.nanoTime();
        waitUpTo(daniel, 10).until(d -> "Exceeds".equals(ratingShown(d, first.id())));
        System.out.printf("Daniel saw Priya's change after %d ms%n", (System.nanoTime() - changed) / 1_000_000);
        BrowserTestSupport.screenshot(daniel, "calibration-live-daniel");

        // Both open the same entry; Priya saves first.
        click(priya, "edit-entry-" + second.id());
        click(daniel, "edit-entry-" + second.id());
        waitUpTo(priya, 10).until(CalibrationLiveBrowserTest::dialogOpen);
        waitUpTo(daniel, 10).until(CalibrationLiveBrowserTest::dialogOpen);
        rate(priya, "Exceeds");
        click(priya, "entry-save");
        waitUpTo(priya, 10).until(d -> !dialogOpen(d));

        // Daniel's dialog kept the version it loaded: his save is refused with who changed what.
        rate(daniel, "Below");
        click(daniel, "entry-save");
        waitUpTo(daniel, 10)
                .until(d -> !d.findElements(By.id("entry-conflict-message")).isEmpty());
        assertThat(daniel.findElement(By.id("entry-conflict-message")).getText())
                .contains("Priya Natarajan changed this rating to Exceeds while you were editing; your change was not"
                        + " saved.");
        assertThat(checkedRating(daniel)).as("the fresh value is shown").isEqualTo("Exceeds");
        BrowserTestSupport.screenshot(daniel, "calibration-conflict");

        // He reapplies his change on the fresh version; nothing is lost.
        click(daniel, "entry-reapply");
        waitUpTo(daniel, 10).until(d -> "Below".equals(checkedRating(d)));
        click(daniel, "entry-save");
        waitUpTo(daniel, 10).until(d -> !dialogOpen(d));
        waitUpTo(priya, 10).until(d -> "Below".equals(ratingShown(d, second.id())));

        var history = fx.as(DemoUsers.ADMIN, () -> boards.history(second.id()));
        assertThat(history)
                .extracting(c -> c.actorName() + ": " + c.from() + " → " + c.to())
                .startsWith("Daniel Okafor: Exceeds → Below", "Priya Natarajan: null → Exceeds");
    }
}
