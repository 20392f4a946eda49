package app.rungs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.people.domain.AssignmentReason;
import app.rungs.people.service.PeopleService;
import app.rungs.promotion.domain.CaseStatus;
import app.rungs.promotion.service.PromotionService;
import app.rungs.security.service.AccountService;
import app.rungs.security.service.SystemAuthentication;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Base64;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
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

/**
 * A real browser: Daniel Okafor nominates Hannah Lee, sees the packet's coverage and submits; an admin moves the
 * case into calibration and approves it; Hannah's level and history change; the exported PDF carries the packet.
 */
@IntegrationTest
class PromotionJourneyBrowserTest {

    private static final String HANNAH = "hannah.lee@rungs.demo";

    @LocalServerPort
    int port;

    @Autowired
    PeopleService people;

    @Autowired
    AccountService accounts;

    @Autowired
    PromotionService promotions;

    WebDriver driver;

    @BeforeEach
    void startBrowser() {
        driver = BrowserTestSupport.startChrome();
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    /** The last visible element matching the selector whose trimmed text is exactly the given text. */
    private WebElement exact(String selector, String text) {
        return (WebElement) ((JavascriptExecutor) driver).executeScript("""
                        const [selector, text] = arguments;
                        let found = null;
                        const visit = (root) => {
                          for (const el of root.querySelectorAll(selector)) {
                            if ((el.textContent || '').trim() === text && el.offsetParent !== null) found = el;
                          }
                          for (const host of root.querySelectorAll('*')) {
                            if (host.shadowRoot) visit(host.shadowRoot);
                          }
                        };
                        visit(document);
                        return found;
                        """, selector, text);
    }

    private WebElement waitExact(String selector, String text) {
        BrowserTestSupport.waitFor(driver).until(d -> exact(selector, text) != null);
        return exact(selector, text);
    }

    /** A button of the open dialog (a real click, so fields commit their values on blur first). */
    private WebElement dialogButton(String text) {
        return (WebElement) ((JavascriptExecutor) driver)
                .executeScript(
                        "return [...document.querySelectorAll('vaadin-dialog vaadin-button')]"
                                + ".find(b => b.textContent.trim() === arguments[0])",
                        text);
    }

    private void signInAs(String username) {
        driver.manage().deleteAllCookies();
        var base = "http://localhost:" + port;
        BrowserTestSupport.signIn(driver, base, username, DemoUsers.PASSWORD);
        BrowserTestSupport.waitFor(driver).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    private void waitForText(String text) {
        BrowserTestSupport.waitFor(driver).until(d -> BrowserTestSupport.deepFind(d, "*", text) != null);
    }

    @Test
    void aManagerNominatesAnAdminApprovesAndTheEngineersLevelChanges() throws Exception {
        var base = "http://localhost:" + port;
        var hannahId = SystemAuthentication.call(
                () -> accounts.findByUsername(HANNAH).orElseThrow().personId());
        assertThat(SystemAuthentication.call(() -> people.details(hannahId)).levelKey())
                .isEqualTo("DSE-2");
        var wait = BrowserTestSupport.waitFor(driver);

        // Daniel nominates Hannah from the promotions list.
        signInAs(DemoUsers.MANAGER);
        driver.get(base + "/promotions");
        waitExact("vaadin-button", "Nominate").click();
        var engineer = (WebElement) wait.until(d -> BrowserTestSupport.deepFind(d, "vaadin-combo-box", "") != null
                ? ((JavascriptExecutor) d)
                        .executeScript(
                                "return [...document.querySelectorAll('vaadin-combo-box')].find(c => c.label === 'Engineer')")
                : null);
        var input = engineer.findElement(By.cssSelector("input"));
        input.sendKeys("Hannah");
        waitExact("vaadin-combo-box-item", "Hannah Lee · DSE-2").click();
        wait.until(d -> ((JavascriptExecutor) d)
                .executeScript("return [...document.querySelectorAll('vaadin-combo-box')]"
                        + ".find(c => c.label === 'Target level')?.selectedItem != null"));
        var justification = (WebElement) ((JavascriptExecutor) driver)
                .executeScript("return [...document.querySelectorAll('vaadin-text-area')]"
                        + ".find(t => t.label === 'Justification').querySelector('textarea')");
        justification.sendKeys("Hannah owns the compaction pipeline and led two cross-team design reviews.");
        BrowserTestSupport.screenshot(driver, "promotion-nominate-dialog");
        dialogButton("Nominate").click();

        // The case page shows the packet's coverage; Daniel submits.
        wait.until(d -> d.getCurrentUrl().matches(".*/promotions/\\d+$"));
        var caseUrl = driver.getCurrentUrl();
        var caseId = Long.valueOf(caseUrl.substring(caseUrl.lastIndexOf('/') + 1));
        waitForText("expectations of DSE-3 are backed by acknowledged evidence");
        waitForText("Fault Tolerance & Resilience");
        BrowserTestSupport.screenshot(driver, "promotion-case-draft");
        waitExact("vaadin-button", "Submit").click();
        wait.until(d -> exact("span", "Submitted") != null);

        // An admin moves it into calibration and approves it.
        signInAs(DemoUsers.ADMIN);
        driver.get(caseUrl);
        waitExact("vaadin-button", "Move to calibration").click();
        waitForText("In calibration — the packet is frozen");
        waitExact("vaadin-button", "Approve").click();
        wait.until(d -> ((JavascriptExecutor) d)
                .executeScript("return [...document.querySelectorAll('vaadin-date-picker')]"
                        + ".some(p => p.label === 'Effective date' && p.value)"));
        BrowserTestSupport.screenshot(driver, "promotion-approve-dialog");
        dialogButton("Approve").click();
        waitForText("Approved — DSE-3 effective");
        BrowserTestSupport.screenshot(driver, "promotion-case-approved");

        // Hannah's promotion is in her history, linked to the case. The dialog proposes the first day of next month,
        // so it is scheduled: her current level changes on that date (decision 0010).
        var hannah = SystemAuthentication.call(() -> people.details(hannahId));
        assertThat(hannah.levelKey()).isEqualTo("DSE-2");
        assertThat(hannah.scheduledChanges()).singleElement().satisfies(h -> {
            assertThat(h.levelKey()).isEqualTo("DSE-3");
            assertThat(h.effectiveDate()).isEqualTo(LocalDate.now().with(TemporalAdjusters.firstDayOfNextMonth()));
        });
        assertThat(hannah.history().getFirst()).satisfies(h -> {
            assertThat(h.levelKey()).isEqualTo("DSE-3");
            assertThat(h.reason()).isEqualTo(AssignmentReason.PROMOTION);
            assertThat(h.promotionCaseId()).isEqualTo(caseId);
        });
        assertThat(SystemAuthentication.call(() -> promotions.details(caseId)).status())
                .isEqualTo(CaseStatus.APPROVED);

        // The exported PDF carries the packet.
        var base64 = (String) ((JavascriptExecutor) driver).executeAsyncScript("""
                        const done = arguments[arguments.length - 1];
                        const a = [...document.querySelectorAll('a')].find(a => a.textContent.includes('Export PDF'));
                        fetch(a.href).then(r => r.arrayBuffer()).then(buffer => {
                          let binary = '';
                          new Uint8Array(buffer).forEach(b => binary += String.fromCharCode(b));
                          done(btoa(binary));
                        }).catch(e => done('ERROR ' + e));
                        """);
        var pdf = Base64.getDecoder().decode(base64);
        Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(Path.of("target", "screenshots", "promotion-packet-hannah-lee.pdf"), pdf);
        try (var doc = Loader.loadPDF(pdf)) {
            var text = new PDFTextStripper().getText(doc);
            assertThat(text)
                    .contains("PROMOTION PACKET")
                    .contains("Hannah Lee")
                    .contains("Target level DSE-3 · Senior Distributed Systems Engineer")
                    .contains("Hannah owns the compaction pipeline")
                    .contains("Approved on")
                    .contains("Fault Tolerance & Resilience");
        }

        // Hannah still shows her current level until the promotion's date, and has the notification.
        signInAs(HANNAH);
        driver.get(base + "/");
        wait.until(d -> !d.findElements(By.cssSelector(".level-badge-large")).isEmpty());
        assertThat(driver.findElement(By.cssSelector(".level-badge-large")).getText())
                .isEqualTo("DSE-2");
        var count = wait.until(d -> d.findElement(By.cssSelector(".notification-count")));
        assertThat(Integer.parseInt(count.getText())).isPositive();
        driver.findElement(By.cssSelector(".notification-button")).click();
        waitForText("Congratulations — your promotion to DSE-3 was approved");
        BrowserTestSupport.screenshot(driver, "promotion-engineer-notified");
        driver.findElement(By.tagName("body")).sendKeys(Keys.ESCAPE);
    }
}
