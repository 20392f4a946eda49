package app.rungs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.evidence.service.EvidenceAuthoring;
import app.rungs.evidence.service.EvidenceReview;
import app.rungs.evidence.service.EvidenceService;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonEditingService;
import app.rungs.promotion.PromotionFixtures;
import app.rungs.promotion.service.PromotionQueries;
import app.rungs.promotion.service.PromotionService;
import app.rungs.security.service.AccountService;
import app.rungs.security.service.SystemAuthentication;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * An engineer and her manager each complete a check-in blind — each sees who they wait for and never the other's
 * ratings — then both see the comparison with their disagreement highlighted, the manager records what they agreed,
 * and the packet of her promotion case shows the agreed check-in.
 */
@IntegrationTest
class CheckInJourneyBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    PromotionService promotions;

    @Autowired
    PromotionQueries queries;

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
    void anEngineerAndHerManagerRateBlindCompareAgreeAndThePacketShowsTheAgreedCheckIn() {
        var fx = new PromotionFixtures(
                people, peopleEditing, accounts, users, promotions, evidence, evidenceAuthoring, evidenceReview);
        var manager = fx.newManager("Rosa Check");
        var engineer = fx.newEngineer("Iris Check", "DSE-2", manager);
        var managerName = fx.nameOf(manager);
        var engineerName = fx.nameOf(engineer);
        var caseId = fx.as(
                manager,
                () -> promotions.nominate(fx.personOf(engineer), "DSE-3", "2026-H2", "Iris runs our design reviews."));

        // The engineer starts her check-in and rates every competency: the first one higher than the rest.
        page.signIn(engineer, PromotionFixtures.PASSWORD);
        page.open("/check-ins");
        page.click("#start-check-in-button");
        page.waitFor("#start-confirm");
        page.clickVisible("vaadin-button", "Start check-in");
        page.waitFor("#check-in-form");
        rateAll("Meets", "Exceeds", "engineer-journey-note");
        page.click("#check-in-submit");
        page.waitFor("#check-in-banner", "Waiting for " + managerName);
        page.open("/check-ins");
        page.waitFor("#check-ins-grid .badge", "Waiting for " + managerName);

        // Her manager is told it waits for him, rates blind — her ratings and note are nowhere on his page.
        page.signIn(manager, PromotionFixtures.PASSWORD);
        page.open("/check-ins");
        page.waitFor("#check-ins-grid .badge", "Waiting for you");
        page.click("#check-ins-grid vaadin-grid-cell-content", engineerName);
        page.waitFor("#check-in-form");
        page.waitFor("#check-in-banner", engineerName + " has submitted");
        assertThat(page.pageText()).doesNotContain("engineer-journey-note");
        assertThat(page.find("#check-in-comparison")).isNull();
        rateAll("Meets", "Meets", "manager-journey-note");
        page.click("#check-in-submit");

        // Both submitted: the comparison highlights the one competency they rated differently.
        page.waitFor("#check-in-comparison");
        page.waitFor("#check-in-banner", "1 competency rated differently");
        assertThat(page.js("return document.querySelectorAll('#check-in-comparison tr.disagree').length"))
                .isEqualTo(1L);
        assertThat(page.pageText()).contains("engineer-journey-note");
        shot("check-in-comparison");
        var firstKey = (String)
                page.js("return document.querySelector('#check-in-comparison tr.disagree').dataset.competency");
        page.choose("#outcome-" + firstKey, "vaadin-select-item", "Exceeds");
        page.setValue("#agreement-note", "Agreed in our one-on-one");
        page.click("#check-in-agree");
        page.waitFor("#check-in-banner", "frozen against");

        // She sees the comparison and the agreement too, and her packet shows the agreed check-in.
        page.signIn(engineer, PromotionFixtures.PASSWORD);
        page.open("/check-ins");
        page.waitFor("#check-ins-grid .badge", "Agreed");
        page.click("#check-ins-grid vaadin-grid-cell-content", engineerName);
        page.waitFor("#check-in-comparison");
        assertThat(page.pageText()).contains("manager-journey-note").contains("Agreed in our one-on-one");
        page.click("#check-in-acknowledge");
        page.waitFor("#check-in-banner", "Acknowledged by");
        page.open("/promotions/" + caseId);
        page.waitFor(".packet-input", "Latest agreed check-in");
        assertThat(page.text(".packet-input"))
                .contains("Agreed in our one-on-one")
                .contains("Exceeds");
    }

    @Test
    void aManagerSeesEveryStageOfHisReportsCheckInsAndHowHerOutcomesMoved() {
        var lena = SystemAuthentication.call(
                () -> accounts.findByUsername(DemoUsers.ENGINEER).orElseThrow().personId());
        var lenaCase = SystemAuthentication.call(() -> queries.casesOf(lena))
                .getFirst()
                .id();
        page.signIn(DemoUsers.MANAGER, DemoUsers.PASSWORD);
        page.open("/check-ins");
        for (var stage : List.of("Waiting for you", "Waiting for Olga Petrova", "Ready to compare", "Agreed")) {
            page.waitFor("#check-ins-grid .badge", stage);
        }
        shot("check-ins-list");

        page.open("/people/" + lena);
        page.click("vaadin-tab", "Check-ins");
        page.waitFor(".checkin-history-table");
        // Two agreed check-ins months apart: a column each, a trend per competency.
        assertThat(page.js("return document.querySelectorAll('.checkin-history-table thead th').length"))
                .isEqualTo(4L);
        shot("check-ins-person-tab");

        page.open("/promotions/" + lenaCase);
        page.waitFor(".packet-input", "Latest agreed check-in");
        page.js("document.querySelector('.packet-input').scrollIntoView()");
        shot("check-ins-packet-section");
    }

    /** A screenshot in the light and in the dark theme. */
    private void shot(String name) {
        BrowserTestSupport.screenshot(driver, name);
        page.js("document.documentElement.setAttribute('theme', 'dark')");
        BrowserTestSupport.screenshot(driver, name + "-dark");
        page.js("document.documentElement.removeAttribute('theme')");
    }

    /** Picks a rating in every group (the first group gets {@code first}) and writes a note on the first one. */
    private void rateAll(String rest, String first, String note) {
        page.waitFor("vaadin-radio-group[id^='rate-']");
        page.js("""
                const [rest, first] = arguments;
                const groups = [...document.querySelectorAll("vaadin-radio-group[id^='rate-']")];
                groups.forEach((g, i) => {
                  const want = i === 0 ? first : rest;
                  const radio = [...g.querySelectorAll('vaadin-radio-button')]
                      .find(r => (r.textContent || '').trim() === want);
                  radio.querySelector('input').click();
                });
                """, rest, first);
        var firstNote = (String) page.js("return document.querySelector(\"vaadin-text-area[id^='note-']\").id");
        page.setValue("#" + firstNote, note);
        // Every radio click reaches the server before submitting.
        page.waiting()
                .until(d -> Boolean.TRUE.equals(
                        page.js("return [...document.querySelectorAll(\"vaadin-radio-group[id^='rate-']\")]"
                                + ".every(g => g.value)")));
    }
}
