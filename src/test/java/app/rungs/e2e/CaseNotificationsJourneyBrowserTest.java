package app.rungs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.evidence.service.EvidenceAuthoring;
import app.rungs.evidence.service.EvidenceReview;
import app.rungs.evidence.service.EvidenceService;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonEditingService;
import app.rungs.promotion.PromotionFixtures;
import app.rungs.promotion.service.PromotionReviews;
import app.rungs.promotion.service.PromotionService;
import app.rungs.security.service.AccountService;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * What others do to a person's promotion case reaches them in the app: the engineer's bell counts the answer to their
 * self-nomination and the case's move into calibration, and a reviewer is asked by name.
 */
@IntegrationTest
class CaseNotificationsJourneyBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    PromotionService promotions;

    @Autowired
    PromotionReviews reviews;

    @Autowired
    PeopleService people;

    @Autowired
    PersonEditingService peopleEditing;

    @Autowired
    AccountService accounts;

    @Autowired
    UserDetailsService users;

    @Autowired
    EvidenceService evidence;

    @Autowired
    EvidenceAuthoring evidenceAuthoring;

    @Autowired
    EvidenceReview evidenceReview;

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
            driver.quit();
        }
    }

    @Test
    void anEngineerSeesTheAnswerToTheirSelfNominationAndTheCaseMoveAndAReviewerSeesTheRequest() {
        var fx = new PromotionFixtures(
                people, peopleEditing, accounts, users, promotions, evidence, evidenceAuthoring, evidenceReview);
        var manager = fx.newManager("Nadia Brook");
        var engineer = fx.newEngineer("Milo Hart", "DSE-2", manager);
        var reviewer = fx.newEngineer("Ines Roth", "DSE-3", manager);

        var id = fx.as(engineer, () -> promotions.nominateSelf("DSE-3", "2026-H2", "I run the design reviews."));
        fx.run(manager, () -> promotions.accept(id, fx.version(id), null));
        fx.run(manager, () -> reviews.addReviewer(id, fx.version(id), fx.personOf(reviewer)));
        fx.run(manager, () -> promotions.submit(id, fx.version(id), null));
        fx.run(DemoUsers.ADMIN, () -> promotions.startCalibration(id, fx.version(id), null));

        page.signIn(engineer, PromotionFixtures.PASSWORD);
        page.waitFor(".notification-count");
        page.waiting().until(d -> page.text(".notification-count").matches("[2-9]|[1-9][0-9]+"));
        page.open("/notifications");
        page.waitFor(".notification-entry", "Your self-nomination for DSE-3 was accepted");
        page.waitFor(".notification-entry", "in calibration");
        assertThat(page.find(".notification-entry", "Your self-nomination for DSE-3 was accepted"))
                .isNotNull();
        assertThat(page.find(".notification-entry", "in calibration")).isNotNull();
        BrowserTestSupport.screenshot(driver, "case-notifications-engineer");

        page.signIn(reviewer, PromotionFixtures.PASSWORD);
        page.open("/notifications");
        page.waitFor(".notification-entry", "Please review " + fx.nameOf(engineer));
        // The request is the reviewer's alone: the answer to the engineer's self-nomination is not theirs to see.
        assertThat(page.find(".notification-entry", "Your self-nomination for DSE-3 was accepted"))
                .isNull();
    }
}
