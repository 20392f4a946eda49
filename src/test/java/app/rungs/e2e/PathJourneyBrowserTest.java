package app.rungs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.evidence.EvidenceFixtures;
import app.rungs.evidence.service.EvidenceService;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonEditingService;
import app.rungs.security.service.AccountService;
import app.rungs.security.service.SystemAuthentication;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Each engineer is measured against what their path asks: a data-infrastructure engineer and a research scientist
 * see only their path's expectations on home and coverage, with the readiness rule as a checklist; a manager marks
 * a competency not applicable with a reason and the engineer's readiness changes.
 */
@IntegrationTest
class PathJourneyBrowserTest {

    /** Competencies of other specializations that Lena Fischer (data infrastructure) must never be asked. */
    private static final List<String> NOT_DATA_INFRASTRUCTURE = List.of(
            "blockchain-as-distributed-system",
            "authentication-federation",
            "peer-to-peer-systems",
            "gossip-protocols");

    private static final String RESEARCH_SCIENTIST = "hiro.sato@rungs.demo";

    @LocalServerPort
    int port;

    @Autowired
    EvidenceService evidence;

    @Autowired
    PeopleService people;

    @Autowired
    PersonEditingService peopleEditing;

    @Autowired
    AccountService accounts;

    @Autowired
    UserDetailsService users;

    WebDriver driver;
    String base;
    EvidenceFixtures fx;

