package app.rungs.e2e;

import static app.rungs.support.ScimHttp.json;
import static app.rungs.support.ScimHttp.patch;
import static app.rungs.support.ScimHttp.user;
import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.scim.service.ScimSafetyValve;
import app.rungs.scim.service.ScimTokens;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import app.rungs.support.RunAs;
import app.rungs.support.ScimHttp;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The identity provider provisions a person through SCIM (curl-style), then deactivates them; the admin sees the new
 * person in the people grid, the SCIM token as the actor in the audit log, and the person under "Left" afterwards.
 */
@IntegrationTest
class ScimProvisioningJourneyBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    ScimTokens tokens;

    @Autowired
    ScimSafetyValve valve;

    @Autowired
    RunAs runAs;

    WebDriver driver;
    PageActions page;

    @BeforeEach
    void startBrowser() {
        driver = BrowserTestSupport.startChrome();
        page = new PageActions(driver, "http://localhost:" + port);
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    private void filterPeopleBy(String name) {
        page.waitFor("vaadin-grid.people-grid");
        var field = "vaadin-grid.people-grid vaadin-text-field[placeholder='Name or email']";
        page.waitFor(field);
        page.js(
                "const f = arguments[0]; f.value = arguments[1];"
                        + " f.dispatchEvent(new Event('input', {bubbles: true}));"
                        + " f.dispatchEvent(new CustomEvent('change', {bubbles: true}));",
                page.find(field),
                name);
    }

    @Test
    void anAdminSeesAPersonTheIdentityProviderProvisionedAndDeactivatedInThePeopleGridAndAuditLog() {
        var suffix = UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9-]", "q");
        var tokenName = "Entra " + suffix;
        var secret = runAs.as(DemoUsers.ADMIN, () -> tokens.create(tokenName)).secret();
        var scim = new ScimHttp(port, secret);

        // Other tests deactivate people through SCIM in this hour too: keep the safety valve out of this journey.
        var limits = runAs.as(DemoUsers.ADMIN, () -> valve.limits());
        runAs.run(DemoUsers.ADMIN, () -> valve.changeLimits(limits.version(), 100, 100_000));
        try {
            provisionAndDeactivate(scim, tokenName);
        } finally {
            runAs.run(DemoUsers.ADMIN, () -> {
                var now = valve.limits();
                valve.changeLimits(now.version(), limits.maxSharePercent(), limits.maxPerHour());
            });
        }
    }

    private void provisionAndDeactivate(ScimHttp scim, String tokenName) {
        var suffix = tokenName.substring("Entra ".length());
        var name = "Lena Provisioned" + suffix;
        var email = "lena.provisioned" + suffix + "@example.com";
        var created = scim.post("/scim/v2/Users", user(email, "Lena", "Provisioned" + suffix, "SRE", null, null));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        var id = json(created).get("id").asString();

        page.signIn(DemoUsers.ADMIN, DemoUsers.PASSWORD);
        page.open("/people");
        filterPeopleBy(name);
        page.waitFor("vaadin-grid-cell-content", name);
        BrowserTestSupport.screenshot(driver, "scim-provisioned-in-people-grid");

        // Entra deactivates with a PATCH of "active"; the person leaves, their history stays.
        var off = scim.patch(
                "/scim/v2/Users/" + id, patch("{\"op\": \"replace\", \"path\": \"active\", \"value\": false}"));
        assertThat(off.statusCode()).as(off.body()).isEqualTo(200);

        page.open("/people");
        filterPeopleBy(name);
        page.waiting().until(d -> page.find("vaadin-grid-cell-content", name) == null);
        page.choose(".people-page vaadin-select", "vaadin-select-item", "Left");
        filterPeopleBy(name);
        page.waitFor("vaadin-grid-cell-content", name);

        page.open("/admin/audit");
        page.waitFor("vaadin-text-field[placeholder='Search summary or object id']");
        page.js(
                "const f = arguments[0]; f.value = arguments[1];"
                        + " f.dispatchEvent(new Event('input', {bubbles: true}));"
                        + " f.dispatchEvent(new CustomEvent('change', {bubbles: true}));",
                page.find("vaadin-text-field[placeholder='Search summary or object id']"),
                name);
        page.waitFor("vaadin-grid-cell-content", "SCIM (" + tokenName + ")");
        page.waiting()
                .until(d -> page.pageText().contains(name)
                        && page.pageText().toLowerCase().contains("deactivat"));
        BrowserTestSupport.screenshot(driver, "scim-provisioning-in-audit-log");
    }
}
