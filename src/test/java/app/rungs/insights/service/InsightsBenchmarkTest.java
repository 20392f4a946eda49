package app.rungs.insights.service;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.insights.InsightSeed;
import app.rungs.security.domain.Role;
import app.rungs.security.service.AccountService;
import app.rungs.security.service.RungsUser;
import app.rungs.security.service.SystemAuthentication;
import app.rungs.support.RunAs;
import app.rungs.support.SharedEmbeddedPostgres;
import app.rungs.support.StatementCounter;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every insight chart's query on 10,000 people and 200,000 evidence items: a seeded generator (fixed random seed,
 * batched inserts) fills a fresh database, then each chart runs 3 times to warm up and {@value #RUNS} times timed,
 * as an admin (the organization) and as the director (a reporting line of 10,000, read from the closure table), and
 * once under EXPLAIN ANALYZE to name the indexes it uses.
 *
 * <p>Runs only on request ({@code ./mvnw -B verify -Dgroups=benchmark -DexcludedGroups= -Dtest=InsightsBenchmarkTest});
 * writes {@code target/benchmarks/insights.md}; docs/benchmarks/insights.md records a run.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class InsightsBenchmarkTest {

    static final int RUNS = 10;
    static final int TEAMS = 100;
    static final int PER_TEAM = 99;
    static final int EVIDENCE_PER_PERSON = 20;
    static final long BASE = 500_000_000L;
    private static final Pattern INDEX =
            Pattern.compile("(?:Index Scan|Index Only Scan|Bitmap Index Scan)(?: Backward)?" + " (?:using|on) (\\w+)");

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
    InsightQueries insights;

    @Autowired
    InsightPeople people;

    @Autowired
    AccountService accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EntityManager em;

    @Autowired
    EntityManagerFactory emf;

    @Autowired
    TransactionTemplate tx;

    record Chart(String name, Function<InsightFilter, Object> run, Function<InsightFilter, InsightScope> sql) {}

    record Measured(
            String chart, String who, long statements, double p50, double max, double explainMs, String indexes) {}

    @Test
    void everyChartIsOneIndexedQueryOnTenThousandPeople() throws IOException {
        var report = new StringBuilder();
        long t0 = System.nanoTime();
        var director = SystemAuthentication.call(() -> accounts.findByUsername("priya.natarajan@rungs.demo")
                .orElseThrow()
                .personId());
        long ladder = jdbc.queryForObject(
                "select cur.ladder_id from person p cross join lateral person_level_on(p.id, current_date) cur"
                        + " where p.id = ?",
                Long.class,
                director);
        var sizes = generate(ladder, director);
        // As autovacuum would have by then: statistics and the visibility map (index-only scans).
        jdbc.execute("vacuum analyze");
        report.append(String.format(
                Locale.ROOT,
                "Generated in %.1f s (seed 16): %,d people in scope, %,d level changes, %,d evidence items,"
                        + " %,d promotion cases.%n%n",
                (System.nanoTime() - t0) / 1e9,
                sizes[0],
                sizes[1],
                sizes[2],
                sizes[3]));

        var admin = new RungsUser(1L, "admin@rungs.demo", "Admin", "", true, EnumSet.of(Role.ADMIN), null);
        var manager = new RungsUser(
                2L, "priya.natarajan@rungs.demo", "Priya", "", true, EnumSet.of(Role.MANAGER, Role.ENGINEER), director);
        var today = LocalDate.now();
        List<Chart> charts = List.of(
                new Chart(
                        "Time in level by level",
                        insights::timeInLevelByLevel,
                        f -> ChartSql.timeInLevelByLevel(scope(f, today))),
                new Chart(
                        "Time in level by team",
                        insights::timeInLevelByTeam,
                        f -> ChartSql.timeInLevelByTeam(scope(f, today))),
                new Chart(
                        "Promotion velocity",
                        insights::promotionVelocity,
                        f -> ChartSql.promotionVelocity(scope(f, today), f)),
                new Chart(
                        "Promotion outcomes per cycle",
                        insights::promotionRate,
                        f -> ChartSql.promotionRate(scope(f, today), f)),
                new Chart(
                        "Evidence per month",
                        insights::evidencePerMonth,
                        f -> ChartSql.evidencePerMonth(scope(f, today), f)),
                new Chart(
                        "Evidence per competency",
                        insights::evidencePerCompetency,
                        f -> ChartSql.evidencePerCompetency(scope(f, today), f)),
                new Chart("Coverage heatmap", insights::coverage, f -> ChartSql.coverage(scope(f, today))),
                new Chart(
                        "Click-through: people at DSE-2 (page of 50)",
                        f -> people.page(f, Selection.level(ladder, "DSE-2"), 0, 50),
                        null));
        var results = new ArrayList<Measured>();
        for (var user : List.of(admin, manager)) {
            var who = user == admin ? "admin (org)" : "director (line, closure table)";
            for (var chart : charts) {
                results.add(measure(user, who, chart, InsightFilter.NONE));
            }
        }
        report.append("| Chart | Scope | SQL statements | p50 ms | max ms | EXPLAIN ANALYZE ms | indexes used |\n");
        report.append("|---|---|---:|---:|---:|---:|---|\n");
        for (var m : results) {
            report.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %d | %.1f | %.1f | %s | %s |%n",
                    m.chart(),
                    m.who(),
                    m.statements(),
                    m.p50(),
                    m.max(),
                    m.explainMs() < 0 ? "–" : String.format(Locale.ROOT, "%.1f", m.explainMs()),
                    m.indexes()));
        }
        System.out.println(report);
        var out = Path.of("target", "benchmarks", "insights.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
        for (var m : results) {
            assertThat(m.statements()).as(m.chart()).isEqualTo(1);
        }
    }

    private InsightScope scope(InsightFilter f, LocalDate today) {
        return InsightScope.of(InsightQueries.lineOf(), f, InsightQueries.asOf(f, today));
    }

    private Measured measure(RungsUser user, String who, Chart chart, InsightFilter filter) {
        var counter = new StatementCounter(emf);
        return RunAs.as(user, () -> {
            for (int i = 0; i < 3; i++) {
                chart.run().apply(filter);
            }
            long statements = counter.count(() -> chart.run().apply(filter));
            var times = new double[RUNS];
            for (int i = 0; i < RUNS; i++) {
                long t = System.nanoTime();
                chart.run().apply(filter);
                times[i] = (System.nanoTime() - t) / 1_000_000.0;
            }
            Arrays.sort(times);
            double explainMs = -1;
            var indexes = new TreeSet<String>();
            if (chart.sql() != null) {
                var q = chart.sql().apply(filter);
                var plan = explain(q);
                var m = INDEX.matcher(plan);
                while (m.find()) {
                    indexes.add(m.group(1));
                }
                var exec = Pattern.compile("Execution Time: ([0-9.]+) ms").matcher(plan);
                if (exec.find()) {
                    explainMs = Double.parseDouble(exec.group(1));
                }
                var dump = Path.of("target", "benchmarks", "insights-plans.txt");
                try {
                    Files.createDirectories(dump.getParent());
                    Files.writeString(
                            dump,
                            "== " + chart.name() + " / " + who + "\n" + plan + "\n",
                            java.nio.file.StandardOpenOption.CREATE,
                            java.nio.file.StandardOpenOption.APPEND);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
            return new Measured(
                    chart.name(),
                    who,
                    statements,
                    times[RUNS / 2],
                    times[RUNS - 1],
                    explainMs,
                    indexes.isEmpty() ? "none (sequential scans)" : String.join(", ", indexes));
        });
    }

    @SuppressWarnings("unchecked")
    private String explain(InsightScope q) {
        return tx.execute(status -> {
            var query = em.createNativeQuery("explain (analyze, buffers) " + q.sql);
            q.params.forEach(query::setParameter);
            return String.join("\n", (List<String>) query.getResultList());
        });
    }

    /**
     * 100 teams of a manager and 99 engineers under the director (10,000 people); every engineer hired 0 to 5 years
     * ago at DSE-1 to SPE-1 and promoted 0 to 2 times since, an approved case per promotion and a "not yet" case for
     * one in ten; 20 evidence items each over the last three years (1 to 3 competencies, 20% drafts).
     */
    private long[] generate(long ladder, long director) {
        var random = new Random(16);
        List<String> levels = List.of("DSE-1", "DSE-2", "DSE-3", "SPE-1", "SPE-2");
        List<String> competencies = jdbc.queryForList(
                "select c.competency_key from competency c join ladder_version v on v.id = c.ladder_version_id"
                        + " and v.status = 'PUBLISHED' and v.ladder_id = ? order by c.competency_key",
                String.class,
                ladder);
        String[] statuses = {
            "ACKNOWLEDGED",
            "ACKNOWLEDGED",
            "ACKNOWLEDGED",
            "ACKNOWLEDGED",
            "ACKNOWLEDGED",
            "SUBMITTED",
            "SUBMITTED",
            "RETURNED",
            "DRAFT",
            "DRAFT"
        };
        var today = LocalDate.now();
        long id = BASE;
        long people = 0, changes = 0, items = 0, cases = 0;
        for (int t = 0; t < TEAMS; t++) {
            var seed = new InsightSeed(jdbc);
            long team = id++;
            seed.team(team, "Bench team " + t);
            long manager = id++;
            seed.person(manager, "Bench manager " + t, team, director, null);
            seed.level(id++, manager, ladder, "SPE-1", today.minusDays(2000 + random.nextInt(1000)), "HIRE");
            people++;
            changes++;
            for (int e = 0; e < PER_TEAM; e++) {
                long person = id++;
                seed.person(person, "Bench engineer " + t + "-" + e, team, manager, null);
                people++;
                int level = random.nextInt(4);
                var hired = today.minusDays(30 + random.nextInt(5 * 365));
                seed.level(id++, person, ladder, levels.get(level), hired, "HIRE");
                changes++;
                var at = hired;
                int promotions = random.nextInt(3);
                for (int p = 0; p < promotions && level < levels.size() - 1; p++) {
                    long span = java.time.temporal.ChronoUnit.DAYS.between(at, today);
                    if (span < 120) {
                        break;
                    }
                    var next = at.plusDays(90 + random.nextLong(span - 89));
                    seed.level(id++, person, ladder, levels.get(level + 1), next, "PROMOTION");
                    seed.promotionCase(
                            id++,
                            person,
                            ladder,
                            levels.get(level),
                            levels.get(level + 1),
                            next.getYear() + (next.getMonthValue() <= 6 ? "-H1" : "-H2"),
                            "APPROVED",
                            next);
                    changes++;
                    cases++;
                    level++;
                    at = next;
                }
                if (random.nextInt(10) == 0 && level < levels.size() - 1) {
                    var when = today.minusDays(random.nextInt(700));
                    seed.promotionCase(
                            id++,
                            person,
                            ladder,
                            levels.get(level),
                            levels.get(level + 1),
                            when.getYear() + (when.getMonthValue() <= 6 ? "-H1" : "-H2"),
                            "NOT_YET",
                            null);
                    cases++;
                }
                for (int i = 0; i < EVIDENCE_PER_PERSON; i++) {
                    int n = 1 + random.nextInt(3);
                    var keys = new String[n];
                    for (int k = 0; k < n; k++) {
                        keys[k] = competencies.get(random.nextInt(competencies.size()));
                    }
                    seed.evidence(
                            id++,
                            person,
                            ladder,
                            levels.get(Math.min(level + random.nextInt(2), levels.size() - 1)),
                            today.minusDays(random.nextInt(3 * 365)),
                            statuses[random.nextInt(statuses.length)],
                            keys);
                    items++;
                }
            }
            seed.flush();
        }
        return new long[] {people, changes, items, cases};
    }
}
