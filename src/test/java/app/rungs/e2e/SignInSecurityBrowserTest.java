package app.rungs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.security.domain.Role;
import app.rungs.security.service.AccountService;
import app.rungs.security.service.SystemAuthentication;
import app.rungs.security.service.Totp;
import app.rungs.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The sign-in screens in a real browser: throttle message, own password change, TOTP enrolment and prompt. */
@IntegrationTest
class SignInSecurityBrowserTest {

    static final String PASSWORD = "browser-sign-in-2026";

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    JdbcClient jdbc;

    WebDriver driver;
    String name;

    @BeforeEach
    void start() {
        driver = BrowserTestSupport.startChrome();
    }

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.quit();
        }
        jdbc.sql(
                        "delete from login_throttle where subject like ? or subject = '127.0.0.1' or subject = '0:0:0:0:0:0:0:1'")
                .params("%" + name)
                .update();
    }

    private String newAccount(Role role) {
        name = "browser-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        SystemAuthentication.run(() -> accounts.create(name, "Browser Tester", PASSWORD, EnumSet.of(role), null));
        return name;
    }

    private void menu(String item) {
        var wait = BrowserTestSupport.waitFor(driver);
        // Clicked by script: a closing dialog or a notification may still cover the menu for a moment.
        var js = (JavascriptExecutor) driver;
        js.executeScript(
                "arguments[0].click()", driver.findElement(By.cssSelector(".user-menu vaadin-menu-bar-button")));
        wait.until(d -> BrowserTestSupport.deepFind(d, "vaadin-menu-bar-item", item) != null);
        js.executeScript("arguments[0].click()", BrowserTestSupport.deepFind(driver, "vaadin-menu-bar-item", item));
    }

    private void type(WebElement field, String text) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].focus()", field);
        field.sendKeys(text);
    }

    private WebElement input(String fieldSelector, int index) {
        return (WebElement) ((JavascriptExecutor) driver)
                .executeScript(
                        "const all = [...document.querySelectorAll(arguments[0])];"
                                + " return all.at(arguments[1]).querySelector('input')",
                        fieldSelector,
                        index);
    }

    @Test
    void aThrottledAccountSeesWhenToTryAgain() throws Exception {
        var victim = newAccount(Role.ENGINEER);
        // Six wrong guesses as a script would send them: the login page first (session and CSRF token), then the form.
        var http = HttpClient.newBuilder()
                .cookieHandler(new java.net.CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        var csrf = java.util.regex.Pattern.compile("name=\"_csrf\"\\s+content=\"([^\"]+)\"");
        for (int i = 0; i < 6; i++) {
            var page = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            var token = csrf.matcher(page.body());
            assertThat(token.find()).as("the login page carries a CSRF token").isTrue();
            var answer = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("username=" + victim
                                    + "&password=wrong-guess-" + i + "&_csrf="
                                    + java.net.URLEncoder.encode(
                                            token.group(1), java.nio.charset.StandardCharsets.UTF_8)))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(answer.headers().firstValue("Location").orElse("")).contains("/login?");
        }
        BrowserTestSupport.signIn(driver, "http://localhost:" + port, victim, PASSWORD);
        var wait = BrowserTestSupport.waitFor(driver);
        wait.until(d -> d.getCurrentUrl().contains("throttled="));
        wait.until(d -> BrowserTestSupport.deepFind(d, "*", "Too many failed sign-ins") != null);
        assertThat(BrowserTestSupport.deepFind(driver, "*", "Try again in")).isNotNull();
        BrowserTestSupport.screenshot(driver, "login-throttled");
    }

    @Test
    void anAdminChangesTheirPasswordAndTurnsOnTwoStepSignIn() {
        var base = "http://localhost:" + port;
        var wait = BrowserTestSupport.waitFor(driver);
        var admin = newAccount(Role.ADMIN);
        BrowserTestSupport.signIn(driver, base, admin, PASSWORD);
        wait.until(d -> !d.findElements(By.cssSelector(".user-menu")).isEmpty());

        menu("Change password");
        wait.until(d -> !d.findElements(
                        By.cssSelector("vaadin-dialog-overlay vaadin-password-field, " + "vaadin-password-field"))
                .isEmpty());
        type(input("vaadin-password-field", 0), PASSWORD);
        type(input("vaadin-password-field", 1), "password1234");
        type(input("vaadin-password-field", 2), "password1234");
        BrowserTestSupport.deepFind(driver, "vaadin-button", "Change password").click();
        wait.until(d -> BrowserTestSupport.deepFind(d, "p", "common or breached") != null);
        BrowserTestSupport.screenshot(driver, "change-password-dialog");
        BrowserTestSupport.deepFind(driver, "vaadin-button", "Cancel").click();
        wait.until(d -> d.findElements(By.cssSelector("vaadin-password-field")).isEmpty());

        menu("Two-step sign-in");
        wait.until(d -> !d.findElements(By.cssSelector(".totp-secret")).isEmpty());
        var secret =
                driver.findElement(By.cssSelector(".totp-secret")).getText().replace(" ", "");
        assertThat(driver.findElements(By.cssSelector("svg.totp-qr"))).isNotEmpty();
        BrowserTestSupport.screenshot(driver, "totp-enrolment");
        long step = Totp.stepAt(Instant.now());
        type(input("vaadin-text-field", -1), Totp.code(secret, step));
        BrowserTestSupport.deepFind(driver, "vaadin-button", "Turn on").click();
        wait.until(d -> d.findElements(By.cssSelector(".totp-secret")).isEmpty());

        menu("Sign out");
        wait.until(d -> d.getCurrentUrl().contains("/login"));
        BrowserTestSupport.signIn(driver, base, admin, PASSWORD);
        wait.until(d -> d.getCurrentUrl().contains("/login?code"));
        wait.until(d -> !d.findElements(By.cssSelector(".totp-code")).isEmpty());
        BrowserTestSupport.screenshot(driver, "totp-prompt");

        driver.get(base + "/");
        wait.until(d -> d.getCurrentUrl().contains("/login"));
        assertThat(driver.findElements(By.cssSelector(".user-menu")))
                .as("no session before the code")
                .isEmpty();

        BrowserTestSupport.signIn(driver, base, admin, PASSWORD);
        wait.until(d -> !d.findElements(By.cssSelector(".totp-code")).isEmpty());
        type(input(".totp-code", 0), Totp.code(secret, step));
        BrowserTestSupport.deepFind(driver, "vaadin-button", "Verify").click();
        wait.until(d -> BrowserTestSupport.deepFind(d, "p", "already used") != null);
        type(input(".totp-code", 0), Totp.code(secret, step + 1));
        BrowserTestSupport.deepFind(driver, "vaadin-button", "Verify").click();
        wait.until(d -> !d.findElements(By.cssSelector(".user-menu")).isEmpty());
    }
}
