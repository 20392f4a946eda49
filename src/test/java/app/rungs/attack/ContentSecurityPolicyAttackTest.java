package app.rungs.attack;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.calibration.service.CalibrationSessions;
import app.rungs.e2e.BrowserTestSupport;
import app.rungs.ladder.service.LadderService;
import app.rungs.promotion.service.CaseFilter;
import app.rungs.promotion.service.PromotionService;
import app.rungs.security.service.AccountService;
import app.rungs.security.service.SystemAuthentication;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;

/**
 * Every screen, as every role, runs under the strict Content-Security-Policy: the browser reports no violation (an
 * inline script without the nonce, a blocked websocket or image) and logs no CSP error. A policy that broke a
 * screen would show up here; an injected script would be refused the same way.
 */
@IntegrationTest
class ContentSecurityPolicyAttackTest {

    /** Runs before any script of each page, and is itself exempt from the page's policy. */
    private static final String RECORD_VIOLATIONS = """
            window.__cspViolations = [];
            document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(
                e.violatedDirective + ' blocked ' + e.blockedURI + ' at ' + e.sourceFile + ':' + e.lineNumber));
            """;

    @LocalServerPort
    int port;

    @Autowired
    LadderService ladders;

    @Autowired
    CalibrationSessions sessions;

    @Autowired
    PromotionService promotions;

    @Autowired
    AccountService accounts;

    WebDriver driver;
    String ladder;
    String session;
    String promotionCase;
    String engineer;

    @BeforeEach
    void findObjectsToOpen() {
        SystemAuthentication.run(() -> {
            ladder = ladders.defaultLadderId().orElseThrow().toString();
            session = sessions.find(PageRequest.of(0, 1)).getFirst().id().toString();
            promotionCase = promotions
                    .find(CaseFilter.none(), PageRequest.of(0, 1))
                    .getFirst()
                    .id()
                    .toString();
            engineer = accounts.findByUsername(DemoUsers.ENGINEER)
                    .orElseThrow()
                    .personId()
                    .toString();
        });
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void everyAdminScreenRunsUnderThePolicyWithoutViolations() {
        visitAll(
                DemoUsers.ADMIN,
                "",
                "ladders",
                "ladder",
                "ladders/" + ladder + "/browse",
                "ladders/" + ladder + "/history",
                "ladders/" + ladder + "/compare",
                "ladders/" + ladder + "/levels/DSE-2",
                "ladders/" + ladder + "/edit",
                "people",
                "people/" + engineer,
                "people/import",
                "org-chart",
                "promotions",
                "promotions/" + promotionCase,
                "calibration",
                "calibration/" + session,
                "calibration/" + session + "/preparation",
                "admin/audit",
                "notifications");
    }

    @Test
    void everyManagerScreenRunsUnderThePolicyWithoutViolations() {
        visitAll(
                DemoUsers.MANAGER,
                "",
                "review",
                "my-evidence",
                "coverage",
                "people",
                "people/" + engineer,
                "org-chart",
                "promotions",
                "calibration",
                "ladder",
                "notifications");
    }

    @Test
    void everyEngineerScreenRunsUnderThePolicyWithoutViolations() {
        visitAll(
                DemoUsers.ENGINEER,
                "",
                "profile",
                "my-evidence",
                "coverage",
                "my-calibration",
                "ladder",
                "ladders/" + ladder + "/browse",
                "ladders/" + ladder + "/history",
                "ladders/" + ladder + "/compare",
                "ladders/" + ladder + "/levels/DSE-2",
                "promotions",
                "notifications");
    }

    @Test
    void anInjectedInlineScriptIsRefusedByTheBrowser() {
        start();
        open("login");
        var js = (JavascriptExecutor) driver;
        // What an HTML injection would add to the page: an inline script and an inline event handler.
        js.executeScript("""
                const s = document.createElement('script');
                s.textContent = 'window.__injected = true';
                document.body.appendChild(s);
                const img = document.createElement('img');
                img.setAttribute('onerror', 'window.__injectedHandler = true');
                img.src = 'data:,x';
                document.body.appendChild(img);
                """);
        BrowserTestSupport.waitFor(driver).until(d -> violations().size() >= 2);
        assertThat(js.executeScript("return window.__injected === true")).isEqualTo(false);
        assertThat(js.executeScript("return window.__injectedHandler === true")).isEqualTo(false);
        assertThat(violations()).allMatch(v -> v.startsWith("script-src"));
    }

    private void visitAll(String username, String... routes) {
        start();
        open("login");
        BrowserTestSupport.signIn(driver, base(), username, DemoUsers.PASSWORD);
        BrowserTestSupport.waitFor(driver).until(d -> !d.getCurrentUrl().contains("/login"));
        var problems = new ArrayList<String>();
        for (var route : List.of(routes)) {
            open(route);
            violations().forEach(v -> problems.add(route + ": " + v));
            consoleErrors().forEach(e -> problems.add(route + " (console): " + e));
        }
        assertThat(problems)
                .as("CSP violations and console errors as " + username)
                .isEmpty();
    }

    private void start() {
        driver = BrowserTestSupport.startChromeWithConsoleLog();
        ((ChromeDriver) driver)
                .executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORD_VIOLATIONS));
    }

    private String base() {
        return "http://localhost:" + port;
    }

    /** Loads the route from scratch (the full bootstrap) and waits until Vaadin has nothing left to do. */
    private void open(String route) {
        driver.get(base() + "/" + route);
        var js = (JavascriptExecutor) driver;
        BrowserTestSupport.waitFor(driver)
                .withMessage("Vaadin to start on " + route)
                .until(d -> Boolean.TRUE.equals(js.executeScript("""
                        const clients = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;
                        return document.readyState === 'complete' && !!clients && Object.keys(clients).length > 0;
                        """)));
        try {
            // Live screens keep talking to the server; for the others, wait until the first round trips are done.
            new WebDriverWait(driver, Duration.ofSeconds(10))
                    .until(d -> Boolean.TRUE.equals(js.executeScript(
                            "return Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive())")));
        } catch (TimeoutException stillBusy) {
            // Checked all the same: the policy applies to whatever the page has run so far.
        }
        // Let late work (lazy chunks, the push connection, images) run into the policy too.
        try {
            Thread.sleep(700);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @SuppressWarnings("unchecked")
    private List<String> violations() {
        var result = ((JavascriptExecutor) driver).executeScript("return window.__cspViolations || []");
        return new ArrayList<>((List<String>) result);
    }

    private List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue()
                        || e.getMessage().contains("Content Security Policy")
                        || e.getMessage().contains("Content-Security-Policy"))
                .map(e -> e.getLevel() + " " + e.getMessage())
                .toList();
    }
}
