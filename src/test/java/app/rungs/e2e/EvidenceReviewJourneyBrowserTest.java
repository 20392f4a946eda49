package app.rungs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.evidence.EvidenceFixtures;
import app.rungs.evidence.domain.EvidenceStatus;
import app.rungs.evidence.service.EvidenceFilter;
import app.rungs.evidence.service.EvidenceService;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonEditingService;
import app.rungs.security.service.AccountService;
import app.rungs.security.service.SystemAuthentication;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A new engineer of Daniel Okafor's team logs a postmortem and a publication and submits both; Daniel acknowledges
 * the postmortem and returns the publication with a comment; the engineer sees the comment and their coverage grow.
 */
@IntegrationTest
class EvidenceReviewJourneyBrowserTest {

    private static final String POSTMORTEM = "Postmortem INC-7781: lease service partition";
    private static final String PAPER = "Lease fencing in practice (USENIX ATC)";

    @LocalServerPort
    int port;

    @Autowired
    EvidenceService evidence;

    @Autowired
    PeopleService people;

    @Autowired
    PersonEditingService peopleEditing;

    @Autowired
    AccountService accounts;

    @Autowired
    UserDetailsService users;

    WebDriver driver;
    String base;
    String engineer;
    EvidenceFixtures fx;

    @BeforeEach
    void startBrowser() {
        fx = new EvidenceFixtures(people, peopleEditing, accounts, users, evidence);
        engineer = fx.newEngineer("Jonah Journey", "DSE-1");
        driver = BrowserTestSupport.startChrome();
        base = "http://localhost:" + port;
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void anEngineerSubmitsEvidenceAndTheManagerAcknowledgesOneAndReturnsTheOther() {
        var wait = BrowserTestSupport.waitFor(driver);

        // ---- the engineer logs a postmortem, starting from a competency link as the ladder page offers it
        signIn(engineer, EvidenceFixtures.PASSWORD);
        driver.get(base + "/coverage");
        wait.until(d -> text("#coverage-summary").startsWith("0 of "));
        var before = text("#coverage-summary");
        assertThat(classes("#coverage-line-fault-tolerance-resilience")).contains("state-gap");
        BrowserTestSupport.screenshot(driver, "evidence-journey-coverage-before");

        driver.get(base + "/my-evidence?new=1&competency=fault-tolerance-resilience");
        wait.until(d -> !d.findElements(By.id("evidence-editor")).isEmpty() && find("#evidence-type") != null);
        chooseType("Incident postmortem");
        wait.until(d -> find("#evidence-field-incidentId") != null);
        type("#evidence-title", POSTMORTEM);
        type("#evidence-field-incidentId", "INC-7781");
        typeDate("#evidence-field-incidentDate", LocalDate.now().minusDays(12));
        choose("#evidence-field-severity", "SEV2 — major");
        choose("#evidence-field-role", "Postmortem author");
        type("#evidence-field-systemsAffected", "Lease service, metadata store");
        choose("#evidence-field-failureMode", "Network partition");
        typeArea("#evidence-description", "A **partition** isolated the lease leader for 90 s.");
        typeArea("#evidence-impact", "Leases now fence stale leaders; no split-brain writes since.");
        BrowserTestSupport.screenshot(driver, "evidence-journey-editor-postmortem");
        click("#evidence-save-submit");
        wait.until(d -> gridText("#my-evidence-grid").contains(POSTMORTEM));

        // ---- and a publication
        driver.get(base + "/my-evidence?new=1&competency=publications-research");
        wait.until(d -> find("#evidence-type") != null);
        chooseType("Publication");
        wait.until(d -> find("#evidence-field-venue") != null);
        type("#evidence-title", PAPER);
        choose("#evidence-field-venue", "USENIX ATC");
        choose("#evidence-field-kind", "Conference");
        type("#evidence-field-doi", "10.1145/3655038.3665950");
        type("#evidence-field-year", String.valueOf(LocalDate.now().getYear()));
        typeArea("#evidence-impact", "Shared our fencing design with the storage research community.");
        BrowserTestSupport.screenshot(driver, "evidence-journey-editor-publication");
        click("#evidence-save-submit");
        wait.until(d -> gridText("#my-evidence-grid").contains(PAPER));

        var postmortemId = idOf(POSTMORTEM);
        var paperId = idOf(PAPER);
        assertThat(statusOf(postmortemId)).isEqualTo(EvidenceStatus.SUBMITTED);
        assertThat(statusOf(paperId)).isEqualTo(EvidenceStatus.SUBMITTED);

        // ---- the manager acknowledges the postmortem and returns the paper with a comment
        signIn(DemoUsers.MANAGER, DemoUsers.PASSWORD);
        driver.get(base + "/review");
        // The inbox lists the oldest first and other tests leave submitted items in this line: search by title.
        search(POSTMORTEM);
        wait.until(d -> find("#review-" + postmortemId) != null);
        BrowserTestSupport.screenshot(driver, "evidence-journey-review-inbox");
        open("#review-" + postmortemId, "#evidence-acknowledge");
        click("#evidence-acknowledge");
        wait.until(d -> statusOf(postmortemId) == EvidenceStatus.ACKNOWLEDGED);
        click("#evidence-details-close");

        search(PAPER);
        wait.until(d -> find("#review-" + paperId) != null);
        open("#review-" + paperId, "#evidence-return");
        click("#evidence-return");
        wait.until(d -> find("#evidence-return-comment") != null);
        typeArea("#evidence-return-comment", "Please link the camera-ready PDF and say which sections you wrote.");
        click("#evidence-return-confirm");
        wait.until(d -> statusOf(paperId) == EvidenceStatus.RETURNED);

        // ---- the engineer is told of both answers: the bell counts them, the notifications say what happened
        signIn(engineer, EvidenceFixtures.PASSWORD);
        wait.until(d -> text(".notification-count").matches("[2-9]|[1-9][0-9]+"));
        driver.get(base + "/notifications");
        wait.until(d -> BrowserTestSupport.deepFind(d, ".notification-entry", "acknowledged \"" + POSTMORTEM) != null);
        assertThat(BrowserTestSupport.deepFind(driver, ".notification-entry", "returned \"" + PAPER))
                .isNotNull();
        BrowserTestSupport.screenshot(driver, "evidence-journey-notifications");

        // ---- the engineer sees the return comment and the coverage change
        driver.get(base + "/my-evidence");
        wait.until(d -> gridText("#my-evidence-grid").contains("Returned"));
        driver.get(base + "/coverage");
        wait.until(d ->
                find("#coverage-summary") != null && !text("#coverage-summary").equals(before));
        assertThat(text("#coverage-summary")).startsWith("1 of ");
        assertThat(classes("#coverage-line-fault-tolerance-resilience")).contains("state-acknowledged");
        BrowserTestSupport.screenshot(driver, "evidence-journey-coverage-after");
        var details = SystemAuthentication.call(() -> evidence.details(paperId));
        assertThat(details.reviewComment()).startsWith("Please link the camera-ready PDF");
    }

    @Test
    void cancellingAFilledFormAsksBeforeDiscardingIt() {
        var wait = BrowserTestSupport.waitFor(driver);
        signIn(engineer, EvidenceFixtures.PASSWORD);
        driver.get(base + "/my-evidence?new=1");
        wait.until(d -> find("#evidence-title") != null);
        type("#evidence-title", "Half-written design review");

        click("#evidence-cancel");
        wait.until(d -> BrowserTestSupport.deepFind(d, "vaadin-button", "Keep editing") != null);
        BrowserTestSupport.screenshot(driver, "evidence-cancel-asks");
        ((JavascriptExecutor) driver)
                .executeScript(
                        "arguments[0].click()", BrowserTestSupport.deepFind(driver, "vaadin-button", "Keep editing"));
        wait.until(d -> BrowserTestSupport.deepFind(d, "vaadin-button", "Keep editing") == null);
        assertThat(find("#evidence-editor")).as("the editor stays open").isNotNull();
        assertThat(find("#evidence-title input").getDomProperty("value")).isEqualTo("Half-written design review");

        click("#evidence-cancel");
        wait.until(d -> BrowserTestSupport.deepFind(d, "vaadin-button", "Discard") != null);
        ((JavascriptExecutor) driver)
                .executeScript("arguments[0].click()", BrowserTestSupport.deepFind(driver, "vaadin-button", "Discard"));
        wait.until(d -> find("#evidence-editor") == null);
        var owner = fx.personOf(engineer);
        assertThat(SystemAuthentication.call(
                        () -> evidence.find(owner, new EvidenceFilter(null, null, null, null), PageRequest.of(0, 5))))
                .isEmpty();
    }

    // ------------------------------------------------------------ helpers

    private void signIn(String username, String password) {
        driver.manage().deleteAllCookies();
        BrowserTestSupport.signIn(driver, base, username, password);
        BrowserTestSupport.waitFor(driver)
                .until(d -> d.findElements(By.cssSelector("vaadin-app-layout")).size() == 1);
    }

    private Long idOf(String title) {
        var owner = fx.personOf(engineer);
        return SystemAuthentication.call(
                () -> evidence.find(owner, new EvidenceFilter(null, null, null, title), PageRequest.of(0, 5))
                        .getFirst()
                        .id());
    }

    private EvidenceStatus statusOf(Long id) {
        return SystemAuthentication.call(() -> evidence.details(id).status());
    }

    /**
     * Clicks a review button until its dialog shows: the inbox re-renders when a review elsewhere is announced, and a
     * click that lands during that re-render opens nothing.
     */
    private void open(String button, String inDialog) {
        for (int attempt = 0; attempt < 3; attempt++) {
            click(button);
            try {
                new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(10))
                        .until(d -> find(inDialog) != null);
                return;
            } catch (org.openqa.selenium.TimeoutException retry) {
                // The click was lost; try again.
            }
        }
        assertThat(find(inDialog)).as(inDialog + " after clicking " + button).isNotNull();
    }

