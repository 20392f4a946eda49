package app.rungs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.evidence.service.EvidenceAuthoring;
import app.rungs.evidence.service.EvidenceReview;
import app.rungs.evidence.service.EvidenceService;
import app.rungs.feedback.service.FeedbackRequests;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonEditingService;
import app.rungs.promotion.PromotionFixtures;
import app.rungs.promotion.service.PacketInputSource;
import app.rungs.promotion.service.PromotionService;
import app.rungs.security.service.AccountService;
import app.rungs.support.IntegrationTest;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A manager asks a colleague for feedback on someone in their team, the colleague answers in the browser, and the
 * manager reads the answer with the colleague's name on the person's Feedback tab and in the promotion packet's
 * peer feedback section.
 */
@IntegrationTest
class PeerFeedbackJourneyBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    FeedbackRequests requests;

    @Autowired
    List<PacketInputSource> packetSources;

    @Autowired
    PromotionService promotions;

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
    void aManagerAsksAPeerThePeerAnswersAndTheManagerReadsItAttributed() {
        var fx = new PromotionFixtures(
                people, peopleEditing, accounts, users, promotions, evidence, evidenceAuthoring, evidenceReview);
        var manager = fx.newManager("Rosa Lind");
        var subject = fx.newEngineer("Timo Berg", "DSE-2", manager);
        var peer = fx.newEngineer("Wen Ito", "DSE-3", manager);
        var subjectName = fx.nameOf(subject);
        var peerName = fx.nameOf(peer);
        var competency = fx.as(manager, () -> requests.competencies(fx.personOf(subject)))
                .getFirst()
                .name();

        // The manager asks, finding the peer by typing part of the name.
        page.signIn(manager, PromotionFixtures.PASSWORD);
        page.open("/feedback");
        page.click("#feedback-ask");
        page.choose("#feedback-subject", "vaadin-combo-box-item", subjectName);
        page.choose("#feedback-competencies", "vaadin-multi-select-combo-box-item", competency);
        page.waitFor("#feedback-peers");
        page.js(
                "arguments[0].opened = true; arguments[0].filter = arguments[1];",
                page.find("#feedback-peers"),
                peerName);
        page.waitFor("vaadin-multi-select-combo-box-item", peerName);
        page.js("arguments[0].click()", page.find("vaadin-multi-select-combo-box-item", peerName));
        page.js("arguments[0].opened = false", page.find("#feedback-peers"));
        page.setValue("#feedback-message", "How did the storage migration go with Timo?");
        page.click("#feedback-send-request");
        page.waitFor("#feedback-requests-grid vaadin-grid-cell-content", subjectName);
        page.waitFor("#feedback-requests-grid vaadin-grid-cell-content", "Pending");

        // The peer answers.
        page.signIn(peer, PromotionFixtures.PASSWORD);
        page.open("/feedback");
        page.waitFor("#feedback-asked-grid vaadin-grid-cell-content", subjectName);
        page.click("vaadin-button", "Answer");
        page.waitFor("#feedback-examples-0");
        page.setValue("#feedback-examples-0", "Timo planned the migration in three reversible steps.");
        page.click("#feedback-send-answer");
        page.clickVisible("vaadin-button[slot='confirm-button']", "Send answer");
        page.waitFor("#feedback-asked-grid vaadin-grid-cell-content", "Answered");
        BrowserTestSupport.screenshot(driver, "peer-feedback-answered");

        // The manager reads it, with the peer's name, on the person's Feedback tab.
        page.signIn(manager, PromotionFixtures.PASSWORD);
        page.open("/people/" + fx.personOf(subject));
        page.click("vaadin-tab", "Feedback");
        page.waitFor(".feedback-answer", "three reversible steps");
        assertThat(page.text("#person-feedback")).contains("— " + peerName).contains(competency);

        // And in the packet's peer feedback section, as reviewers read it.
        var request =
                new PacketInputSource.Request(fx.personOf(subject), null, null, PacketInputSource.Audience.REVIEWERS);
        var section = fx.as(
                manager,
                () -> packetSources.stream()
                        .map(s -> s.section(request))
                        .flatMap(Optional::stream)
                        .filter(s -> s.title().equals("Peer feedback"))
                        .findFirst()
                        .orElseThrow());
        assertThat(section.items())
                .anySatisfy(i -> assertThat(i.text() + " " + i.detail())
                        .contains("three reversible steps")
                        .contains("— " + peerName));
    }
}
