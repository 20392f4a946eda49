package app.rungs.scale;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.support.BigOrg;
import app.rungs.support.IntegrationTest;
import app.rungs.support.JdbcStatements;
import app.rungs.support.SuperuserDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every screen's page load, with the first page of each of its lists, sends as many SQL statements for a grown
 * organization (2,900 more people in the manager's and director's lines, 8,700 more evidence items, 1,500 more of the
 * engineer's own) as for the demo organization, stays under its ceiling, and binds no id list from Java. Statements
 * are counted at the JDBC connection ({@link JdbcStatements}), so JdbcTemplate reads count as much as Hibernate's.
 * Writes target/benchmarks/statement-counts.md (copied to docs/benchmarks/).
 */
@IntegrationTest
class EveryScreenStatementCountTest extends ScreenWalk {

    /** More bound values than this in one statement is an id list built in Java. */
    static final int MOST_BOUND = 100;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    record Count(int statements, int maxBound, int lists, JdbcStatements.Recorded recorded) {}

    @Test
    void everyRoutedScreenIsWalkedOrSaysWhyNot() {
        var walked = Screens.ALL.stream().map(Screens.Screen::view).collect(Collectors.toSet());
        var routes = Screens.routes();
        assertThat(routes).hasSizeGreaterThan(30);
        for (var route : routes) {
            assertThat(walked.contains(route) || Screens.NOT_WALKED.containsKey(route))
                    .as(route.getName() + " is a screen without a statement count: add it to Screens.ALL")
                    .isTrue();
        }
        assertThat(Screens.NOT_WALKED.keySet()).allMatch(routes::contains).doesNotContainAnyElementsOf(walked);
    }

    @Test
    void everyScreenReadsTheSameStatementsForAGrownOrganizationAsForTheDemoOne() throws IOException {
        var soft = new SoftAssertions();
        var locations = new LinkedHashMap<Screens.Screen, String>();
        for (var screen : Screens.ALL) {
            try {
                locations.put(screen, Screens.location(screen, jdbc));
            } catch (RuntimeException e) {
                soft.fail(screen + ": " + e.getMessage());
            }
        }
        var owner = new JdbcTemplate(SuperuserDatabase.dataSource(dataSource));

        var demo = walk(locations, soft);
        Map<Screens.Screen, Count> grown;
        BigOrg.Generated generated;
        try {
            generated = GrownOrg.grow(jdbc);
            grown = walk(locations, soft);
        } finally {
            GrownOrg.remove(owner);
        }

        var report = report(demo, grown, generated);
        var out = Path.of("target", "benchmarks", "statement-counts.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);

        for (var screen : locations.keySet()) {
            var small = demo.get(screen);
            var big = grown.get(screen);
            if (small == null || big == null) {
                continue;
            }
            var label = screen.who() + " " + screen.name() + " (" + locations.get(screen) + ")";
            soft.assertThat(big.statements())
                    .as(
                            "%s: %d statements for the demo organization, %d for the grown one; grown:%s%n demo:%s",
                            label,
                            small.statements(),
                            big.statements(),
                            big.recorded().listing(),
                            small.recorded().listing())
                    .isEqualTo(small.statements());
            soft.assertThat(big.statements())
                    .as("%s stays under its ceiling:%s", label, big.recorded().listing())
                    .isLessThanOrEqualTo(screen.ceiling());
            soft.assertThat(big.maxBound())
                    .as(
                            "%s binds no id list from Java:%s",
                            label, big.recorded().listing())
                    .isLessThanOrEqualTo(MOST_BOUND);
        }
        soft.assertAll();
    }

    /** Opens each screen as its user, once to warm caches, then measures a page load of it. */
    private Map<Screens.Screen, Count> walk(Map<Screens.Screen, String> locations, SoftAssertions soft) {
        var counts = new LinkedHashMap<Screens.Screen, Count>();
        String signedIn = "\0";
        for (var entry : locations.entrySet()) {
            var screen = entry.getKey();
            if (!Objects.equals(signedIn, screen.user())) {
                signIn(screen.user());
                signedIn = screen.user();
            }
            try {
                navigateTo(entry.getValue());
                assertOn(screen, entry.getValue());
                var measured = JdbcStatements.measure(this::reload);
                assertOn(screen, entry.getValue());
                var recorded = measured.recorded();
                counts.put(screen, new Count(recorded.count(), recorded.maxBound(), measured.result(), recorded));
                System.out.printf(
                        "walk: %-10s %-28s %3d statements, %3d bound, %d lists%n",
                        screen.who(), screen.name(), recorded.count(), recorded.maxBound(), measured.result());
            } catch (RuntimeException | AssertionError e) {
                soft.fail(screen.who() + " " + screen.name() + " (" + entry.getValue() + ") did not open: " + e, e);
                signIn(screen.user());
            }
        }
        return counts;
    }

    private static String report(
            Map<Screens.Screen, Count> demo, Map<Screens.Screen, Count> grown, BigOrg.Generated generated) {
        var text = new StringBuilder();
        text.append(String.format(
                Locale.ROOT,
                "| Screen | User | Lists | Statements (demo) | Statements (grown: +%,d people, +%,d items) |"
                        + " Most values bound (grown) | Ceiling |%n",
                generated.people(),
                generated.items() + GrownOrg.OWN_ITEMS));
        text.append("|---|---|---:|---:|---:|---:|---:|\n");
        for (var screen : Screens.ALL) {
            var small = demo.get(screen);
            var big = grown.get(screen);
            if (small == null || big == null) {
                text.append("| " + screen.name() + " | " + screen.who() + " | did not open | | | | |\n");
                continue;
            }
            text.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %d | %d | %d | %d | %d |%n",
                    screen.name(),
                    screen.who(),
                    big.lists(),
                    small.statements(),
                    big.statements(),
                    big.maxBound(),
                    screen.ceiling()));
        }
        return text.toString();
    }
}
