package app.rungs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.security.domain.Role;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import app.rungs.support.SsoFixtures;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import testidp.TestOidcProvider;

/**
 * Single sign-on in a real browser against a real OIDC provider (Spring Authorization Server in this JVM): signing in
 * there lands on the Rungs home with the right role, an unknown email is refused clearly, a changed group claim
 * changes the role at the next sign-in, and signing out ends both sessions; the provider's back-channel logout ends
 * the Rungs session.
 */
@IntegrationTest
class SingleSignOnJourneyBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    SsoFixtures fixtures;

    WebDriver driver;
    String base;
    final TestOidcProvider provider = TestOidcProvider.get();

    @BeforeEach
    void startBrowser() {
        base = "http://localhost:" + port;
        driver = BrowserTestSupport.startChrome();
    }

    @AfterEach
    void stopBrowser(org.junit.jupiter.api.TestInfo test) throws Exception {
        if (driver != null) {
            var dump = java.nio.file.Path.of("target", "screenshots", "sso-" + test.getDisplayName() + ".html");
            java.nio.file.Files.createDirectories(dump.getParent());
            java.nio.file.Files.writeString(dump, driver.getCurrentUrl() + "\n" + driver.getPageSource());
            driver.quit();
        }
        fixtures.clearMappings();
    }

    @Test
    void anEngineerSignsInThroughTheProviderAndLandsOnTheirHomeAsEngineer() {
        provider.user(
                DemoUsers.ENGINEER, new TestOidcProvider.Claims(DemoUsers.ENGINEER, true, List.of("rungs-engineers")));

        signInAtProvider(DemoUsers.ENGINEER);

        var wait = BrowserTestSupport.waitFor(driver);
        wait.until(d ->
                !d.findElements(By.xpath("//h1[contains(., 'Welcome, Lena')]")).isEmpty());
        assertThat(shownRole()).isEqualTo("Engineer");
        assertThat(driver.findElement(By.cssSelector(".level-badge-large")).getText())
                .isEqualTo("DSE-2");
        BrowserTestSupport.screenshot(driver, "sso-engineer-home");
    }

    @Test
    void someoneWithNoRungsAccountIsToldSoAndIsNotSignedIn() {
        var email = SsoFixtures.newEmail("stranger");
        provider.user(email, new TestOidcProvider.Claims(email, true, List.of("rungs-engineers")));

        signInAtProvider(email);

        var wait = BrowserTestSupport.waitFor(driver);
        wait.until(d -> d.getCurrentUrl().startsWith(base + "/login"));
        wait.until(d -> !d.findElements(By.id("sso-problem")).isEmpty());
        assertThat(driver.findElement(By.id("sso-problem")).getText())
                .isEqualTo("There is no Rungs account for " + email + ". Ask your Rungs admin to add you.");
        BrowserTestSupport.screenshot(driver, "sso-no-account");
        driver.get(base + "/");
        wait.until(d -> d.getCurrentUrl().endsWith("/login"));
    }

    @Test
    void aChangedGroupClaimChangesTheRoleAtTheNextSignInAndSigningOutEndsBothSessions() {
        var email = SsoFixtures.newEmail("promoted");
        fixtures.account(email, Role.ENGINEER);
        fixtures.map("rungs-engineers", Role.ENGINEER);
        fixtures.map("rungs-managers", Role.MANAGER);
        provider.user(email, new TestOidcProvider.Claims(email, true, List.of("rungs-engineers")));

        signInAtProvider(email);
        var wait = BrowserTestSupport.waitFor(driver);
        assertThat(shownRole()).isEqualTo("Engineer");

        signOut();
        // RP-initiated logout went through the provider's end-session endpoint and came back here.
        wait.until(d -> d.getCurrentUrl().startsWith(base + "/login"));
        wait.until(d -> d.getPageSource().contains("You have signed out."));
        driver.get(base + "/");
        wait.until(d -> d.getCurrentUrl().endsWith("/login"));

        provider.user(email, new TestOidcProvider.Claims(email, true, List.of("rungs-managers", "unmapped")));
        // The provider session ended too: the provider asks for the password again instead of signing straight in.
        signInAtProvider(email);
        assertThat(shownRole()).isEqualTo("Manager");
        assertThat(fixtures.rolesOf(email)).containsExactly(Role.MANAGER);
        assertThat(fixtures.auditCount("SSO_ROLES_CHANGED", email)).isEqualTo(1);
    }

    @Test
    void theProvidersBackChannelLogoutEndsTheRungsSession() throws Exception {
        var email = SsoFixtures.newEmail("backchannel");
        fixtures.account(email, Role.ENGINEER);
        provider.user(email, new TestOidcProvider.Claims(email, true, List.of()));
        signInAtProvider(email);
        var wait = BrowserTestSupport.waitFor(driver);
        wait.until(d -> !d.findElements(By.cssSelector(".user-role")).isEmpty());

        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        base + "/logout/connect/back-channel/" + TestOidcProvider.REGISTRATION_ID))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("logout_token="
                                        + URLEncoder.encode(provider.logoutToken(email), StandardCharsets.UTF_8)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);

        driver.get(base + "/");
        wait.until(d -> d.getCurrentUrl().contains("/login"));
        wait.until(d -> d.getPageSource().contains("Your session has ended. Please sign in again."));
        assertThat(fixtures.auditCount("SSO_BACK_CHANNEL_LOGOUT", "ended 1 session"))
                .isPositive();
    }

    /** From the Rungs sign-in page through the provider's own sign-in form. */
    private void signInAtProvider(String username) {
        var wait = BrowserTestSupport.waitFor(driver);
        driver.get(base + "/login");
        wait.until(d -> !d.findElements(By.cssSelector("a.sso-button")).isEmpty());
        var button = driver.findElement(By.cssSelector("a.sso-button"));
        assertThat(button.getText()).isEqualTo("Sign in with " + TestOidcProvider.NAME);
        button.click();
        wait.until(d -> d.getCurrentUrl().startsWith(provider.issuer()));
        wait.until(d -> !d.findElements(By.id("username")).isEmpty());
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(TestOidcProvider.PASSWORD);
        driver.findElement(By.cssSelector("button[type='submit']")).click();
        wait.until(d -> d.getCurrentUrl().startsWith(base));
    }

    /** The role in the user menu once it is rendered: the span is in the page before its text is visible. */
    private String shownRole() {
        return BrowserTestSupport.waitFor(driver)
                .until(d -> d.findElements(By.cssSelector(".user-role")).stream()
                        .map(e -> e.getText())
                        .filter(text -> !text.isBlank())
                        .findFirst()
                        .orElse(null));
    }

    private void signOut() {
        var wait = BrowserTestSupport.waitFor(driver);
        driver.findElement(By.cssSelector(".user-menu vaadin-menu-bar-button")).click();
        wait.until(d -> BrowserTestSupport.deepFind(d, "vaadin-menu-bar-item", "Sign out") != null);
        BrowserTestSupport.deepFind(driver, "vaadin-menu-bar-item", "Sign out").click();
    }
}
