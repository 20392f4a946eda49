package app.rungs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Runs axe-core on every screen of the app, as each role that may open it, in the light and the dark theme, and
 * fails on any serious or critical violation. The screens are the {@code @Route} classes found on the classpath, so
 * a new screen is scanned without touching this test; a route with a parameter this test cannot fill fails it.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessibilityBrowserTest {

    private static final String AXE_SOURCE = axeSource();
    private static final Pattern PARAMETER = Pattern.compile(":([A-Za-z]+)(\\([^)]*\\))?");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserDetailsService users;

    WebDriver driver;

    @BeforeAll
    void startBrowser() {
        driver = BrowserTestSupport.startChrome();
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
    }

    private static String axeSource() {
        try (var in = AxeBuilder.class.getResourceAsStream("/axe.min.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void everyScreenInBothThemesHasNoSeriousOrCriticalAxeViolation() throws Exception {
        var base = "http://localhost:" + port;
        var routes = routes();
        assertThat(routes).hasSizeGreaterThan(20);
        var counts = new TreeMap<String, Integer>();
        var failures = new ArrayList<String>();

        // The sign-in page, signed out.
        driver.get(base + "/login");
        scanBothThemes("anonymous /login", counts, failures);

        for (var username : List.of(DemoUsers.ENGINEER, DemoUsers.MANAGER, DemoUsers.ADMIN)) {
            var roles = users.loadUserByUsername(username).getAuthorities().stream()
                    .map(GrantedAuthority::getAuthority)
                    .map(a -> a.replaceFirst("^ROLE_", ""))
                    .collect(Collectors.toSet());
            driver.manage().deleteAllCookies();
            BrowserTestSupport.signIn(driver, base, username, DemoUsers.PASSWORD);
            BrowserTestSupport.waitFor(driver).until(d -> !d.getCurrentUrl().contains("/login"));
            var role = username.substring(0, username.indexOf('@'));
            for (var route : routes) {
                if (!route.openableBy(roles)) {
                    continue;
                }
                var path = fill(route.template(), username);
                driver.get(base + "/" + path);
                scanBothThemes(role + " /" + path, counts, failures);
                if (path.equals("my-evidence")
                        && !driver.findElements(By.id("log-evidence")).isEmpty()) {
                    // The evidence editor is the engineer's main form: scan it open.
                    driver.findElement(By.id("log-evidence")).click();
                    BrowserTestSupport.waitFor(driver)
                            .until(d -> BrowserTestSupport.deepFind(d, "vaadin-dialog-overlay", null) != null);
                    scanBothThemes(role + " /my-evidence (evidence editor)", counts, failures);
                }
            }
        }

        System.out.println("axe serious/critical violations per screen and theme:");
        counts.forEach((screen, count) -> System.out.println("  " + count + "\t" + screen));
        assertThat(failures)
                .as("serious or critical axe violations:\n" + String.join("\n", failures))
                .isEmpty();
    }

    private void scanBothThemes(String screen, Map<String, Integer> counts, List<String> failures) {
        for (var dark : List.of(false, true)) {
            waitUntilIdle();
            js("""
                    if (arguments[0]) {
                      document.documentElement.setAttribute('theme', 'dark');
                      document.documentElement.style.colorScheme = 'dark';
                    } else {
                      document.documentElement.removeAttribute('theme');
                      document.documentElement.style.colorScheme = 'light';
                    }
                    """, dark);
            // Let Lumo's colour transitions finish so the contrast check reads the final colours.
            sleep(350);
            var name = screen + (dark ? " [dark]" : " [light]");
            BrowserTestSupport.screenshot(
                    driver, "a11y/" + screen.replaceAll("[^A-Za-z0-9]+", "-") + (dark ? "-dark" : ""));
            var blocking = axe();
            var unlabelled = unlabelledFields();
            counts.put(name, blocking.size() + unlabelled.size());
            System.out.println("axe: " + name + ": " + counts.get(name));
            blocking.forEach(violation -> failures.add(name + " | " + violation));
            if (!dark) {
                unlabelled.forEach(field ->
                        failures.add(name + " | unlabelled form field (a placeholder is no label) | " + field));
            }
        }
    }

    /**
     * Runs axe-core (the copy bundled with Deque's Selenium integration) in the page and returns its serious and
     * critical violations, one line per element: impact, rule, target, what fails. The script is injected once per
     * page and asked for violations only: returning every pass of a Vaadin screen costs more than the scan.
     */
    @SuppressWarnings("unchecked")
    private List<String> axe() {
        if (!Boolean.TRUE.equals(js("return !!window.axe"))) {
            js(AXE_SOURCE);
        }
        return (List<String>) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                // Two exclusions, both inside Vaadin's own components, which the app cannot change:
                // vaadin-tabs (role tablist) keeps its scroll container, a focusable div, in its own shadow DOM; and
                // a required vaadin-select puts aria-required on its internal value button (role button) instead of
                // on the field, so the field's required state is still announced by the select's label.
                const vaadinInternal = (v, n) => (v.id === 'aria-required-children'
                        && JSON.stringify(n.target).includes('vaadin-tabs')
                        && (n.failureSummary || '').includes('div[tabindex]'))
                    || (v.id === 'aria-allowed-attr'
                        && JSON.stringify(n.target).includes('vaadin-select-value-button')
                        && (n.failureSummary || '').includes('aria-required'));
                axe.run(document, {resultTypes: ['violations']})
                  .then(r => done(r.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .flatMap(v => v.nodes.filter(n => !vaadinInternal(v, n)).map(n => v.impact + ' ' + v.id + ' | ' + JSON.stringify(n.target) + ' | '
                        + (n.failureSummary || '').replace(/\\s+/g, ' ')))))
                  .catch(e => done(['axe could not run: ' + e]));
                """);
    }

    /**
     * Form fields with neither a label nor an accessible name. axe accepts a placeholder as a name, but a placeholder
     * disappears on typing and is no label; every field must say what it is.
     */
    @SuppressWarnings("unchecked")
    private List<String> unlabelledFields() {
        return (List<String>) js("""
                const fields = 'vaadin-text-field, vaadin-text-area, vaadin-password-field, vaadin-email-field,'
                    + ' vaadin-integer-field, vaadin-number-field, vaadin-big-decimal-field, vaadin-combo-box,'
                    + ' vaadin-multi-select-combo-box, vaadin-select, vaadin-date-picker, vaadin-time-picker,'
                    + ' vaadin-date-time-picker, vaadin-checkbox, vaadin-checkbox-group, vaadin-radio-group';
                return [...document.querySelectorAll(fields)]
                    .filter(f => f.checkVisibility() && !f.closest('vaadin-grid')
                        && !(f.parentElement && f.parentElement.closest('vaadin-date-time-picker')))
                    .filter(f => !(f.label || f.accessibleName || f.accessibleNameRef || f.getAttribute('aria-label')
                        || f.getAttribute('aria-labelledby')))
                    .map(f => f.localName + (f.id ? '#' + f.id : '') + ' placeholder="' + (f.placeholder || '') + '"');
                """);
    }

    private void waitUntilIdle() {
        BrowserTestSupport.waitFor(driver).until(d -> Boolean.TRUE.equals(js("""
                const clients = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;
                return document.readyState === 'complete' && !!clients
                    && Object.values(clients).every(c => !c.isActive());
                """)));
        sleep(300);
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A route template with its parameters filled with demo objects the signed-in user may open. */
    private String fill(String template, String username) {
        var matcher = PARAMETER.matcher(template);
        var filled = new StringBuilder();
        while (matcher.find()) {
            var name = matcher.group(1);
            var prefix = template.substring(0, matcher.start());
            var value = parameter(prefix, name, username);
            assertThat(value)
                    .as("no demo object for parameter '" + name + "' of route '" + template + "'; add one here")
                    .isNotNull();
            matcher.appendReplacement(filled, value);
        }
        matcher.appendTail(filled);
        return filled.toString();
    }

    private String parameter(String prefix, String name, String username) {
        var person = single("select person_id from app_user where username = ?", username);
        var segments = prefix.split("/");
        return switch (segments[segments.length - 1] + "/" + name) {
            case "ladders/ladderId" ->
                first(
                        "select min(id) from ladder where not retired and ?::bigint is not null",
                        person,
                        "select min(id) from ladder where not retired");
            case "levels/levelKey" -> "DSE-3";
            case "calibration/id" ->
                first(
                        "select min(id) from calibration_session where status = 'IN_SESSION'",
                        person,
                        "select min(id) from calibration_session");
            case "promotions/id" -> first("""
                        select min(c.id) from promotion_case c join person p on p.id = c.engineer_id
                        where c.engineer_id = ? or p.manager_id = ?
                        """, person, "select min(id) from promotion_case");
            case "people/id" ->
                first(
                        "select coalesce((select min(id) from person where manager_id = ?), ?)",
                        person,
                        "select min(id) from person where active");
            case "check-ins/id" ->
                first(
                        "select min(id) from check_in where engineer_id = ? or manager_id = ?",
                        person,
                        "select min(id) from check_in");
            default -> null;
        };
    }

    private String first(String mine, Object person, String fallback) {
        if (person != null) {
            var args = new Object[(int) mine.chars().filter(c -> c == '?').count()];
            Arrays.fill(args, person);
            var value = jdbc.queryForObject(mine, Object.class, args);
            if (value != null) {
                return value.toString();
            }
        }
        var value = jdbc.queryForObject(fallback, Object.class);
        return value == null ? null : value.toString();
    }

    private Object single(String sql, Object arg) {
        var rows = jdbc.queryForList(sql, Object.class, arg);
        return rows.isEmpty() ? null : rows.getFirst();
    }

    private record RouteInfo(String template, Set<String> roles, boolean anyone) {
        boolean openableBy(Set<String> userRoles) {
            return anyone || roles.stream().anyMatch(userRoles::contains);
        }
    }

    /** Every signed-in screen: each @Route class once (aliases show the same view), the sign-in page excepted. */
    private static List<RouteInfo> routes() throws ClassNotFoundException {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        var routes = new ArrayList<RouteInfo>();
        for (var candidate : scanner.findCandidateComponents("app.rungs")) {
            var type = Class.forName(candidate.getBeanClassName());
            var route = type.getAnnotation(Route.class);
            if (type.isAnnotationPresent(AnonymousAllowed.class)) {
                continue;
            }
            assertThat(route.value()).as(type + " names its route explicitly").isNotEqualTo(Route.NAMING_CONVENTION);
            var allowed = type.getAnnotation(RolesAllowed.class);
            routes.add(new RouteInfo(
                    route.value(),
                    allowed == null ? Set.of() : Set.of(allowed.value()),
                    type.isAnnotationPresent(PermitAll.class)));
        }
        routes.sort((a, b) -> a.template().compareTo(b.template()));
        return routes;
    }
}
