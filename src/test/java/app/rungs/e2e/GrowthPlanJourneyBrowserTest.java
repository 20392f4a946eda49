package app.rungs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.growth.domain.NoteKind;
import app.rungs.growth.service.GrowthPlans;
import app.rungs.people.service.PeopleService;
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

/** A manager opens an engineer's growth plan on her person page and comments on a goal; the comment is kept. */
@IntegrationTest
class GrowthPlanJourneyBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    GrowthPlans plans;

    @Autowired
    PeopleService people;

    @Autowired
    UserDetailsService users;

    WebDriver driver;
    PageActions page;

    @BeforeEach
    void startBrowser() {
        driver = BrowserTestSupport.startChrome();
        page = new PageActions(driver, "http://localhost:" + port);
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            BrowserTestSupport.screenshot(driver, "growth-plan-last");
            driver.quit();
        }
    }

    @Test
    void aManagerCommentsOnAGoalOfHisEngineersGrowthPlan() {
        var lena = new app.rungs.support.RunAs(users)
                .as(DemoUsers.ENGINEER, () -> people.me().orElseThrow().id());
        var comment = "Pair with Aisha on it " + UUID.randomUUID().toString().substring(0, 6);

        page.signIn(DemoUsers.MANAGER, DemoUsers.PASSWORD);
        page.open("/people/" + lena);
        page.click("vaadin-tab", "Growth plan");
        page.waitFor("#growth-plan", "Own the tracing rollout");
        screenshotBothThemes("growth-plan");

        page.click("#growth-plan vaadin-button", "Comment");
        page.waitFor("#growth-note-text");
        page.setValue("#growth-note-text", comment);
        page.clickVisible("#growth-note-save", "Save");
        page.waitFor("#growth-plan", comment);

        var notes = new app.rungs.support.RunAs(users)
                .as(DemoUsers.ENGINEER, () -> plans.plan(lena)).goals().stream()
                        .flatMap(g -> g.notes().stream())
                        .filter(n -> n.body().equals(comment))
                        .toList();
        assertThat(notes).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(NoteKind.COMMENT);
            assertThat(n.authorName()).isEqualTo("Daniel Okafor");
        });
    }

    private void screenshotBothThemes(String name) {
        BrowserTestSupport.screenshot(driver, name);
        page.js("document.documentElement.setAttribute('theme', 'dark');");
        BrowserTestSupport.screenshot(driver, name + "-dark");
        page.js("document.documentElement.removeAttribute('theme');");
    }
}
