package app.rungs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.ladder.domain.LadderVersionRepository;
import app.rungs.ladder.domain.LevelPayBand;
import app.rungs.ladder.domain.LevelPayBandRepository;
import app.rungs.ladder.domain.LevelRepository;
import app.rungs.ladder.service.LadderPayBandService;
import app.rungs.ladder.service.LadderService;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import app.rungs.support.RunAs;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The matrix and level pay in a real browser at 1440 px: six levels scroll sideways under a frozen competency
 * column, a long cell opens in place with "Show all" (no dialog), and an engineer allowed to see bands reads their
 * own level's band and the template's cited market reference. Screenshots in light and dark.
 */
@IntegrationTest
class MatrixAndPayBandsBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    LadderService ladders;

    @Autowired
    LadderPayBandService payBands;

    @Autowired
    LevelPayBandRepository bandRows;

    @Autowired
    LevelRepository levels;

    @Autowired
    LadderVersionRepository versions;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    RunAs runAs;

    WebDriver driver;
    Long ladderId;
    Long versionId;

    @BeforeEach
    void start() {
        ladderId = runAs.as(DemoUsers.ENGINEER, () -> ladders.defaultLadderId().orElseThrow());
        versionId = runAs.as(
                DemoUsers.ADMIN,
                () -> ladders.published(ladderId).orElseThrow().version().id());
        tx.executeWithoutResult(s -> {
            var version = versions.findById(versionId).orElseThrow();
            for (var level : levels.findByVersion(versionId)) {
                var band = new LevelPayBand(version, level, "EUR");
                long step = level.getPosition() * 15_000L;
                band.set(62_000 + step, 72_000 + step, 84_000 + step, LocalDate.of(2026, 1, 1));
                bandRows.save(band);
            }
        });
        runAs.run(
                DemoUsers.ADMIN,
                () -> payBands.showBandsToEngineers(
                        ladderId, true, payBands.settings(ladderId).version()));
        driver = BrowserTestSupport.startChrome();
        driver.manage().window().setSize(new Dimension(1440, 900));
    }

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.quit();
        }
        tx.executeWithoutResult(s -> bandRows.deleteAll(bandRows.findByVersion(versionId)));
        runAs.run(DemoUsers.ADMIN, () -> {
            var settings = payBands.settings(ladderId);
            if (settings.shownToEngineers()) {
                payBands.showBandsToEngineers(ladderId, false, settings.version());
            }
        });
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private void dark(boolean on) {
        js(
                "document.documentElement.style.colorScheme = arguments[0] ? 'dark' : 'light';"
                        + "if (arguments[0]) document.documentElement.setAttribute('theme', 'dark');"
                        + "else document.documentElement.removeAttribute('theme');",
                on);
    }

    @Test
    void anEngineerReadsALongCellInPlaceUnderAFrozenCompetencyColumnAndTheirLevelsPayBand() {
        var base = "http://localhost:" + port;
        var wait = BrowserTestSupport.waitFor(driver);
        BrowserTestSupport.signIn(driver, base, DemoUsers.ENGINEER, DemoUsers.PASSWORD);
        wait.until(d -> d.getPageSource().contains("Welcome"));

        driver.get(base + "/ladder");
        wait.until(
                d -> js("return document.querySelector('.cell-toggle') != null").equals(Boolean.TRUE));
        assertThat(js("const c = document.querySelector('#ladder-matrix vaadin-grid-column'); return c.frozen && c.path"
                        + " === undefined ? true : c.frozen;"))
                .as("the first column is frozen")
                .isEqualTo(true);
        assertThat(js("const t = document.querySelector('#ladder-matrix').shadowRoot.querySelector('#table');"
                        + " return t.scrollWidth > t.clientWidth;"))
                .as("six levels scroll sideways at 1440 px")
                .isEqualTo(true);
        BrowserTestSupport.screenshot(driver, "matrix-light");
        dark(true);
        BrowserTestSupport.screenshot(driver, "matrix-dark");
        dark(false);

        WebElement toggle = (WebElement) js("return document.querySelector('.cell-toggle');");
        var cellId = (String) js("return arguments[0].closest('.cell').id;", toggle);
        var before = ((Number)
                        js("return arguments[0].closest('.cell').querySelector('.cell-text').clientHeight;", toggle))
                .intValue();
        js("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", toggle);
        wait.until(d -> js(
                        "const c = document.getElementById(arguments[0]); return c != null &&"
                                + " c.classList.contains('cell-open');",
                        cellId)
                .equals(Boolean.TRUE));
        var after = ((Number) js(
                        "return document.getElementById(arguments[0]).querySelector('.cell-text')" + ".clientHeight;",
                        cellId))
                .intValue();
        assertThat(after).as("the full text shows in the cell").isGreaterThan(before);
        assertThat(js("return document.querySelector('vaadin-dialog-overlay[opened]') == null;"))
                .as("no dialog opened")
                .isEqualTo(true);
        BrowserTestSupport.screenshot(driver, "matrix-cell-open");

        driver.get(base + "/ladders/" + ladderId + "/levels/DSE-2");
        wait.until(
                d -> js("return document.getElementById('pay-bands') != null").equals(Boolean.TRUE));
        assertThat(driver.getPageSource()).contains("SOC 15-1252", "$124,200");
        BrowserTestSupport.screenshot(driver, "level-pay-light");
        dark(true);
        BrowserTestSupport.screenshot(driver, "level-pay-dark");
        dark(false);

        driver.get(base + "/ladders/" + ladderId + "/levels/SPE-2");
        wait.until(d -> d.getPageSource().contains("SPE-2"));
        wait.until(
                d -> js("return document.querySelector('.level-hero') != null").equals(Boolean.TRUE));
        assertThat(js("return document.getElementById('pay-bands') == null")).isEqualTo(true);
    }
}
