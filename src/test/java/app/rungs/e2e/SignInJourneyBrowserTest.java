package app.rungs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A real browser signs in through the login form with a demo account, sees the home page and signs out. */
@IntegrationTest
class SignInJourneyBrowserTest {

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

    @Test
    void anEngineerSignsInSeesTheirLevelAndSignsOut() {
        var base = "http://localhost:" + port;
        var wait = BrowserTestSupport.waitFor(driver);

        driver.get(base + "/");
        wait.until(d -> d.getCurrentUrl().endsWith("/login"));

        BrowserTestSupport.signIn(driver, base, DemoUsers.ENGINEER, DemoUsers.PASSWORD);
        wait.until(d ->
                !d.findElements(By.xpath("//h1[contains(., 'Welcome, Lena')]")).isEmpty());
        assertThat(driver.findElement(By.cssSelector(".level-badge-large")).getText())
                .isEqualTo("DSE-2");
        assertThat(driver.getPageSource()).contains("What your next level asks");
        BrowserTestSupport.screenshot(driver, "engineer-home");

        driver.findElement(By.cssSelector(".user-menu vaadin-menu-bar-button")).click();
        wait.until(d -> BrowserTestSupport.deepFind(d, "vaadin-menu-bar-item", "Sign out") != null);
        BrowserTestSupport.deepFind(driver, "vaadin-menu-bar-item", "Sign out").click();

        wait.until(d -> d.getCurrentUrl().contains("/login"));
        wait.until(d -> d.getPageSource().contains("You have signed out."));
        driver.get(base + "/");
        wait.until(d -> d.getCurrentUrl().endsWith("/login"));
    }

    @Test
    void aWrongPasswordIsRefusedWithAClearMessage() {
        var base = "http://localhost:" + port;
        BrowserTestSupport.signIn(driver, base, DemoUsers.ENGINEER, "not-the-password");
        var wait = BrowserTestSupport.waitFor(driver);
        wait.until(d -> d.getCurrentUrl().contains("error"));
        wait.until(d -> BrowserTestSupport.deepFind(d, "*", "Wrong username or password") != null);
        assertThat(driver.getCurrentUrl()).contains("/login");
    }

    @Test
    void aFailedSignInKeepsTheUsernameButNotThePassword() {
        var base = "http://localhost:" + port;
        BrowserTestSupport.signIn(driver, base, DemoUsers.ENGINEER, "not-the-password");
        var wait = BrowserTestSupport.waitFor(driver);
        wait.until(d -> d.getCurrentUrl().contains("error"));
        wait.until(d -> BrowserTestSupport.deepFind(d, "*", "Wrong username or password") != null);
        wait.until(d -> DemoUsers.ENGINEER.equals(
                d.findElement(By.cssSelector("input[name='username']")).getDomProperty("value")));
        assertThat(driver.findElement(By.cssSelector("input[name='password']")).getDomProperty("value"))
                .isEmpty();

        // The name is remembered for the next page only: a fresh visit starts empty.
        driver.get(base + "/login");
        wait.until(
                d -> !d.findElements(By.cssSelector("input[name='username']")).isEmpty());
        assertThat(driver.findElement(By.cssSelector("input[name='username']")).getDomProperty("value"))
                .isEmpty();
    }
}
