package app.rungs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Ladders in a real browser: an admin adopts the template, edits an expectation, publishes version 2 and sees what
 * changed since version 1; an engineer browses the published matrix and compares their level with the next.
 */
@IntegrationTest
class LadderJourneyBrowserTest {

    @LocalServerPort
    int port;

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
        var wait = BrowserTestSupport.waitFor(driver);
        wait.until(d -> !d.findElements(By.id(id)).isEmpty());
        return driver.findElement(By.id(id));
    }

    /** Clicks through JavaScript: Vaadin buttons and grid cells may sit under a frozen column or outside the view. */
    private void click(String id) {
        var element = byId(id);
        ((JavascriptExecutor) driver).executeScript("arguments[0].click();", element);
    }

    private void type(String id, String tag, String text) {
        var field = byId(id).findElement(By.cssSelector(tag));
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        field.sendKeys(text);
        // Vaadin fields send their value on change; leaving the field commits it before the next click.
        field.sendKeys(Keys.TAB);
    }

    @Test
    void anAdminAdoptsTheTemplateEditsAnExpectationPublishesVersionTwoAndSeesTheDiff() {
        var base = "http://localhost:" + port;
        var wait = BrowserTestSupport.waitFor(driver);
        BrowserTestSupport.signIn(driver, base, DemoUsers.ADMIN, DemoUsers.PASSWORD);
        wait.until(d -> d.getPageSource().contains("Welcome"));

        driver.get(base + "/ladders");
        click("new-from-template");
        var name = "Journey " + UUID.randomUUID().toString().substring(0, 8);
        type("template-name", "input", name);
        click("adopt-template");
        wait.until(d -> d.getCurrentUrl().endsWith("/edit"));

        click("start-draft");
        wait.until(d -> BrowserTestSupport.deepFind(d, "span.badge", "Draft · version 2") != null);
        click("cell-container-orchestration-DSE-2");
        byId("cell-statement");
        type("cell-statement", "textarea", "Runs stateful workloads on the platform and owns their upgrades.");
        click("cell-save");
        wait.until(d -> BrowserTestSupport.deepFind(d, "vaadin-notification-card", "Saved what DSE-2 asks") != null);

        click("publish");
        type("publish-note", "textarea", "Sharper DSE-2 orchestration");
        click("publish-confirm");

        wait.until(d -> d.getCurrentUrl().contains("/history"));
        var title = byId("diff-title");
        wait.until(d -> title.getText().contains("What changed from version 1 to version 2"));
        byId("expectation-changes");
        wait.until(d -> BrowserTestSupport.deepFind(d, "vaadin-grid-cell-content", "Runs stateful workloads") != null);
        assertThat(BrowserTestSupport.deepFind(driver, "span.badge", "Changed")).isNotNull();
        assertThat(BrowserTestSupport.deepFind(driver, "span.badge", "1 changed"))
                .isNotNull();
        assertThat(driver.getPageSource()).contains("Sharper DSE-2 orchestration");
        BrowserTestSupport.screenshot(driver, "ladder-diff");
    }

    @Test
    void anEngineerBrowsesThePublishedMatrixAndComparesTwoLevels() {
        var base = "http://localhost:" + port;
        var wait = BrowserTestSupport.waitFor(driver);
        BrowserTestSupport.signIn(driver, base, DemoUsers.ENGINEER, DemoUsers.PASSWORD);
        wait.until(d -> d.getPageSource().contains("Welcome, Lena"));

        driver.get(base + "/ladder");
        byId("ladder-matrix");
        wait.until(d -> BrowserTestSupport.deepFind(d, "vaadin-grid-cell-content", "Container Orchestration") != null);
        assertThat(driver.findElement(By.cssSelector(".level-chip.mine")).getText())
                .contains("DSE-2");

        driver.findElement(By.linkText("Compare levels")).click();
        wait.until(d -> d.getCurrentUrl().contains("/compare"));
        var newCount = byId("count-new");
        wait.until(d -> newCount.getText().endsWith("new"));
        assertThat(driver.getPageSource()).contains("From DSE-2 to DSE-3:");
        wait.until(d -> BrowserTestSupport.deepFind(d, "vaadin-grid-cell-content", "Raised") != null);
        BrowserTestSupport.screenshot(driver, "ladder-compare");
    }
}
