package app.rungs.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.calibration.domain.SessionStatus;
import app.rungs.calibration.service.CalibrationBoard;
import app.rungs.calibration.service.CalibrationSessions;
import app.rungs.evidence.service.EvidenceFilter;
import app.rungs.evidence.service.EvidenceReview;
import app.rungs.people.service.LineQuery;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonDirectory;
import app.rungs.promotion.service.CaseFilter;
import app.rungs.promotion.service.PromotionQueries;
import app.rungs.security.service.AccountService;
import app.rungs.security.service.SystemAuthentication;
import app.rungs.support.BigOrg;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import app.rungs.support.RunAs;
import app.rungs.support.StatementCounter;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reporting-line scoping at a size: a line of 2,900 people five levels deep below the demo manager (Daniel Okafor)
 * with 7,200 evidence items, generated in a transaction that is rolled back. Compares the three ways to scope by line
 * in SQL with EXPLAIN ANALYZE (recursive CTE, the closure table of V34, a materialized path built for the comparison),
 * then times and counts the screens' service reads. Writes target/benchmarks/reporting-line-scoping.md; see
 * docs/benchmarks/reporting-line-scoping.md. Run: ./mvnw -B verify -Dgroups=benchmark -DexcludedGroups=
 * -Dtest=ReportingLineScopingBenchmarkTest
 */
@IntegrationTest
@Tag("benchmark")
class ReportingLineScopingBenchmarkTest {

    static final int RUNS = 15;

    @Autowired
    EvidenceReview review;

    @Autowired
    PromotionQueries promotions;

    @Autowired
    PeopleService people;

    @Autowired
    PersonDirectory directory;

    @Autowired
    CalibrationBoard boards;

    @Autowired
    CalibrationSessions sessions;

    @Autowired
    AccountService accounts;

    @Autowired
    RunAs runAs;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager tx;

    @Autowired
    EntityManagerFactory emf;

    @PersistenceContext
    EntityManager em;

    private final StringBuilder report = new StringBuilder();

