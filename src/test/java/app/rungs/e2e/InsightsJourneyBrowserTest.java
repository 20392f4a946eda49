package app.rungs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A director opens insights in a real browser: the charts are drawn by ECharts (loaded from its WebJar), a click on
 * the DSE-1 box of "time in level by level" lists the people behind it, and a name opens their page. The same chart's
 * data table alternative has the numbers.
 */
@IntegrationTest
class InsightsJourneyBrowserTest {

    @LocalServerPort
    int port;

    WebDriver driver;

    @Autowired
    JdbcTemplate jdbc;

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

    @Test
    void aDirectorClicksThroughABarToThePeopleBehindIt() {
        var base = "http://localhost:" + port;
        var wait = BrowserTestSupport.waitFor(driver);
        BrowserTestSupport.signIn(driver, base, DemoUsers.DIRECTOR, DemoUsers.PASSWORD);
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
        driver.get(base + "/insights");
        var chart = wait.until(d -> {
            var found = d.findElements(By.cssSelector("#time-in-level-level .echart[data-rendered='true']"));
            return found.isEmpty() ? null : found.get(0);
        });
        assertThat(js("return typeof window.echarts")).isEqualTo("object");
        wait.until(d ->
                ((Number) js("return document.querySelectorAll(\".echart[data-rendered='true']\").length")).intValue()
                        >= 7);
        documentation("insights");
        // Where ECharts drew the DSE-1 box: its centre (category index, median) in pixels of the chart element.
        @SuppressWarnings("unchecked")
        var point = (List<Number>) js("""
                const el = arguments[0];
                const option = el.__chart.getOption();
                const i = option.xAxis[0].data.indexOf('DSE-1');
                const box = option.series[0].data[i].value;
                return el.__chart.convertToPixel({ seriesIndex: 0 }, [i, box[2]]);
                """, chart);
        clickAt(chart, point.get(0).doubleValue(), point.get(1).doubleValue());

        var dialog = wait.until(d -> {
            var found = d.findElements(By.id("insight-people"));
            return found.isEmpty() ? null : found.get(0);
        });
        assertThat(dialog.getText()).contains("Time in level by level · DSE-1");
        // The lazy grid lists the DSE-1 engineers (other tests add some, so the demo's are not always on screen).
        var name = wait.until(d -> d.findElements(By.cssSelector("vaadin-grid-cell-content a")).stream()
                .filter(a -> !a.getText().isBlank())
                .findFirst()
                .orElse(null));
        assertThat(driver.findElement(By.cssSelector(".insight-people-count")).getText())
                .matches("\\d+ people");
        BrowserTestSupport.screenshot(driver, "insights-click-through");
        var who = name.getText().strip();
        name.click();
        wait.until(d -> d.getCurrentUrl().matches(".*/people/\\d+$"));
        wait.until(d -> d.findElements(By.tagName("h1")).stream()
                .anyMatch(h -> h.getText().contains(who)));

        // The data table alternative of the same chart has the DSE-1 row.
        driver.get(base + "/insights");
        var toggle = wait.until(d -> {
            var found = d.findElements(By.cssSelector("#time-in-level-level .chart-toggle"));
            return found.isEmpty() ? null : found.get(0);
        });
        toggle.click();
        wait.until(d -> BrowserTestSupport.deepFind(d, "#time-in-level-level vaadin-grid-cell-content", "DSE-1") != null
                || !d.findElements(By.xpath("//*[@id='time-in-level-level']//vaadin-grid-cell-content[.='DSE-1']"))
                        .isEmpty());
        assertThat(toggle.getAttribute("aria-pressed")).isEqualTo("true");
    }

    @Test
    void theBoardsDistributionChartsAreDrawnByEChartsInBothThemes() {
        var base = "http://localhost:" + port;
        var wait = BrowserTestSupport.waitFor(driver);
        Long session = jdbc.queryForObject(
                "select min(id) from calibration_session where status = 'PUBLISHED' and name like '%Storage & Streaming'",
                Long.class);
        BrowserTestSupport.signIn(driver, base, DemoUsers.DIRECTOR, DemoUsers.PASSWORD);
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
        driver.get(base + "/calibration/" + session);
        wait.until(d ->
                d.findElements(By.cssSelector(".echart[data-rendered='true']")).size() >= 2);
        // The per-manager chart stands next to the whole session and the guideline.
        @SuppressWarnings("unchecked")
        var categories = (List<String>)
                js("return document.querySelector('#manager-distribution .echart').__chart.getOption().xAxis[0].data");
        assertThat(categories.get(0)).startsWith("Whole session");
        assertThat(categories.get(1)).isEqualTo("Guideline");
        documentation("calibration-distribution");
    }

    /** Light and dark screenshots (target/screenshots, for docs/screenshots), the dark one after ECharts re-drew. */
    private void documentation(String name) {
        var wait = BrowserTestSupport.waitFor(driver);
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1440, 2000));
        BrowserTestSupport.screenshot(driver, name);
        js(
                "document.documentElement.setAttribute('theme', 'dark'); document.documentElement.style.colorScheme = 'dark'");
        wait.until(d -> (Boolean) js(
                "return [...document.querySelectorAll('.echart')]" + ".every(e => !e.__chart || e.__dark === true)"));
        BrowserTestSupport.screenshot(driver, name + "-dark");
        js("document.documentElement.removeAttribute('theme'); document.documentElement.style.colorScheme = ''");
        wait.until(d -> (Boolean) js(
                "return [...document.querySelectorAll('.echart')]" + ".every(e => !e.__chart || e.__dark === false)"));
    }

    private void clickAt(WebElement element, double x, double y) {
        var size = element.getSize();
        int dx = (int) Math.round(x - size.getWidth() / 2.0);
        int dy = (int) Math.round(y - size.getHeight() / 2.0);
        new Actions(driver).moveToElement(element, dx, dy).click().perform();
    }
}
