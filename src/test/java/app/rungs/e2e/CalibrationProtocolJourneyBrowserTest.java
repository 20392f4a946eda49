package app.rungs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.calibration.CalibrationFixtures;
import app.rungs.calibration.service.BoardEntries;
import app.rungs.calibration.service.BoardEntry;
import app.rungs.calibration.service.CalibrationBoard;
import app.rungs.calibration.service.CalibrationSessions;
import app.rungs.calibration.service.SessionRecord;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonEditingService;
import app.rungs.security.service.AccountService;
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
 * The calibration protocol in three browsers: two managers pre-rate blind (neither sees the other's rating), the
 * facilitator starts the session and both managers' open boards reveal the pre-ratings together; the agenda starts
 * with the largest disagreement and its timer shows on every board; a final rating moved away from the proposal
 * without a rationale is refused, and saved once the rationale is written.
 */
@IntegrationTest
class CalibrationProtocolJourneyBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    CalibrationSessions sessions;

    @Autowired
    CalibrationBoard boards;

    @Autowired
    BoardEntries boardEntries;

    @Autowired
    SessionRecord records;

    @Autowired
    PeopleService people;

    @Autowired
    PersonEditingService editing;

    @Autowired
    AccountService accounts;

    @Autowired
    UserDetailsService users;

    WebDriver alexDriver;
    WebDriver beaDriver;
    WebDriver danaDriver;
    PageActions alex;
    PageActions bea;
    PageActions dana;
    CalibrationFixtures fx;
    CalibrationFixtures.Org org;
    Long id;
    BoardEntry ada;

    @BeforeEach
    void session() {
        fx = new CalibrationFixtures(people, editing, accounts, users, sessions);
        org = fx.org();
        id = fx.session(org, "P-" + UUID.randomUUID().toString().substring(0, 8));
        ada = entry("Ada");
        // Alex proposes Greatly exceeds for Ada: the starting final rating, and the proposal a change moves away from.
        fx.as(
                org.managerA(),
                () -> boardEntries.propose(ada.id(), ada.version(), "Greatly exceeds", "Led the storage migration."));
        var base = "http://localhost:" + port;
        alexDriver = BrowserTestSupport.startChrome();
        beaDriver = BrowserTestSupport.startChrome();
        danaDriver = BrowserTestSupport.startChrome();
        alex = new PageActions(alexDriver, base);
        bea = new PageActions(beaDriver, base);
        dana = new PageActions(danaDriver, base);
    }

    @AfterEach
    void stopBrowsers() {
        var names = new String[] {"alex", "bea", "dana"};
        var drivers = new WebDriver[] {alexDriver, beaDriver, danaDriver};
        for (int i = 0; i < drivers.length; i++) {
            if (drivers[i] != null) {
                BrowserTestSupport.screenshot(drivers[i], "calibration-protocol-last-" + names[i]);
                drivers[i].quit();
            }
        }
    }

    private BoardEntry entry(String firstName) {
        return fx.as(org.director(), () -> boards.board(id)).entries().stream()
                .filter(e -> e.personId().equals(org.person(firstName)))
                .findFirst()
                .orElseThrow();
    }

    private static String selectSelector(String engineer) {
        return "vaadin-select[data-engineer^='" + engineer + "']";
    }

    /** The label a pre-rating select shows for an engineer. */
    private static String shown(PageActions page, String engineer) {
        return (String) page.js(
                "const s = document.querySelector(arguments[0]);"
                        + " const b = s && s.querySelector('vaadin-select-value-button');"
                        + " return b ? b.textContent.trim() : null;",
                selectSelector(engineer));
    }

    private void preRate(PageActions page, String engineer, String rating) {
        page.waitFor(selectSelector(engineer));
        choose(page, selectSelector(engineer), rating);
        page.waiting().until(d -> rating.equals(shown(page, engineer)));
    }

    /**
     * Opens one select and clicks its item with exactly this label. Grid rows are not in document order and every
     * row has a select, so the item is looked up within the select opened (or, if its list lives in an overlay, among
     * the visible items only).
     */
    private static void choose(PageActions page, String selector, String label) {
        page.waiting().until(d -> Boolean.TRUE.equals(page.js("""
                const [selector, label] = arguments;
                const s = document.querySelector(selector);
                if (!s) return false;
                // Open it as a user does, by clicking it; its items take clicks once the overlay shows them.
                if (!s.opened) { s.click(); return false; }
                let items = [...s.querySelectorAll('vaadin-select-item')].filter(i => i.getClientRects().length > 0);
                if (!items.length) {
                  const visit = (root) => {
                    for (const el of root.querySelectorAll('vaadin-select-item')) {
                      if (el.getClientRects().length > 0) items.push(el);
                    }
                    for (const host of root.querySelectorAll('*')) if (host.shadowRoot) visit(host.shadowRoot);
                  };
                  visit(document);
                }
                const item = items.find(i => i.textContent.trim() === label);
                if (!item) return false;
                item.click();
                return true;
                """, selector, label)));
    }

    @Test
    void blindPreRatingsAreRevealedTogetherAndTheAgendaLeadsWithTheLargestDisagreement() {
        var adaName = ada.personName();

        // ---- Alex pre-rates Ada; Bea does not see his rating, and rates Ada herself
        alex.signIn(org.managerA(), CalibrationFixtures.PASSWORD);
        alex.open("/calibration/" + id + "/pre-ratings");
        preRate(alex, "Test Ada", "Greatly exceeds");
        alex.waitFor("#pre-rating-count", "1 of 5 rated");
        // Cy: a smaller disagreement (Meets against Exceeds) comes after Ada's on the agenda.
        preRate(alex, "Test Cy", "Meets");

        bea.signIn(org.managerB(), CalibrationFixtures.PASSWORD);
        bea.open("/calibration/" + id + "/pre-ratings");
        bea.waitFor(selectSelector("Test Ada"));
        assertThat(shown(bea, "Test Ada")).isEqualTo("Not rated");
        bea.waitFor("#pre-rating-progress [data-participant^='Alex']", "2/5 pre-rated");
        screenshotBothThemes(bea, "calibration-pre-ratings");
        preRate(bea, "Test Ada", "Below");
        preRate(bea, "Test Cy", "Exceeds");

        // Alex, reloading, still sees only his own rating of Ada.
        alex.open("/calibration/" + id + "/pre-ratings");
        alex.waitFor(selectSelector("Test Ada"));
        alex.waiting().until(d -> "Greatly exceeds".equals(shown(alex, "Test Ada")));
        assertThat(alex.pageText()).doesNotContain("Below (Bea");

        // ---- both managers open the board: pre-ratings are still blind there
        alex.open("/calibration/" + id);
        bea.open("/calibration/" + id);
        alex.waitFor("#agenda-blind");
        bea.waitFor("#agenda-blind");

        // ---- the facilitator starts the session; both open boards reveal the pre-ratings together
        dana.signIn(org.director(), CalibrationFixtures.PASSWORD);
        dana.open("/calibration/" + id);
        dana.click("#start-session");
        dana.waitFor("vaadin-confirm-dialog, vaadin-confirm-dialog-overlay", "cannot go back to preparation");
        dana.clickVisible("vaadin-button[slot='confirm-button']", "Start session");
        for (var page : new PageActions[] {alex, bea}) {
            page.waitFor("#agenda-grid vaadin-grid-cell-content", "Greatly exceeds (Alex");
            page.waitFor("#agenda-grid vaadin-grid-cell-content", "Below (Bea");
            page.waitFor("#agenda-grid vaadin-grid-cell-content", "Below–Greatly exceeds · 1 of 2 disagree");
        }

        // ---- the agenda starts with the largest disagreement; its timer shows on every board
        dana.waitFor("#agenda-next");
        dana.click("#agenda-next");
        for (var page : new PageActions[] {alex, bea, dana}) {
            page.waitFor("#agenda-now", "Now discussing 1 of 5: " + adaName);
            page.waiting().until(d -> page.text("#agenda-timer").matches("\\d\\d:\\d\\d"));
        }
        screenshotBothThemes(bea, "calibration-agenda");
        dana.click("#agenda-next");
        alex.waitFor("#agenda-now", "Now discussing 2 of 5: " + entry("Cy").personName());

        // ---- a final rating away from the proposal without a rationale is refused
        choose(dana, "#final-rating-" + ada.id(), "Meets");
        dana.waitFor("#rationale-message", "a final rating that differs from the proposal needs a rationale");
        assertThat(entry("Ada").finalRating()).isEqualTo("Greatly exceeds");
        screenshotBothThemes(dana, "calibration-rationale-required");
        dana.setValue("#rationale-text", "Scope was team-level this cycle; peers at Meets led larger work.");
        dana.click("#rationale-save");
        dana.waiting().until(d -> "Meets".equals(entry("Ada").finalRating()));
        var logged = fx.as(org.managerB(), () -> records.changeLog(id)).stream()
                .filter(r -> r.field().equals("Final rating") && "Meets".equals(r.to()))
                .findFirst()
                .orElseThrow();
        assertThat(logged.reason()).isEqualTo("Scope was team-level this cycle; peers at Meets led larger work.");
        assertThat(logged.actorName()).startsWith("Dana Director");

        // ---- the session report shows the time per person and the change log
        dana.click("#open-session-report");
        dana.waitFor("#change-log vaadin-grid-cell-content", "Scope was team-level this cycle");
        dana.waitFor("#report-by-manager vaadin-grid-cell-content", "Alex Manager");
        screenshotBothThemes(dana, "calibration-session-report");
    }

    /** The screen as it is (light) and in the dark theme, for docs/screenshots. */
    private void screenshotBothThemes(PageActions page, String name) {
        var driver = page == alex ? alexDriver : page == bea ? beaDriver : danaDriver;
        BrowserTestSupport.screenshot(driver, name);
        page.js("document.documentElement.setAttribute('theme', 'dark');");
        BrowserTestSupport.screenshot(driver, name + "-dark");
        page.js("document.documentElement.removeAttribute('theme');");
    }
}
