package app.rungs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A director opens the visual org chart in a real browser, zooms in and back to fit, finds an engineer two levels
 * down by name (the chart opens the line to her, centres and focuses her box) and clicks through to her page.
 */
@IntegrationTest
class OrgChartJourneyBrowserTest {

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

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private double zoom() {
        return Double.parseDouble(String.valueOf(js("return document.querySelector('.org-canvas').style.zoom || '1'")));
    }

    @Test
    void aDirectorZoomsFindsAnEngineerAndOpensTheirPage() {
        var base = "http://localhost:" + port;
        var wait = BrowserTestSupport.waitFor(driver);
        BrowserTestSupport.signIn(driver, base, DemoUsers.DIRECTOR, DemoUsers.PASSWORD);
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
        driver.get(base + "/org-chart");
        wait.until(d -> !d.findElements(By.xpath("//div[contains(@class,'org-box')][contains(., 'Daniel Okafor')]"))
                .isEmpty());
        // Lena is two levels down: not on the page until her line is opened.
        assertThat(driver.findElements(By.xpath("//div[contains(@class,'org-box')][contains(., 'Lena Fischer')]")))
                .isEmpty();

        driver.findElement(By.cssSelector("vaadin-button[aria-label='Zoom in']"))
                .click();
        wait.until(d -> zoom() == 1.25);
        var wideBefore = ((Number) js("return document.querySelector('.org-canvas').getBoundingClientRect().width"))
                .doubleValue();
        driver.findElement(By.cssSelector("vaadin-button[aria-label='Zoom to fit the open chart']"))
                .click();
        wait.until(d -> zoom() < 1.25);
        var wideAfter = ((Number) js("return document.querySelector('.org-canvas').getBoundingClientRect().width"))
                .doubleValue();
        assertThat(wideAfter).isLessThan(wideBefore);
        assertThat(driver.findElement(By.cssSelector(".org-zoom-level")).getText())
                .isEqualTo(Math.round(zoom() * 100) + " %");

        driver.findElement(By.cssSelector("vaadin-combo-box.org-search input")).sendKeys("Lena");
        wait.until(d -> BrowserTestSupport.deepFind(d, "vaadin-combo-box-item", "Lena Fischer") != null);
        BrowserTestSupport.deepFind(driver, "vaadin-combo-box-item", "Lena Fischer")
                .click();

        wait.until(d -> !d.findElements(By.cssSelector(".org-box-found")).isEmpty());
        var found = driver.findElement(By.cssSelector(".org-box-found"));
        assertThat(found.getText()).contains("Lena Fischer");
        // Centred in the chart's visible area, and the keyboard focus is on her name.
        wait.until(d -> (Boolean) js("""
                const box = document.querySelector('.org-box-found').getBoundingClientRect();
                const view = document.querySelector('.org-diagram').getBoundingClientRect();
                return box.left >= view.left && box.right <= view.right
                    && box.top >= view.top && box.bottom <= view.bottom;
                """));
        assertThat(js("return document.activeElement.textContent")).isEqualTo("Lena Fischer");
        BrowserTestSupport.screenshot(driver, "org-chart-found");

        found.findElement(By.cssSelector("a")).click();
        wait.until(d -> d.getCurrentUrl().matches(".*/people/\\d+$"));
        wait.until(d ->
                !d.findElements(By.xpath("//h1[contains(., 'Lena Fischer')]")).isEmpty());
    }
}
