package app.rungs.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Starts Debian's headless Chromium through its chromedriver, and helpers for Vaadin's shadow DOM. */
public final class BrowserTestSupport {

    private BrowserTestSupport() {}

    public static WebDriver startChrome() {
        return startChrome(false);
    }

    /** With the browser console log readable through {@code driver.manage().logs().get("browser")}. */
    public static WebDriver startChromeWithConsoleLog() {
        return startChrome(true);
    }

    private static WebDriver startChrome(boolean consoleLog) {
        var driverPath = System.getProperty("rungs.chromedriver", "/usr/bin/chromedriver");
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(driverPath).toFile())
                .build();
        var options = new ChromeOptions();
        var binary = System.getProperty("rungs.chromium", "/usr/bin/chromium");
        if (Files.exists(Path.of(binary))) {
            options.setBinary(binary);
        }
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1400,900");
        if (consoleLog) {
            var logging = new LoggingPreferences();
            logging.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logging);
        }
        return new ChromeDriver(service, options);
    }

    public static WebDriverWait waitFor(WebDriver driver) {
        // A Vaadin re-render can replace an element between finding it and reading it; the next poll finds the new one.
        var wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** Finds the first element matching a CSS selector anywhere, through shadow roots, whose text contains text. */
    public static WebElement deepFind(WebDriver driver, String selector, String text) {
        return (WebElement) ((JavascriptExecutor) driver).executeScript("""
                        const [selector, text] = arguments;
                        const visit = (root) => {
                          for (const el of root.querySelectorAll(selector)) {
                            if (!text || (el.textContent || '').includes(text)) return el;
                          }
                          for (const host of root.querySelectorAll('*')) {
                            if (host.shadowRoot) { const hit = visit(host.shadowRoot); if (hit) return hit; }
                          }
                          return null;
                        };
                        return visit(document);
                        """, selector, text);
    }

    public static void signIn(WebDriver driver, String baseUrl, String username, String password) {
        driver.get(baseUrl + "/login");
        var wait = waitFor(driver);
        wait.until(
                d -> !d.findElements(By.cssSelector("input[name='username']")).isEmpty());
        driver.findElement(By.cssSelector("input[name='username']")).sendKeys(username);
        driver.findElement(By.cssSelector("input[name='password']")).sendKeys(password);
        driver.findElement(By.cssSelector("vaadin-login-form vaadin-button")).click();
    }

    public static void screenshot(WebDriver driver, String name) {
        try {
            var file = Path.of("target", "screenshots").resolve(name + ".png");
            Files.createDirectories(file.getParent());
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (Exception ignored) {
            // Screenshots help diagnose failures; a failure to save one must not hide the real result.
        }
    }
}
