package app.rungs.people;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.people.service.LevelCatalog;
import app.rungs.people.service.PeopleFilter;
import app.rungs.people.service.PeopleGridService;
import app.rungs.people.service.PeopleImportService;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PeopleSort;
import app.rungs.people.service.PersonListItem;
import app.rungs.security.domain.Role;
import app.rungs.security.service.AccountService;
import app.rungs.security.service.RungsUser;
import app.rungs.security.service.SystemAuthentication;
import app.rungs.support.RunAs;
import app.rungs.support.SharedEmbeddedPostgres;
import app.rungs.support.StatementCounter;
import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The people grid with 10,000 people: time and SQL statements per page load (page query + count query + one load
 * of the level catalog), for the typical grid requests of an admin and of a manager with a large line.
 *
 * <p>Runs on a fresh database of its own (the shared test database stays untouched) and only on request:
 * {@code ./mvnw -B verify -Dgroups=benchmark -DexcludedGroups=}. Writes its numbers to
 * {@code target/benchmarks/people-grid.md}; docs/benchmarks/people-grid.md records a run.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PeopleGridBenchmarkTest {

    static final int RUNS = 15;

    private static String database;

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry registry) throws SQLException {
        var name = "bench_" + UUID.randomUUID().toString().replace("-", "");
        database = name;
        try (var admin = DriverManager.getConnection(SharedEmbeddedPostgres.jdbcUrl("postgres"))) {
            admin.createStatement().execute("create database " + name);
        }
        registry.add("spring.datasource.url", () -> SharedEmbeddedPostgres.jdbcUrl(name));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    @Autowired
    PeopleService people;

    @Autowired
    PeopleGridService peopleGrid;

    @Autowired
    PeopleImportService importer;

    @Autowired
    AccountService accounts;

    @Autowired
    EntityManagerFactory emf;

    record Measured(
            String what,
            long statements,
            double medianMillis,
            double maxMillis,
            double pageMillis,
            double countMillis,
            double catalogMillis,
            int rows) {}

    @Test
    void theGridStaysFastWithTenThousandPeople() throws IOException {
        var report = new StringBuilder();
        var csv = PeopleImportTest.tenThousandRows("bench").getBytes(StandardCharsets.UTF_8);
        long t0 = System.nanoTime();
        var preview = SystemAuthentication.call(() -> importer.preview(csv, "bench.csv", null));
        long dryRun = (System.nanoTime() - t0) / 1_000_000;
        long t1 = System.nanoTime();
        var result = SystemAuthentication.call(() -> importer.apply(csv, "bench.csv", null));
        long apply = (System.nanoTime() - t1) / 1_000_000;
        assertThat(preview.creates()).isEqualTo(10_000);
        assertThat(result.created()).isEqualTo(10_000);
        // Fresh statistics for the planner after the bulk load, as autovacuum would do shortly after.
        try (var c = DriverManager.getConnection(SharedEmbeddedPostgres.jdbcUrl(database))) {
            c.createStatement().execute("analyze");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        report.append("HRIS import of 10,000 rows: dry run ")
                .append(dryRun)
                .append(" ms, apply ")
                .append(apply)
                .append(" ms\n\n");

        var director = SystemAuthentication.call(() -> accounts.findByUsername("priya.natarajan@rungs.demo")
                .orElseThrow()
                .personId());
        var admin = new RungsUser(1L, "admin@rungs.demo", "Admin", "", true, EnumSet.of(Role.ADMIN), null);
        var manager = new RungsUser(
                2L, "priya.natarajan@rungs.demo", "Priya", "", true, EnumSet.of(Role.MANAGER, Role.ENGINEER), director);

        var results = new ArrayList<Measured>();
        var all = PeopleFilter.active();
        results.add(measure(
                admin, "Admin, first page, sorted by name", all, List.of(PeopleSort.asc(PeopleSort.Field.NAME)), 0));
        results.add(measure(
                admin,
                "Admin, sorted by level (desc) then team",
                all,
                List.of(PeopleSort.desc(PeopleSort.Field.LEVEL), PeopleSort.asc(PeopleSort.Field.TEAM)),
                0));
        results.add(measure(
                admin,
                "Admin, sorted by time in level",
                all,
                List.of(PeopleSort.desc(PeopleSort.Field.TIME_IN_LEVEL)),
                0));
        results.add(measure(
                admin,
                "Admin, filtered: name \"engineer 4\" + tier IC + team \"team 4\"",
                all.withName("engineer 4")
                        .withTier("Distributed Systems Engineer (IC)")
                        .withTeam("team 4"),
                List.of(PeopleSort.asc(PeopleSort.Field.NAME)),
                0));
        results.add(measure(
                admin,
                "Admin, filtered by manager name, sorted by specialization",
                all.withManager("manager 7"),
                List.of(PeopleSort.asc(PeopleSort.Field.SPECIALIZATION)),
                0));
        results.add(measure(
                admin, "Admin, deep page (offset 9,950)", all, List.of(PeopleSort.asc(PeopleSort.Field.NAME)), 9_950));
        results.add(measure(
                manager,
                "Manager (10,140 in line, recursive CTE), first page",
                all,
                List.of(PeopleSort.asc(PeopleSort.Field.NAME)),
                0));
        results.add(measure(
                manager,
                "Manager, sorted by level, filtered by tier",
                all.withTier("Distributed Systems Engineer (IC)"),
                List.of(PeopleSort.asc(PeopleSort.Field.LEVEL)),
                0));
        results.add(measure(
                manager,
                "Manager, deep page (offset 9,950)",
                all,
                List.of(PeopleSort.asc(PeopleSort.Field.NAME)),
                9_950));

        report.append("| Grid page load (50 rows) | SQL statements | total median ms | total max ms"
                + " | page query ms | count query ms | level catalog ms | rows |\n");
        report.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (var m : results) {
            report.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %d |%n",
                    m.what(),
                    m.statements(),
                    m.medianMillis(),
                    m.maxMillis(),
                    m.pageMillis(),
                    m.countMillis(),
                    m.catalogMillis(),
                    m.rows()));
        }
        System.out.println(report);
        var out = Path.of("target", "benchmarks", "people-grid.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());

        for (var m : results) {
            // A page is the page query, the count query and the catalog (1 + one ladder load): never per row.
            assertThat(m.statements()).as(m.what()).isLessThanOrEqualTo(10);
            assertThat(m.rows()).as(m.what()).isPositive();
        }
    }

    /** One page load as the grid does it: the catalog once, then the page and its count. */
    private Measured measure(RungsUser user, String what, PeopleFilter filter, List<PeopleSort> sort, int offset) {
        var counter = new StatementCounter(emf);
        var rows = new ArrayList<PersonListItem>();
        Runnable load = () -> {
            LevelCatalog catalog = people.levelCatalog();
            rows.clear();
            rows.addAll(peopleGrid.findPeople(filter, sort, offset, 50));
            peopleGrid.countPeople(filter);
        };
        return RunAs.as(user, () -> {
            for (int i = 0; i < 3; i++) {
                load.run();
            }
            long statements = counter.count(load);
            var times = new double[RUNS];
            var page = new double[RUNS];
            var count = new double[RUNS];
            var catalogs = new double[RUNS];
            for (int i = 0; i < RUNS; i++) {
                long t = System.nanoTime();
                LevelCatalog catalog = people.levelCatalog();
                long c = System.nanoTime();
                rows.clear();
                rows.addAll(peopleGrid.findPeople(filter, sort, offset, 50));
                long p = System.nanoTime();
                peopleGrid.countPeople(filter);
                long n = System.nanoTime();
                times[i] = (n - t) / 1_000_000.0;
                catalogs[i] = (c - t) / 1_000_000.0;
                page[i] = (p - c) / 1_000_000.0;
                count[i] = (n - p) / 1_000_000.0;
            }
            return new Measured(
                    what,
                    statements,
                    median(times),
                    Arrays.stream(times).max().orElse(0),
                    median(page),
                    median(count),
                    median(catalogs),
                    rows.size());
        });
    }

    private static double median(double[] values) {
        var copy = values.clone();
        Arrays.sort(copy);
        return copy[copy.length / 2];
    }
}
