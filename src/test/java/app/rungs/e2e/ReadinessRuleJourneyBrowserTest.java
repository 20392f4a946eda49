package app.rungs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.people.service.NewPerson;
import app.rungs.people.service.PersonEditingService;
import app.rungs.promotion.service.PromotionService;
import app.rungs.security.domain.Role;
import app.rungs.security.service.AccountService;
import app.rungs.security.service.SystemAuthentication;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import app.rungs.support.RunAs;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.UUID;
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
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The readiness rule belongs to a ladder version: an admin lowers it in a draft, publishes, and both the version diff
 * and an open promotion case's packet measure by the new rule. Runs on a ladder of its own so the demo ladder stays
 * as other tests expect it.
 */
@IntegrationTest
class ReadinessRuleJourneyBrowserTest {

    private static final String PASSWORD = "rule-journey-2026";

    @LocalServerPort
    int port;

    @Autowired
    PersonEditingService peopleEditing;

    @Autowired
    AccountService accounts;

    @Autowired
    PromotionService promotions;

    @Autowired
    UserDetailsService users;

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

    private WebElement byId(String id) {
        BrowserTestSupport.waitFor(driver).until(d -> !d.findElements(By.id(id)).isEmpty());
        return driver.findElement(By.id(id));
    }

    /** Clicks the element with the id, finding it afresh if a re-render replaced it in between. */
    private void click(String id) {
        BrowserTestSupport.waitFor(driver).until(d -> {
            var found = d.findElements(By.id(id));
            if (found.isEmpty()) {
                return false;
            }
            ((JavascriptExecutor) d).executeScript("arguments[0].click();", found.getFirst());
            return true;
        });
    }

    private void type(String id, String tag, String text) {
        var field = byId(id).findElement(By.cssSelector(tag));
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        field.sendKeys(text);
        field.sendKeys(Keys.TAB);
    }

    /** A manager and their DSE-2 engineer on the given ladder; returns the case the manager opens for DSE-3. */
    private Long caseOnLadder(Long ladderId) {
        var suffix = UUID.randomUUID().toString().substring(0, 8);
        var managerEmail = "rule.manager." + suffix + "@rule.test";
        var engineerEmail = "rule.engineer." + suffix + "@rule.test";
        var engineerId = SystemAuthentication.call(() -> {
            var start = LocalDate.now().minusYears(3);
            var managerId = peopleEditing.create(
                    new NewPerson(
                            "Rule Manager " + suffix,
                            managerEmail,
                            "Engineering Manager",
                            null,
                            null,
                            ladderId,
                            "SPE-1",
                            null,
                            null,
                            null,
                            null,
                            start),
                    start);
            accounts.create(
                    managerEmail,
                    "Rule Manager " + suffix,
                    PASSWORD,
                    EnumSet.of(Role.MANAGER, Role.ENGINEER),
                    managerId);
            var id = peopleEditing.create(
                    new NewPerson(
                            "Rule Engineer " + suffix,
                            engineerEmail,
                            "Distributed Systems Engineer",
                            null,
                            managerId,
                            ladderId,
                            "DSE-2",
                            null,
                            null,
                            null,
                            null,
                            start),
                    start);
            accounts.create(engineerEmail, "Rule Engineer " + suffix, PASSWORD, EnumSet.of(Role.ENGINEER), id);
            return id;
        });
        return new RunAs(users)
                .as(
                        managerEmail,
                        () -> promotions.nominate(engineerId, "DSE-3", "2026-H2", "Owns the storage migration."));
    }

    @Test
    void anAdminLowersTheReadinessRuleInADraftPublishesAndTheDiffAndThePacketShowIt() {
        var base = "http://localhost:" + port;
        var wait = BrowserTestSupport.waitFor(driver);
        BrowserTestSupport.signIn(driver, base, DemoUsers.ADMIN, DemoUsers.PASSWORD);
        wait.until(d -> d.getPageSource().contains("Welcome"));

        driver.get(base + "/ladders");
        click("new-from-template");
        type(
                "template-name",
                "input",
                "Rule journey " + UUID.randomUUID().toString().substring(0, 8));
        click("adopt-template");
        wait.until(d -> d.getCurrentUrl().endsWith("/edit"));
        var url = driver.getCurrentUrl();
        var ladderId = Long.valueOf(url.replaceAll(".*/ladders/(\\d+)/edit$", "$1"));
        var caseId = caseOnLadder(ladderId);

        driver.get(base + "/promotions/" + caseId);
        wait.until(d -> d.getPageSource().contains("At least 60% of DSE-3"));

        driver.get(url);
        click("start-draft");
        wait.until(d -> BrowserTestSupport.deepFind(d, "span.badge", "Draft · version 2") != null);
        var tab = BrowserTestSupport.deepFind(driver, "vaadin-tab", "Tracks & readiness");
        assertThat(tab).as("the editor's Tracks & readiness tab").isNotNull();
        ((JavascriptExecutor) driver).executeScript("arguments[0].click();", tab);
        type("rule-target-percent", "input", "40");
        // The percentage's label reads whole, not cut to "…ba…": its text is no wider than the label's box.
        var field = wait.until(d -> BrowserTestSupport.deepFind(d, "#rule-target-percent", null));
        assertThat((Boolean) ((JavascriptExecutor) driver).executeScript("""
                        const field = arguments[0];
                        const box = field.shadowRoot.querySelector("[part='label']").getBoundingClientRect().width;
                        const text = document.createRange();
                        text.selectNodeContents(field.querySelector("label"));
                        const width = text.getBoundingClientRect().width;
                        return width > 0 && width <= box + 1;
                        """, field))
                .as("the rule's percentage label fits")
                .isTrue();
        click("rule-save");
        wait.until(d ->
                BrowserTestSupport.deepFind(d, "vaadin-notification-card", "Saved the readiness rule: 40%") != null);
        BrowserTestSupport.screenshot(driver, "ladder-editor-readiness-rule");

        click("publish");
        type("publish-note", "textarea", "Ready at 40% of the next level");
        click("publish-confirm");
        wait.until(d -> d.getCurrentUrl().contains("/history"));
        wait.until(d -> d.getPageSource().contains("current core, 60% of target → current core, 40% of target"));
        BrowserTestSupport.screenshot(driver, "ladder-diff-readiness-rule");

        driver.get(base + "/promotions/" + caseId);
        wait.until(d -> d.getPageSource().contains("At least 40% of DSE-3"));
        assertThat(driver.getPageSource()).doesNotContain("At least 60% of DSE-3");
    }
}
