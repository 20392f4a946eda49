package app.rungs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.calibration.CalibrationFixtures;
import app.rungs.calibration.FairCalibrationFixtures;
import app.rungs.calibration.service.BoardEntries;
import app.rungs.calibration.service.CalibrationBoard;
import app.rungs.calibration.service.CalibrationSessions;
import app.rungs.calibration.service.PotentialRatings;
import app.rungs.calibration.service.SessionLifecycle;
import app.rungs.fairness.service.OutcomeAuditSettingsService;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonEditingService;
import app.rungs.security.service.AccountService;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * After a session locks, an admin opens its outcome audit from the session's header: a manager's group of 3 engineers
 * reads "fewer than 5" with no numbers, while each team of 5 shows its counts. The 9-box of the same session places
 * the engineers by rating and potential. An engineer answers the demographics questions on their own profile once the
 * organization records them.
 */
@IntegrationTest
class OutcomeAuditJourneyBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    CalibrationSessions sessions;

    @Autowired
    CalibrationBoard boards;

    @Autowired
    BoardEntries entries;

    @Autowired
    SessionLifecycle lifecycle;

    @Autowired
    PotentialRatings potentials;

    @Autowired
    OutcomeAuditSettingsService settings;

    @Autowired
    PeopleService people;

    @Autowired
    PersonEditingService editing;

    @Autowired
    AccountService accounts;

    @Autowired
    UserDetailsService users;

    WebDriver driver;
    PageActions page;
    FairCalibrationFixtures fair;

    @BeforeEach
    void startBrowser() {
        var fx = new CalibrationFixtures(people, editing, accounts, users, sessions);
        fair = new FairCalibrationFixtures(fx, sessions, boards, entries, lifecycle, potentials, settings);
        driver = BrowserTestSupport.startChrome();
        page = new PageActions(driver, "http://localhost:" + port);
    }

    @AfterEach
    void stopBrowser() {
        fair.recordDemographics(false);
        if (driver != null) {
            BrowserTestSupport.screenshot(driver, "outcome-audit-last");
            driver.quit();
        }
    }

    @Test
    void afterLockTheOutcomeAuditShowsAGroupOfThreeAsSuppressed() {
        var s = fair.locked();
        var alex = "Alex Manager " + s.one().teamName().substring("Calibration team ".length());
        page.signIn(DemoUsers.ADMIN, DemoUsers.PASSWORD);
        page.open("/calibration/" + s.sessionId());
        page.waitFor("#tab-outcome-audit");
        page.click("#tab-outcome-audit");
        page.waitFor("#breakdown-manager", alex);

        // Alex's three engineers: the row says "fewer than 5" and carries no number.
        var managerRow = rowText("#breakdown-manager", alex);
        assertThat(managerRow).contains("fewer than 5");
        assertThat(managerRow.replace(alex, "").replace("fewer than 5", "")).doesNotContainPattern("\\d");
        // A team of five is shown with its counts.
        assertThat(rowText("#breakdown-team", s.one().teamName())).contains("5").doesNotContain("fewer than");
        // A lone small level takes the other level with it.
        assertThat(rowText("#breakdown-level", "DSE-2")).contains("hidden to protect a small group");
        screenshotBothThemes("outcome-audit");

        page.click("#tab-nine-box");
        page.waitFor("#box-high-2", "Ada");
        assertThat(page.text("#box-high-2")).contains("4 people");
        screenshotBothThemes("nine-box");

        page.open("/admin/outcome-audit");
        page.waitFor("#minimum-group-size");
        page.waitFor("#demographics-holders", "Admin");
        screenshotBothThemes("outcome-audit-settings");

        // ---- an engineer answers on their own profile once recording is on
        fair.recordDemographics(true);
        driver.manage().deleteAllCookies();
        page.signIn(s.one().engineer("Ben"), CalibrationFixtures.PASSWORD);
        page.open("/profile");
        page.waitFor("vaadin-tab", "Demographics");
        page.click("vaadin-tab", "Demographics");
        page.waitFor("#demographics-gender");
        screenshotBothThemes("profile-demographics");
    }

    /** The text of the table row of a breakdown card whose first cell is the label. */
    private String rowText(String card, String label) {
        return (String) ((JavascriptExecutor) driver).executeScript("""
                        for (const row of document.querySelectorAll(arguments[0] + ' tr')) {
                          const th = row.querySelector('th');
                          if (th && th.textContent.trim() === arguments[1]) return row.textContent;
                        }
                        return null;""", card, label);
    }

    private void screenshotBothThemes(String name) {
        BrowserTestSupport.screenshot(driver, name);
        page.js("document.documentElement.setAttribute('theme', 'dark');");
        BrowserTestSupport.screenshot(driver, name + "-dark");
        page.js("document.documentElement.removeAttribute('theme');");
    }
}
