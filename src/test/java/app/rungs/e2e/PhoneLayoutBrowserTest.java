package app.rungs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An engineer on a 390 × 844 phone: home, my evidence, the evidence editor and coverage fit the width (no sideways
 * scrolling of the page), their main action is on screen, and the navigation sits in a drawer behind the menu button.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PhoneLayoutBrowserTest {

    @LocalServerPort
    int port;

    WebDriver driver;

    @BeforeAll
    void startPhone() {
        driver = BrowserTestSupport.startChrome();
        ((ChromeDriver) driver)
                .executeCdpCommand(
                        "Emulation.setDeviceMetricsOverride",
                        Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
    }

    @AfterAll
    void stopPhone() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void anEngineersScreensFitA390PixelPhoneWithTheirMainActionOnScreen() {
        var base = "http://localhost:" + port;
        BrowserTestSupport.signIn(driver, base, DemoUsers.ENGINEER, DemoUsers.PASSWORD);
        BrowserTestSupport.waitFor(driver).until(d -> !d.getCurrentUrl().contains("/login"));

        check(base + "/", "home", "next-level-link");
        assertThat(js("return document.querySelector('vaadin-app-layout').hasAttribute('overlay')"))
                .as("the navigation is an overlay drawer on a phone")
                .isEqualTo(true);
        assertThat(onScreen("vaadin-drawer-toggle"))
                .as("the menu button is on screen")
                .isTrue();

        check(base + "/my-evidence", "my-evidence", "log-evidence");
        check(base + "/my-evidence?new=1", "evidence-editor", "evidence-save-draft");
        assertThat(js("return document.getElementById('evidence-editor').getBoundingClientRect().right"))
                .as("the editor's fields fit the screen")
                .satisfies(right -> assertThat(((Number) right).doubleValue()).isLessThanOrEqualTo(390.5));
        check(base + "/coverage", "coverage", "coverage-log-evidence");
    }

    private void check(String url, String screen, String mainActionId) {
        driver.get(url);
        var wait = BrowserTestSupport.waitFor(driver);
        wait.until(d -> !d.findElements(By.id(mainActionId)).isEmpty());
        wait.until(d -> Boolean.TRUE.equals(js("""
                const clients = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;
                return !!clients && Object.values(clients).every(c => !c.isActive());
                """)));
        BrowserTestSupport.screenshot(driver, "phone-" + screen);
        var widths = (Map<?, ?>) js("""
                return {scroll: document.scrollingElement.scrollWidth, inner: window.innerWidth,
                        content: Math.max(...[...document.querySelectorAll('vaadin-app-layout > *')]
                            .map(e => e.scrollWidth))};
                """);
        assertThat(((Number) widths.get("inner")).intValue()).isEqualTo(390);
        assertThat(((Number) widths.get("scroll")).intValue())
                .as(screen + ": the page does not scroll sideways")
                .isLessThanOrEqualTo(390);
        assertThat(((Number) widths.get("content")).intValue())
                .as(screen + ": the view's content fits the width")
                .isLessThanOrEqualTo(390);
        assertThat(onScreen("#" + mainActionId))
                .as(screen + ": the main action #" + mainActionId + " is on screen")
                .isTrue();
    }

    /** Shown, with its whole width inside the viewport (after scrolling it into view vertically). */
    private boolean onScreen(String selector) {
        return Boolean.TRUE.equals(js("""
                const el = document.querySelector(arguments[0]);
                if (!el) return false;
                el.scrollIntoView({block: 'center'});
                const r = el.getBoundingClientRect();
                return r.width > 0 && r.height > 0 && r.left >= 0 && r.right <= window.innerWidth
                    && r.top >= 0 && r.bottom <= window.innerHeight;
                """, selector));
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }
}
