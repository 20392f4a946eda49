package app.rungs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.calibration.CalibrationFixtures;
import app.rungs.calibration.service.CalibrationSessions;
import app.rungs.cycle.service.CycleStep;
import app.rungs.cycle.service.ReviewCycles;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonEditingService;
import app.rungs.promotion.service.PromotionQueries;
import app.rungs.promotion.service.PromotionService;
import app.rungs.security.service.AccountService;
import app.rungs.support.DemoUsers;
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
 * An admin opens a review cycle; a manager's progress view counts their team's nominations in it, moves when a
 * nomination is made in the cycle, and drills down to who is still missing.
 */
@IntegrationTest
class CycleProgressJourneyBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    ReviewCycles cycles;

    @Autowired
    PromotionService promotions;

    @Autowired
    PromotionQueries promotionQueries;

    @Autowired
    CalibrationSessions sessions;

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

    @BeforeEach
    void startBrowser() {
        fx = new CalibrationFixtures(people, editing, accounts, users, sessions);
        org = fx.org();
        driver = BrowserTestSupport.startChrome();
        page = new PageActions(driver, "http://localhost:" + port);
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            BrowserTestSupport.screenshot(driver, "cycles-last");
            driver.quit();
        }
    }

    @Test
    void anAdminOpensACycleAndTheManagersProgressMovesWithANomination() {
        var label = "E-" + UUID.randomUUID().toString().substring(0, 8);

        // ---- the admin opens the cycle with the suggested windows
        page.signIn(DemoUsers.ADMIN, DemoUsers.PASSWORD);
        page.open("/cycles");
        page.click("#open-cycle");
        page.waitFor("#cycle-label");
        screenshotBothThemes("cycles-open-dialog");
        page.setValue("#cycle-label", label);
        page.clickVisible("#cycle-save", "Open cycle");
        page.waitFor("h2", "Cycle " + label);
        var id = fx.as(DemoUsers.ADMIN, () -> cycles.byLabel(label))
                .orElseThrow()
                .id();
        assertThat(fx.as(org.managerA(), () -> cycles.openLabels())).contains(label);

        // ---- the manager sees their team: nobody nominated yet
        page.signIn(org.managerA(), CalibrationFixtures.PASSWORD);
        page.open("/cycles?cycle=" + id);
        page.waitFor("#cycle-managers", "0 of 3 nominations in");

        // ---- a nomination in the cycle moves the count
        var ada = org.person("Ada");
        fx.as(
                org.managerA(),
                () -> promotions.nominate(
                        ada,
                        promotionQueries.targetLevels(ada).getFirst().key(),
                        label,
                        "Ada leads at the next level."));
        page.open("/cycles?cycle=" + id);
        page.waitFor("#cycle-managers", "1 of 3 nominations in");
        screenshotBothThemes("cycles-progress-manager");

        // ---- the drill-down names who is missing
        page.click("#cycle-managers .cycle-progress", "nominations in");
        page.waitFor("#cycle-missing", "Test Ben");
        assertThat(page.text("#cycle-missing")).contains("Test Cy").doesNotContain("Test Ada");
        assertThat(fx.as(DemoUsers.ADMIN, () -> cycles.get(id)).window(CycleStep.NOMINATION))
                .isNotNull();
        screenshotBothThemes("cycles-missing");
    }

    /** The screen as it is (light) and in the dark theme, for docs/screenshots. */
    private void screenshotBothThemes(String name) {
        BrowserTestSupport.screenshot(driver, name);
        page.js("document.documentElement.setAttribute('theme', 'dark');");
        BrowserTestSupport.screenshot(driver, name + "-dark");
        page.js("document.documentElement.removeAttribute('theme');");
    }
}
