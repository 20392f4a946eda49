package app.rungs.deployment;

import app.rungs.e2e.BrowserTestSupport;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What a user does on the sign-in page and the calibration board, in a real headless Chromium. */
final class Browser {

    static final String PASSWORD = "rungs-demo-2026";
    static final String PRIYA = "priya.natarajan@rungs.demo";
    static final String DANIEL = "daniel.okafor@rungs.demo";

    private Browser() {}

    static WebDriverWait waitUpTo(WebDriver driver, int seconds) {
        var wait = new WebDriverWait(driver, Duration.ofSeconds(seconds));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    static Object js(WebDriver driver, String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /**
     * Signs in through {@code baseUrl}; with {@code instance}, pins the browser to that instance behind the proxy
     * (the proxy's stickiness cookie, as if the proxy had chosen it).
     */
    static void signIn(WebDriver driver, String baseUrl, String user, String instance) {
        driver.get(baseUrl + "/login");
        driver.manage().deleteAllCookies();
        if (instance != null) {
            driver.manage().addCookie(new Cookie("RUNGS_INSTANCE", instance, "/"));
        }
        BrowserTestSupport.signIn(driver, baseUrl, user, PASSWORD);
        waitUpTo(driver, 60).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    static String instanceCookie(WebDriver driver) {
        var cookie = driver.manage().getCookieNamed("RUNGS_INSTANCE");
        return cookie == null ? null : cookie.getValue();
    }

    static void openBoard(WebDriver driver, String baseUrl, long sessionId, long entryId) {
        driver.get(baseUrl + "/calibration/" + sessionId);
        waitUpTo(driver, 60)
                .until(d -> !d.findElements(By.id("final-rating-" + entryId)).isEmpty());
    }

    static String ratingShown(WebDriver driver, long entryId) {
        return (String) js(
                driver,
                "const el = document.getElementById(arguments[0]); return el ? el.getAttribute('data-rating') : null;",
                "final-rating-" + entryId);
    }

    static String viewers(WebDriver driver) {
        return String.valueOf(js(
                driver,
                "const p = document.getElementById('presence'); return p ? p.getAttribute('data-viewers') : '';"));
    }

    /** Opens a vaadin-select and picks the item with the given text. */
    static void choose(WebDriver driver, String selectId, String item) {
        waitUpTo(driver, 30).until(d -> !d.findElements(By.id(selectId)).isEmpty());
        js(driver, "arguments[0].click();", driver.findElement(By.id(selectId)));
        waitUpTo(driver, 30).until(d -> BrowserTestSupport.deepFind(d, "vaadin-select-item", item) != null);
        js(driver, "arguments[0].click();", BrowserTestSupport.deepFind(driver, "vaadin-select-item", item));
    }

    /** Checks the radio button with the given label in the entry dialog's final rating group. */
    static void rate(WebDriver driver, String rating) {
        waitUpTo(driver, 30)
                .until(d -> BrowserTestSupport.deepFind(d, "#entry-final-rating vaadin-radio-button", rating) != null);
        var radio = BrowserTestSupport.deepFind(driver, "#entry-final-rating vaadin-radio-button", rating);
        js(driver, "arguments[0].querySelector('input').click();", radio);
    }

    static String checkedRating(WebDriver driver) {
        return (String) js(
                driver,
                "const r = document.querySelector('#entry-final-rating vaadin-radio-button[checked]');"
                        + " return r ? r.textContent.trim() : null;");
    }

    static void click(WebDriver driver, String id) {
        waitUpTo(driver, 30).until(d -> !d.findElements(By.id(id)).isEmpty());
        js(driver, "arguments[0].click();", driver.findElement(By.id(id)));
    }

    static boolean dialogOpen(WebDriver driver) {
        return Boolean.TRUE.equals(
                js(driver, "const b = document.getElementById('entry-save'); return !!b && b.checkVisibility();"));
    }

    /** Everything the user can read, including text inside shadow roots and overlays (notifications, dialogs). */
    static String visibleText(WebDriver driver) {
        return String.valueOf(js(driver, """
                const parts = [];
                const visit = (root) => {
                  for (const el of root.querySelectorAll('*')) {
                    if (el.shadowRoot) visit(el.shadowRoot);
                  }
                  if (root.body) parts.push(root.body.innerText);
                  else if (root.textContent) parts.push(root.textContent);
                };
                visit(document);
                return parts.join('\\n');
                """));
    }
}