    private WebElement find(String css) {
        return BrowserTestSupport.deepFind(driver, css, null);
    }

    private String text(String css) {
        var el = find(css);
        return el == null ? "" : el.getText();
    }

    private String classes(String css) {
        var el = find(css);
        return el == null ? "" : el.getAttribute("class");
    }

    private String gridText(String css) {
        return (String) ((JavascriptExecutor) driver)
                .executeScript(
                        "const g = document.querySelector(arguments[0]); return g ? g.innerText + ' '"
                                + " + Array.from(g.querySelectorAll('vaadin-grid-cell-content')).map(c =>"
                                + " c.textContent).join(' ') : ''",
                        css);
    }

    /** Clicks once the element exists; a re-rendered (stale) element is looked up again instead of failing. */
    private void click(String css) {
        BrowserTestSupport.waitFor(driver)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> {
                    var element = find(css);
                    if (element == null) {
                        return false;
                    }
                    ((JavascriptExecutor) driver).executeScript("arguments[0].click()", element);
                    return true;
                });
    }

    private WebElement input(String css, String tag) {
        BrowserTestSupport.waitFor(driver).until(d -> find(css + " " + tag) != null);
        var element = find(css + " " + tag);
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        return element;
    }

    private void search(String title) {
        var input = input("#review-search", "input");
        input.click();
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        input.sendKeys(title);
        input.sendKeys(Keys.TAB);
    }

    private void type(String css, String value) {
        var input = input(css, "input");
        input.click();
        input.sendKeys(value);
        input.sendKeys(Keys.TAB);
    }

    private void typeArea(String css, String value) {
        var area = input(css, "textarea");
        area.click();
        area.sendKeys(value);
        area.sendKeys(Keys.TAB);
    }

    private void typeDate(String css, LocalDate date) {
        var input = input(css, "input");
        input.click();
        input.sendKeys(DateTimeFormatter.ofPattern("M/d/yyyy").format(date));
        input.sendKeys(Keys.ENTER);
        input.sendKeys(Keys.TAB);
    }

    /** Types an option's label into a combo box and commits it. */
    private void choose(String css, String label) {
        var input = input(css, "input");
        input.click();
        input.sendKeys(label);
        BrowserTestSupport.waitFor(driver)
                .until(d -> BrowserTestSupport.deepFind(d, "vaadin-combo-box-item", label) != null);
        input.sendKeys(Keys.ENTER);
        input.sendKeys(Keys.TAB);
    }

    private void chooseType(String label) {
        BrowserTestSupport.waitFor(driver).until(d -> find("#evidence-type") != null);
        ((JavascriptExecutor) driver).executeScript("arguments[0].opened = true", find("#evidence-type"));
        BrowserTestSupport.waitFor(driver)
                .until(d -> BrowserTestSupport.deepFind(d, "vaadin-select-item", label) != null);
        ((JavascriptExecutor) driver)
                .executeScript(
                        "arguments[0].click()", BrowserTestSupport.deepFind(driver, "vaadin-select-item", label));
    }
}
