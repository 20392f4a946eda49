package app.rungs.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.e2e.BrowserTestSupport;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;

/** What a user does on the sign-in page and the calibration board, in a real headless Chromium. */
final class Browser {

    static final String PASSWORD = "rungs-demo-2026";
    static final String PRIYA = "priya.natarajan@rungs.demo";
    static final String DANIEL = "daniel.okafor@rungs.demo";

    private Browser() {}

    /**
     * Polls {@code condition} until it holds; otherwise fails with what was awaited and what was seen last (the
     * {@code seen} description, evaluated at the time of the failure), so a red run says where it stood.
     */
    static void await(
            WebDriver driver, int seconds, String what, Predicate<WebDriver> condition, Supplier<String> seen) {
        var deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        RuntimeException last = null;
        while (true) {
            try {
                if (condition.test(driver)) {
                    return;
                }
                last = null;
            } catch (StaleElementReferenceException | JavascriptException e) {
                // A Vaadin re-render replaced the element between finding and reading it; the next poll finds it.
                last = e;
            }
            if (System.nanoTime() > deadline) {
                String saw;
                try {
                    saw = seen.get();
                } catch (RuntimeException e) {
                    saw = "(could not read: "
                            + e.getMessage().lines().findFirst().orElse("") + ")";
                }
                throw new AssertionError("Waited %d s for %s; saw %s%s"
                        .formatted(seconds, what, saw, last == null ? "" : " (last error: " + last + ")"));
            }
            RungsInstance.sleep(100);
        }
    }

    /** {@link #await} with the page's address as what was seen. */
    static void await(WebDriver driver, int seconds, String what, Predicate<WebDriver> condition) {
        await(driver, seconds, what, condition, () -> "the page " + driver.getCurrentUrl());
    }

    static Object js(WebDriver driver, String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /**
     * Signs in through {@code baseUrl}; with {@code instance}, pins the browser to that instance behind the proxy
     * (the proxy's stickiness cookie, as if the proxy had chosen it).
     */
    static void signIn(WebDriver driver, String baseUrl, String user, String instance) {
        // A health check that times out on a busy machine takes an instance out of rotation for a few seconds; the
        // proxy then sends the pinned browser elsewhere and re-pins it. Sign in again until the pin holds.
        for (int attempt = 1; ; attempt++) {
            driver.get(baseUrl + "/login");
            driver.manage().deleteAllCookies();
            if (instance != null) {
                driver.manage().addCookie(new Cookie("RUNGS_INSTANCE", instance, "/"));
            }
            BrowserTestSupport.signIn(driver, baseUrl, user, PASSWORD);
            await(
                    driver,
                    60,
                    user + " signed in (away from /login)",
                    d -> !d.getCurrentUrl().contains("/login"));
            if (instance == null || instance.equals(instanceCookie(driver)) || attempt == 5) {
                break;
            }
            RungsInstance.sleep(3_000);
        }
        if (instance != null) {
            assertThat(instanceCookie(driver))
                    .as("%s pinned to instance %s by the proxy's cookie", user, instance)
                    .isEqualTo(instance);
        }
    }

    static String instanceCookie(WebDriver driver) {
        var cookie = driver.manage().getCookieNamed("RUNGS_INSTANCE");
        return cookie == null ? null : cookie.getValue();
    }

    static void openBoard(WebDriver driver, String baseUrl, long sessionId, long entryId) {
        driver.get(baseUrl + "/calibration/" + sessionId);
        await(
                driver,
                60,
                "the board of session " + sessionId + " showing entry " + entryId,
                d -> !d.findElements(By.id("final-rating-" + entryId)).isEmpty());
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

    /**
     * Opens a vaadin-select and picks the item with the given text. The items are searched inside that select only:
     * every select of the board keeps its items in its own light DOM, so a page-wide search would click another
     * row's (hidden) item and change that row instead.
     */
    static void choose(WebDriver driver, String selectId, String item) {
        await(
                driver,
                30,
                "select " + selectId,
                d -> !d.findElements(By.id(selectId)).isEmpty());
        js(driver, "arguments[0].click();", driver.findElement(By.id(selectId)));
        var find = """
                const select = document.getElementById(arguments[0]);
                if (!select || !select.opened) return null;
                return [...select.querySelectorAll('vaadin-select-item')]
                    .find(i => i.textContent.trim() === arguments[1]) || null;
                """;
        await(
                driver,
                30,
                "item '" + item + "' of the opened select " + selectId,
                d -> js(d, find, selectId, item) != null);
        js(driver, "arguments[0].click();", js(driver, find, selectId, item));
    }

    /** Checks the radio button with the given label in the entry dialog's final rating group. */
    static void rate(WebDriver driver, String rating) {
        await(
                driver,
                30,
                "radio button '" + rating + "' in the entry dialog",
                d -> BrowserTestSupport.deepFind(d, "#entry-final-rating vaadin-radio-button", rating) != null);
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
        await(driver, 30, "element #" + id, d -> !d.findElements(By.id(id)).isEmpty());
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
