package app.rungs.attack;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.e2e.BrowserTestSupport;
import app.rungs.security.domain.Role;
import app.rungs.security.service.AccountService;
import app.rungs.support.IntegrationTest;
import java.util.EnumSet;
import org.apache.catalina.Context;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * An open tab left alone: its heartbeats keep the HTTP session alive, yet after the idle timeout the user must be
 * signed out. The session under test gets a 3-second idle timeout of its own, so the shared context keeps its 30
 * minutes.
 */
@IntegrationTest
class IdleSessionAttackTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    WebServerApplicationContext context;

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
    void anIdleTabKeptAliveByHeartbeatsIsSignedOutAfterTheIdleTimeout() throws Exception {
        var base = "http://localhost:" + port;
        var wait = BrowserTestSupport.waitFor(driver);
        var name = AttackFixtures.newAccount(accounts, EnumSet.of(Role.ENGINEER));
        BrowserTestSupport.signIn(driver, base, name, AttackFixtures.PASSWORD);
        wait.until(d -> !d.findElements(By.cssSelector(".user-menu")).isEmpty());

        var sessionId = driver.manage().getCookieNamed("JSESSIONID").getValue();
        var tomcat = ((TomcatWebServer) context.getWebServer()).getTomcat();
        var session =
                ((Context) tomcat.getHost().findChildren()[0]).getManager().findSession(sessionId);
        // A 3-second idle timeout for this session only (IdleSessionSignOut's per-session override), and the same
        // HTTP session timeout, so heartbeats are what keeps the session.
        session.getSession().setAttribute("rungs.idle-timeout-seconds", 3);
        session.setMaxInactiveInterval(3);

        // Heartbeats every second (as the tab sends them, only more often): the HTTP session never times out by
        // itself, so only the idle logic can end it.
        for (int i = 0; i < 7; i++) {
            Thread.sleep(1000);
            ((JavascriptExecutor) driver)
                    .executeScript(
                            "fetch('./?v-r=heartbeat&v-uiId=0'," + " {method: 'POST', credentials: 'same-origin'})");
        }
        Thread.sleep(1000);

        assertThat(session.isValid()).as("HTTP session invalidated").isFalse();
        // The open tab's next interaction (if it has not already noticed by itself) goes to the sign-in page with the
        // notice.
        var item = BrowserTestSupport.deepFind(driver, "vaadin-side-nav-item", "");
        if (item != null) {
            ((JavascriptExecutor) driver).executeScript("arguments[0].click()", item);
        }
        wait.until(d -> d.getCurrentUrl().contains("/login"));
        wait.until(d -> d.getPageSource().contains("Your session has ended"));
        BrowserTestSupport.screenshot(driver, "idle-tab-signed-out");
        driver.get(base + "/");
        wait.until(d -> d.getCurrentUrl().endsWith("/login"));
    }
}
