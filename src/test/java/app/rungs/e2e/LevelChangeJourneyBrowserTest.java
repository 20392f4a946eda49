package app.rungs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.people.service.NewPerson;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonDetails;
import app.rungs.people.service.PersonEditingService;
import app.rungs.security.service.AccountService;
import app.rungs.security.service.SystemAuthentication;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An admin changes a level on the person page: a date before the person started is refused and changes nothing; a
 * later date schedules the change (the current level stays, the change shows as upcoming) and can be cancelled. A
 * person who started today reads "started today", not "1 wk".
 */
@IntegrationTest
class LevelChangeJourneyBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    PeopleService people;

    @Autowired
    PersonEditingService editing;

    @Autowired
    AccountService accounts;

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
            BrowserTestSupport.screenshot(driver, "level-change-last");
            driver.quit();
        }
    }

    private Long newEngineer(String name, LocalDate start) {
        var suffix = UUID.randomUUID().toString().substring(0, 6);
        return SystemAuthentication.call(() -> {
            var ladderId = people.details(accounts.findByUsername(DemoUsers.ENGINEER)
                            .orElseThrow()
                            .personId())
                    .ladderId();
            return editing.create(
                    new NewPerson(
                            name + " " + suffix,
                            "level." + suffix + "@journey.test",
                            "Distributed Systems Engineer",
                            null,
                            null,
                            ladderId,
                            "DSE-2",
                            null,
                            null,
                            null,
                            null,
                            start),
                    start);
        });
    }

    private PersonDetails details(Long id) {
        return SystemAuthentication.call(() -> people.details(id));
    }

    @Test
    void aChangeBeforeTheStartIsRefusedAndALaterOneIsScheduledShownAsUpcomingAndCancellable() {
        var start = LocalDate.now().minusMonths(8);
        var id = newEngineer("Hana Level", start);
        page.signIn(DemoUsers.ADMIN, DemoUsers.PASSWORD);
        page.open("/people/" + id);
        page.waitFor("#change-level");

        // ---- before the start date: refused, nothing changes
        page.click("#change-level");
        page.choose("#level-dialog-level", "vaadin-combo-box-item", "DSE-3");
        page.setDate("#level-dialog-effective", start.minusDays(3));
        page.click("#level-dialog-save");
        page.waiting()
                .until(d -> page.text("#level-dialog-error").contains("before")
                        || Boolean.TRUE.equals(
                                page.js("return arguments[0].invalid", page.find("#level-dialog-effective"))));
        BrowserTestSupport.screenshot(driver, "level-change-before-start-refused");
        assertThat(page.find("#level-dialog-save")).as("the dialog stays open").isNotNull();
        assertThat(details(id).levelKey()).isEqualTo("DSE-2");
        assertThat(details(id).history()).hasSize(1);

        // ---- a later date: scheduled, shown as upcoming, the current level stays
        var later = LocalDate.now().plusMonths(2);
        page.setDate("#level-dialog-effective", later);
        page.click("#level-dialog-save");
        page.waitFor(".scheduled-change", "Scheduled: DSE-3");
        BrowserTestSupport.screenshot(driver, "level-change-scheduled");
        assertThat(page.text(".person-badges")).contains("DSE-2").doesNotContain("DSE-3");
        // The browser's locale decides the format; day and year show in every one of them.
        assertThat(page.text(".scheduled-change"))
                .contains(String.valueOf(later.getYear()))
                .contains(String.valueOf(later.getDayOfMonth()));
        assertThat(details(id).levelKey()).isEqualTo("DSE-2");
        assertThat(details(id).scheduledChanges())
                .singleElement()
                .satisfies(h -> assertThat(h.effectiveDate()).isEqualTo(later));

        // ---- cancelled after a confirmation
        page.click(".scheduled-change vaadin-button");
        page.waitFor("vaadin-button", "Cancel the change");
        page.clickVisible("vaadin-button", "Cancel the change");
        page.waiting().until(d -> details(id).scheduledChanges().isEmpty());
        // The page is rebuilt without the line (a closed tab may keep an old, hidden copy).
        page.waiting()
                .until(d -> Boolean.TRUE.equals(page.js("return [...document.querySelectorAll('.scheduled-change')]"
                        + ".every(e => e.getClientRects().length === 0)")));
        assertThat(details(id).scheduledChanges()).isEmpty();
        assertThat(details(id).levelKey()).isEqualTo("DSE-2");
    }

    @Test
    void someoneWhoStartedTodayReadsStartedTodayNotAWeek() {
        var id = newEngineer("Ivo Today", LocalDate.now());
        page.signIn(DemoUsers.ADMIN, DemoUsers.PASSWORD);
        page.open("/people/" + id);
        page.waitFor(".facts", "Started");
        BrowserTestSupport.screenshot(driver, "person-started-today");
        var facts = page.text(".facts");
        assertThat(facts).contains(LocalDate.now().getYear() + " (started today)");
        assertThat(facts).doesNotContain("wk");
        assertThat(page.text(".level-card")).contains("in this level from today");
    }
}
