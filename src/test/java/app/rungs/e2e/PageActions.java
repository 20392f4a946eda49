package app.rungs.e2e;

import java.time.Duration;
import java.time.LocalDate;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Small actions on a Vaadin page by CSS selector, looked up through shadow roots and again after a re-render. */
final class PageActions {

    private final WebDriver driver;
    private final String base;

    PageActions(WebDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    WebDriverWait waiting() {
        var wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** Signs in afresh (cookies dropped) and waits for the app layout. */
    void signIn(String username, String password) {
        driver.manage().deleteAllCookies();
        BrowserTestSupport.signIn(driver, base, username, password);
        waiting().until(d -> d.findElements(By.cssSelector("vaadin-app-layout")).size() == 1);
    }

    void open(String path) {
        driver.get(base + path);
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    WebElement find(String css) {
        return BrowserTestSupport.deepFind(driver, css, null);
    }

    WebElement find(String css, String text) {
        return BrowserTestSupport.deepFind(driver, css, text);
    }

    void waitFor(String css) {
        waiting().until(d -> find(css) != null);
    }

    void waitFor(String css, String text) {
        waiting().until(d -> find(css, text) != null);
    }

    void waitGone(String css, String text) {
        waiting().until(d -> find(css, text) == null);
    }

    String text(String css) {
        var el = find(css);
        return el == null ? "" : (String) js("return arguments[0].textContent", el);
    }

    /** The visible text of the whole page, shadow roots included. */
    String pageText() {
        return (String) js("""
                const parts = [];
                const visit = (root) => {
                  parts.push(root.textContent || '');
                  for (const host of root.querySelectorAll('*')) {
                    if (host.shadowRoot) visit(host.shadowRoot);
                  }
                };
                visit(document.body);
                return parts.join(' ');
                """);
    }

    void click(String css) {
        click(css, null);
    }

    /** Clicks the first element matching css (and text) once it exists. */
    void click(String css, String text) {
        waiting().until(d -> {
            var element = find(css, text);
            if (element == null) {
                return false;
            }
            js("arguments[0].click()", element);
            return true;
        });
    }

    /**
     * Clicks the last VISIBLE element matching css (and text), through shadow roots: a closed dialog may stay in the
     * page with buttons of the same name, and the newest dialog comes last. Buttons of a dialog that is closing are
     * skipped: its host stays visible (Vaadin's {@code :host([closing])}) until the closing animation ends, and on a
     * loaded machine the next dialog may not be rendered yet, so the closing one would be clicked. The server ignores
     * that click (the open dialog makes the closing one inert) and the step never happens.
     */
    void clickVisible(String css, String text) {
        waiting().until(d -> Boolean.TRUE.equals(js("""
                const [selector, text] = arguments;
                const hits = [];
                const visit = (root) => {
                  for (const el of root.querySelectorAll(selector)) {
                    if ((!text || (el.textContent || '').includes(text)) && el.getClientRects().length > 0
                        && !el.closest('[closing]')) hits.push(el);
                  }
                  for (const host of root.querySelectorAll('*')) {
                    if (host.shadowRoot) visit(host.shadowRoot);
                  }
                };
                visit(document);
                if (!hits.length) return false;
                // The newest dialog is the last one in the page.
                hits[hits.length - 1].click();
                return true;
                """, css, text)));
    }

    /** Sets a Vaadin field's value as the user would, with the change event the server listens for. */
    void setValue(String css, String value) {
        waitFor(css);
        js(
                "const f = arguments[0]; f.value = arguments[1];"
                        + " f.dispatchEvent(new CustomEvent('change', {bubbles: true}));",
                find(css),
                value);
    }

    void setDate(String css, LocalDate date) {
        setValue(css, date.toString());
    }

    /** Opens a combo box or select and picks the item whose text contains label. */
    void choose(String css, String itemTag, String label) {
        waitFor(css);
        js("arguments[0].opened = true", find(css));
        waitFor(itemTag, label);
        js("arguments[0].click()", find(itemTag, label));
    }
}