    @BeforeEach
    void startBrowser() {
        fx = new EvidenceFixtures(people, peopleEditing, accounts, users, evidence);
        driver = BrowserTestSupport.startChrome();
        base = "http://localhost:" + port;
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void aDataInfrastructureEngineerSeesOnlyTheirPathsExpectationsOnHomeAndCoverage() {
        var wait = BrowserTestSupport.waitFor(driver);
        signIn(DemoUsers.ENGINEER, DemoUsers.PASSWORD);
        wait.until(d -> find("#next-level-asks") != null);
        assertThat(text("#next-level-intro")).startsWith("DSE-3").contains("Data infrastructure");
        var home = attribute("#next-level-asks", "data-competency");
        assertThat(home).isNotEmpty().doesNotContainAnyElementsOf(NOT_DATA_INFRASTRUCTURE);
        assertThat(find("#readiness-target-share")).isNotNull();
        screenshots("path-journey-home-lena");

        driver.get(base + "/coverage");
        wait.until(d -> find("#readiness-checklist") != null);
        var shown = lineKeys();
        var asked = pathKeys(fx.personOf(DemoUsers.ENGINEER), "DSE-3");
        assertThat(shown).isEqualTo(asked).doesNotContainAnyElementsOf(NOT_DATA_INFRASTRUCTURE);
        assertThat(find("#readiness-current-core")).isNotNull();
        assertThat(find("#readiness-target-share")).isNotNull();
        screenshots("path-journey-coverage-lena");
    }

    @Test
    void aResearchScientistSeesTheResearchTracksExpectationsNotTheDistinguishedEngineers() {
        var wait = BrowserTestSupport.waitFor(driver);
        signIn(RESEARCH_SCIENTIST, DemoUsers.PASSWORD);
        driver.get(base + "/coverage");
        wait.until(d -> find("#readiness-checklist") != null);
        var hiro = fx.personOf(RESEARCH_SCIENTIST);
        assertThat(text(".coverage-page .page-intro")).contains("Research Scientist track");
        var shown = lineKeys();
        assertThat(shown).isEqualTo(pathKeys(hiro, "RS-1"));
        // What a Distinguished Engineer of the same specialization is asked differs: the branches ask different things.
        var distinguished = SystemAuthentication.call(() -> {
            var ladder = evidence.context(hiro).orElseThrow().ladder();
            var path = new app.rungs.ladder.service.PersonPath(
                    "DE", app.rungs.ladder.domain.SpecializationTrack.RESEARCH_PROTOCOL_DESIGN);
            var keys = new HashSet<String>();
            ladder.requirementsOf("DE-1", path)
                    .forEach(r -> keys.add(r.competency().key()));
            return keys;
        });
        assertThat(shown).isNotEqualTo(distinguished);
        BrowserTestSupport.screenshot(driver, "path-journey-coverage-research-scientist");
    }

    @Test
    void aManagerMarksACompetencyNotApplicableWithAReasonAndReadinessChanges() {
        var wait = BrowserTestSupport.waitFor(driver);
        var engineer = fx.newEngineer("Nadia Waived", "DSE-1");
        var id = fx.personOf(engineer);
        signIn(DemoUsers.MANAGER, DemoUsers.PASSWORD);
        driver.get(base + "/coverage/" + id);
        wait.until(d -> find("#readiness-target-share") != null);
        var before = text("#readiness-target-share");
        var competency = "fault-tolerance-resilience";
        assertThat(text("#coverage-line-" + competency)).doesNotContain("Not applicable");

        click("#waiver-mark-" + competency);
        wait.until(d -> find("#waiver-reason") != null);
        var area = input("#waiver-reason", "textarea");
        area.click();
        area.sendKeys("Nadia works on the batch pipeline; resilience is owned by the platform team.");
        area.sendKeys(Keys.TAB);
        click("#waiver-confirm");

        wait.until(d -> text("#coverage-line-" + competency).contains("Not applicable"));
        wait.until(d -> !text("#readiness-target-share").equals(before));
        assertThat(text("#coverage-line-" + competency)).contains("resilience is owned by the platform team");
        assertThat(text("#readiness-checklist")).contains("1 competency is marked not applicable");
        BrowserTestSupport.screenshot(driver, "path-journey-manager-waives");
    }

    // ---------------------------------------------------------------- helpers

    /** The page in the light theme, then in the dark one (as the account menu's toggle sets it), then light again. */
    private void screenshots(String name) {
        var js = (JavascriptExecutor) driver;
        BrowserTestSupport.screenshot(driver, name + "-light");
        js.executeScript("document.documentElement.setAttribute('theme', 'dark');"
                + " document.documentElement.style.colorScheme = 'dark';");
        BrowserTestSupport.screenshot(driver, name + "-dark");
        js.executeScript("document.documentElement.removeAttribute('theme');"
                + " document.documentElement.style.colorScheme = 'light';");
    }

    /** What the target level asks of the person's path, by the service (the page must show exactly these). */
    private Set<String> pathKeys(Long personId, String levelKey) {
        return SystemAuthentication.call(() -> {
            var keys = new HashSet<String>();
            evidence.coverage(personId, levelKey).lines().forEach(l -> keys.add(l.competencyKey()));
            return keys;
        });
    }

    @SuppressWarnings("unchecked")
    private Set<String> lineKeys() {
        var ids = (List<String>) ((JavascriptExecutor) driver)
                .executeScript("return Array.from(document.querySelectorAll('.coverage-line')).map(e => e.id)");
        var keys = new HashSet<String>();
        ids.forEach(i -> keys.add(i.substring("coverage-line-".length())));
        return keys;
    }

    @SuppressWarnings("unchecked")
    private List<String> attribute(String listCss, String name) {
        return (List<String>) ((JavascriptExecutor) driver)
                .executeScript(
                        "return Array.from(document.querySelectorAll(arguments[0] + ' li')).map(e =>"
                                + " e.getAttribute(arguments[1]))",
                        listCss,
                        name);
    }

    private void signIn(String username, String password) {
        driver.manage().deleteAllCookies();
        BrowserTestSupport.signIn(driver, base, username, password);
        BrowserTestSupport.waitFor(driver)
                .until(d -> d.findElements(By.cssSelector("vaadin-app-layout")).size() == 1);
    }

    private WebElement find(String css) {
        return BrowserTestSupport.deepFind(driver, css, null);
    }

    private String text(String css) {
        var el = find(css);
        return el == null ? "" : el.getText();
    }

    private void click(String css) {
        BrowserTestSupport.waitFor(driver)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> {
                    var element = find(css);
                    if (element == null) {
                        return false;
                    }
                    ((JavascriptExecutor) driver).executeScript("arguments[0].click()", element);
                    return true;
                });
    }

    private WebElement input(String css, String tag) {
        BrowserTestSupport.waitFor(driver).until(d -> find(css + " " + tag) != null);
        return find(css + " " + tag);
    }
}
