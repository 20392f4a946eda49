package app.rungs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.security.domain.Role;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import app.rungs.support.SsoFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An admin maps a provider group to a role on "Sign-in & SSO"; the sign-in page offers the provider. */
@IntegrationTest
class SignInSettingsJourneyBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    SsoFixtures fixtures;

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
        fixtures.clearMappings();
    }

    @Test
    void anAdminMapsAProviderGroupToTheManagerRole() {
        var base = "http://localhost:" + port;
        var wait = BrowserTestSupport.waitFor(driver);
        driver.get(base + "/login");
        wait.until(d -> !d.findElements(By.cssSelector("a.sso-button")).isEmpty());
        shoot("sso-login");
        dark();
        shoot("sso-login-dark");

        BrowserTestSupport.signIn(driver, base, DemoUsers.ADMIN, DemoUsers.PASSWORD);
        wait.until(d -> !d.findElements(By.cssSelector(".user-role")).isEmpty());
        driver.get(base + "/admin/sign-in");
        wait.until(d -> !d.findElements(By.id("sso-claim-value")).isEmpty());
        assertThat(driver.getPageSource()).contains("Test IdP");

        driver.findElement(By.cssSelector("#sso-claim-value input")).sendKeys("rungs-managers");
        driver.findElement(By.id("sso-role")).click();
        wait.until(d -> BrowserTestSupport.deepFind(d, "vaadin-select-item", "Manager") != null);
        BrowserTestSupport.deepFind(driver, "vaadin-select-item", "Manager").click();
        driver.findElement(By.id("sso-add-mapping")).click();

        wait.until(d -> d.findElement(By.id("sso-mappings")).isDisplayed()
                && d.getPageSource().contains("rungs-managers"));
        assertThat(fixtures.auditCount("SSO_ROLE_MAPPING_ADDED", "\"rungs-managers\" now grants the role Manager"))
                .isPositive();
        fixtures.map("rungs-engineers", Role.ENGINEER);
        driver.navigate().refresh();
        wait.until(d -> d.getPageSource().contains("rungs-engineers"));
        shoot("sso-settings");
        dark();
        shoot("sso-settings-dark");
    }

    private void dark() {
        ((JavascriptExecutor) driver)
                .executeScript("document.documentElement.setAttribute('theme', 'dark');"
                        + " document.documentElement.style.colorScheme = 'dark';");
    }

    private void shoot(String name) {
        BrowserTestSupport.screenshot(driver, name);
    }
}