    @Test
    void scopingByReportingLineAtSize() throws Exception {
        long manager = SystemAuthentication.call(
                () -> accounts.findByUsername(DemoUsers.MANAGER).orElseThrow().personId());
        new TransactionTemplate(tx).executeWithoutResult(status -> {
            status.setRollbackOnly();
            long t0 = System.nanoTime();
            var generated = BigOrg.grow(jdbc, manager, new int[] {4, 4, 5, 5, 6}, 3, 14L);
            report.append("Generated below the manager: ")
                    .append(generated)
                    .append(String.format(
                            " in %.0f ms (closure trigger included)%n%n", (System.nanoTime() - t0) / 1e6));
            materializedPath();
            long outsider = jdbc.queryForObject(
                    "select id from person where id not in (select person_id from reporting_line where ancestor_id = ?)"
                            + " and id <> ? order by id desc limit 1",
                    Long.class,
                    manager,
                    manager);
            long deepest = jdbc.queryForObject(
                    "select max(id) from person where id < ?", Long.class, BigOrg.FIRST_ID + generated.people());
            var ids = jdbc.queryForList(
                    "select person_id from reporting_line where ancestor_id = ?", Long.class, manager);
            var idList = String.join(",", ids.stream().map(String::valueOf).toList());
            report.append("| Query (EXPLAIN ANALYZE, median of ")
                    .append(RUNS)
                    .append(" runs) | execution ms | planning ms |\n|---|---:|---:|\n");
            var inbox = "select e.id from evidence_item e where e.status = 'SUBMITTED' and e.owner_id in (%s)"
                    + " order by e.submitted_at desc, e.id desc limit 50";
            explain(
                    "Inbox newest page — id list bound from Java (before, " + ids.size() + " ids)",
                    inbox.formatted(idList));
            explain(
                    "Inbox newest page — recursive CTE",
                    ("with recursive line(id) as (select id from person where manager_id = %d union"
                                    + " select p.id from person p join line l on p.manager_id = l.id) "
                                    + inbox.formatted("select id from line"))
                            .formatted(manager));
            explain(
                    "Inbox newest page — closure table (reporting_line_members)",
                    inbox.formatted("select m.person_id from reporting_line_members(" + manager + ") m"));
            explain(
                    "Inbox newest page — materialized path",
                    inbox.formatted("select id from bench_path where path like (select path from bench_path where id = "
                            + manager + ") || '%' and id <> " + manager));
            var count = "select count(*) from evidence_item e where e.status = 'SUBMITTED' and e.owner_id in (%s)";
            explain("Inbox count — id list (before)", count.formatted(idList));
            explain(
                    "Inbox count — closure table",
                    count.formatted("select m.person_id from reporting_line_members(" + manager + ") m"));
            for (var x : List.of(deepest, outsider)) {
                var label = x == deepest ? "a person 5 levels down" : "someone outside the line";
                explain(
                        "Is " + label + " in my line — recursive CTE (walk up)",
                        ("with recursive chain(id, manager_id) as (select id, manager_id from person where id = %d"
                                        + " union select p.id, p.manager_id from person p join chain c on p.id ="
                                        + " c.manager_id) select exists(select 1 from chain where manager_id = %d)")
                                .formatted(x, manager));
                explain(
                        "Is " + label + " in my line — closure table",
                        "select in_reporting_line(%d, %d)".formatted(manager, x));
                explain(
                        "Is " + label + " in my line — materialized path",
                        ("select exists(select 1 from bench_path a, bench_path b where a.id = %d and b.id = %d"
                                        + " and b.path like a.path || '%%' and b.id <> a.id)")
                                .formatted(manager, x));
            }
            report.append('\n');
            screens(manager);
        });
        var out = Path.of("target/benchmarks/reporting-line-scoping.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
        assertThat(report).contains("closure");
    }

    /** A materialized path ("/1/5/17/") per person, only for the comparison; not part of the schema. */
    private void materializedPath() {
        jdbc.execute("""
                create temporary table bench_path on commit drop as
                with recursive t(id, path) as (
                    select id, '/' || id || '/' from person where manager_id is null
                    union all
                    select p.id, t.path || p.id || '/' from person p join t on p.manager_id = t.id
                ) select id, path from t""");
        jdbc.execute("create index on bench_path (path text_pattern_ops)");
        jdbc.execute("create unique index on bench_path (id)");
        jdbc.execute("analyze bench_path");
    }

    private void explain(String label, String sql) {
        var exec = new ArrayList<Double>();
        var plan = new ArrayList<Double>();
        for (int i = 0; i < RUNS; i++) {
            var lines = jdbc.queryForList("explain (analyze, timing off) " + sql, String.class);
            for (var line : lines) {
                if (line.startsWith("Execution Time:")) {
                    exec.add(Double.parseDouble(line.replaceAll("[^0-9.]", "")));
                } else if (line.startsWith("Planning Time:")) {
                    plan.add(Double.parseDouble(line.replaceAll("[^0-9.]", "")));
                }
            }
        }
        Collections.sort(exec);
        Collections.sort(plan);
        report.append(
                String.format("| %s | %.2f | %.2f |%n", label, exec.get(exec.size() / 2), plan.get(plan.size() / 2)));
    }

    private void screens(long manager) {
        var counter = new StatementCounter(emf);
        var sessionId = runAs.as(
                DemoUsers.MANAGER,
                () -> sessions.find(PageRequest.of(0, 100)).stream()
                        .filter(s -> s.status() == SessionStatus.PREPARING)
                        .findFirst()
                        .orElseThrow()
                        .id());
        var page = PageRequest.of(0, 50);
        Map<String, Supplier<Object>> reads = new LinkedHashMap<>();
        reads.put("Review inbox, first page", () -> review.reviewQueue(EvidenceFilter.none(), page));
        reads.put("Review inbox, count", () -> review.reviewQueueCount(EvidenceFilter.none()));
        reads.put("Promotions list, first page", () -> promotions.find(CaseFilter.none(), page));
        reads.put("Promotions list, count", () -> promotions.count(CaseFilter.none()));
        reads.put("Nomination picker, first page", () -> promotions.nominationCandidates("", 0, 50));
        reads.put("Home line grid, summary + first page", () -> {
            people.myLineSize();
            return directory.cards(people.myLinePage(LineQuery.everyone(), 0, 50));
        });
        reads.put(
                "Coverage picker, search \"e\"", () -> directory.cards(people.myLinePage(LineQuery.named("e"), 0, 49)));
        reads.put("Calibration board (participant, preparing)", () -> boards.board(sessionId));
        report.append("| Service read (line of 2,9xx) | statements | max parameters | median ms | min ms |\n")
                .append("|---|---:|---:|---:|---:|\n");
        runAs.run(
                DemoUsers.MANAGER,
                () -> reads.forEach((label, read) -> {
                    read.get();
                    var measured = counter.measure(read::get);
                    var times = new ArrayList<Double>();
                    for (int i = 0; i < RUNS; i++) {
                        em.clear();
                        long t0 = System.nanoTime();
                        read.get();
                        times.add((System.nanoTime() - t0) / 1e6);
                    }
                    Collections.sort(times);
                    report.append(String.format(
                            "| %s | %d | %d | %.1f | %.1f |%n",
                            label,
                            measured.statements(),
                            measured.maxParameters(),
                            times.get(RUNS / 2),
                            times.getFirst()));
                }));
    }
}
