package app.rungs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.calibration.CalibrationFixtures;
import app.rungs.calibration.domain.SessionStatus;
import app.rungs.calibration.service.CalibrationSessions;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonEditingService;
import app.rungs.promotion.domain.CaseStatus;
import app.rungs.promotion.service.PromotionService;
import app.rungs.security.service.AccountService;
import app.rungs.security.service.SystemAuthentication;
import app.rungs.support.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A facilitator starts a calibration session from the board: the step is confirmed first (cancelling changes
 * nothing); a case submitted after the start shows as outside this session and is not counted among its cases; the
 * engineers' names lead to their person pages.
 */
@IntegrationTest
class CalibrationStartJourneyBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    CalibrationSessions sessions;

    @Autowired
    PromotionService promotions;

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
    CalibrationFixtures fx;
    CalibrationFixtures.Org org;
    String cycle;

    @BeforeEach
    void startBrowser() {
        fx = new CalibrationFixtures(people, editing, accounts, users, sessions);
        org = fx.org();
        cycle = "B-" + UUID.randomUUID().toString().substring(0, 8);
        driver = BrowserTestSupport.startChrome();
        page = new PageActions(driver, "http://localhost:" + port);
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            BrowserTestSupport.screenshot(driver, "calibration-start-last");
            driver.quit();
        }
    }

    private Long submittedCase(String engineer) {
        return fx.as(org.managerA(), () -> {
            var id = promotions.nominate(org.person(engineer), "DSE-3", cycle, engineer + " leads at DSE-3 already.");
            promotions.submit(id, promotions.details(id).version(), null);
            return id;
        });
    }

    private CaseStatus status(Long caseId) {
        return SystemAuthentication.call(() -> promotions.details(caseId).status());
    }

    private SessionStatus sessionStatus(Long id) {
        return fx.as(org.director(), () -> sessions.session(id).status());
    }

    @Test
    void startingAsksFirstAndALateCaseStaysOutsideTheSession() {
        var ben = submittedCase("Ben");
        var id = fx.session(org, cycle);
        page.signIn(org.director(), CalibrationFixtures.PASSWORD);
        page.open("/calibration/" + id);
        page.waitFor("#start-session");

        // ---- the engineer's name leads to their person page
        page.waitFor("#board-grid a[href$='people/" + org.person("Ben") + "']");

        // ---- Start asks; "Cancel" changes nothing
        page.click("#start-session");
        page.waitFor("vaadin-confirm-dialog, vaadin-confirm-dialog-overlay", "cannot go back to preparation");
        screenshotBothThemes("calibration-start-confirm");
        page.clickVisible("vaadin-button[slot='cancel-button']", "Cancel");
        // Wait until the closed dialog has left the page. It animates out first, and the server keeps it (as the
        // page's modal component) until the browser reports it closed; a click before that races with it.
        page.waitGone("vaadin-confirm-dialog", null);
        assertThat(sessionStatus(id)).isEqualTo(SessionStatus.PREPARING);
        assertThat(status(ben)).isEqualTo(CaseStatus.SUBMITTED);

        // ---- confirmed: the session starts and takes the submitted case in
        page.click("#start-session");
        page.waitFor("vaadin-confirm-dialog, vaadin-confirm-dialog-overlay", "cannot go back to preparation");
        page.clickVisible("vaadin-button[slot='confirm-button']", "Start session");
        page.waiting().until(d -> sessionStatus(id) == SessionStatus.IN_SESSION);
        assertThat(status(ben)).isEqualTo(CaseStatus.IN_CALIBRATION);

        // ---- a case submitted now stays outside this session: shown so, and not counted
        var cy = submittedCase("Cy");
        page.open("/calibration/" + id);
        page.waitFor("#board-grid", "decided in a later session");
        screenshotBothThemes("calibration-late-case");
        assertThat(page.pageText()).contains("Promotion cases (+1 outside this session)");
        assertThat(status(cy)).isEqualTo(CaseStatus.SUBMITTED);
    }

    /** The screen as it is (light) and in the dark theme, for docs/screenshots. */
    private void screenshotBothThemes(String name) {
        BrowserTestSupport.screenshot(driver, name);
        page.js("document.documentElement.setAttribute('theme', 'dark');");
        BrowserTestSupport.screenshot(driver, name + "-dark");
        page.js("document.documentElement.removeAttribute('theme');");
    }
}
