package app.rungs.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.people.service.ImportProgress;
import app.rungs.people.service.PeopleImportService;
import app.rungs.shared.service.ValidationException;
import app.rungs.support.DemoUsers;
import app.rungs.support.RunAs;
import app.rungs.support.SharedEmbeddedPostgres;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * HRIS import at 10,000 and 100,000 rows on a fresh database (the demo organization only): seeded CSV files on disk,
 * a deep reporting tree under the demo director with every manager listed after their reports, then preview and
 * apply timed, with the heap used after a full GC sampled while each step runs (at most every 300 ms, from the
 * progress callback) and after it. The 100,000-row file creates 90,000 people and updates the 10,000 of the first
 * file (new title for all, a new manager for one in ten, a level for one in twenty).
 *
 * <p>Runs only on request: {@code ./mvnw -B verify -Dgroups=benchmark -DexcludedGroups=
 * -Dtest=PeopleImportBenchmarkTest}; writes {@code target/benchmarks/hris-import.md}; docs/benchmarks/hris-import.md
 * records runs.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PeopleImportBenchmarkTest {

    static final String HEADER = "name,email,title,team,manager email,ladder,level key,start date,role\n";
    static final String LADDER = "Distributed Systems Engineering";
    static final int FAN_OUT = 8;

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry registry) throws SQLException {
        var name = "bench_" + UUID.randomUUID().toString().replace("-", "");
        try (var admin = DriverManager.getConnection(SharedEmbeddedPostgres.jdbcUrl("postgres"))) {
            admin.createStatement().execute("create database " + name);
        }
        registry.add("spring.datasource.url", () -> SharedEmbeddedPostgres.jdbcUrl(name));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    @Autowired
    PeopleImportService importer;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void importsTenThousandAndAHundredThousandRows() throws IOException {
        var dir = Files.createDirectories(Path.of("target/benchmarks/hris-files"));
        var report = new ArrayList<String>();
        report.add("| file | step | ms | peak heap after GC during (MB) | heap after GC after (MB) | outcome |");
        report.add("|---|---|---:|---:|---:|---|");

        var ten = dir.resolve("hris-10000.csv");
        writeFile(ten, "a", 10_000, List.of());
        var hundred = dir.resolve("hris-100000.csv");
        writeFile(hundred, "b", 90_000, updatesOf("a", 10_000));
        System.out.printf("Files: %d and %d bytes%n", Files.size(ten), Files.size(hundred));

        var admin = users.loadUserByUsername(DemoUsers.ADMIN);
        for (var file : List.of(ten, hundred)) {
            var source = new FileSystemResource(file);
            var name = file.getFileName().toString();
            report.add(step(name, "preview", () -> {
                var p = RunAs.as(admin, () -> importer.preview(source, name, watch));
                return p.creates() + " creates, " + p.updates() + " updates, " + p.errors() + " errors"
                        + (p.fileProblems().isEmpty()
                                ? ""
                                : " — " + p.fileProblems().getFirst());
            }));
            report.add(step(name, "apply", () -> {
                try {
                    var r = RunAs.as(admin, () -> importer.apply(source, name, watch));
                    return r.created() + " created, " + r.updated() + " updated, " + r.accountsCreated() + " accounts";
                } catch (ValidationException e) {
                    return "refused: " + e.problems().getFirst();
                }
            }));
        }
        long closure = jdbc.queryForObject("select count(*) from reporting_line", Long.class);
        long expected = jdbc.queryForObject("""
                with recursive up(person_id, ancestor_id, depth) as (
                    select id, manager_id, 1 from person where manager_id is not null
                    union all
                    select u.person_id, p.manager_id, u.depth + 1 from up u join person p on p.id = u.ancestor_id
                    where p.manager_id is not null and u.depth < 64)
                select count(*) from (select distinct ancestor_id, person_id from up) x""", Long.class);
        report.add("");
        report.add("reporting_line rows: " + closure + " (recomputed from person.manager_id: " + expected + ")");
        report.add("Max heap (-Xmx): " + Runtime.getRuntime().maxMemory() / 1024 / 1024 + " MB");
        var text = String.join("\n", report) + "\n";
        System.out.println(text);
        Files.writeString(Path.of("target/benchmarks/hris-import.md"), text);
        assertThat(closure).isEqualTo(expected);
    }

    // ---------------------------------------------------------------- timing and memory

    private long peak;
    private long lastSample;
    private final ImportProgress watch = (step, done, total) -> {
        long now = System.nanoTime();
        if (now - lastSample > 300_000_000L) {
            peak = Math.max(peak, usedAfterGc());
            lastSample = System.nanoTime();
        }
    };

    private String step(String file, String step, Supplier<String> work) {
        usedAfterGc();
        peak = 0;
        lastSample = System.nanoTime();
        long t0 = System.nanoTime();
        var outcome = work.get();
        long millis = (System.nanoTime() - t0) / 1_000_000;
        long after = usedAfterGc();
        var line = "| " + file + " | " + step + " | " + millis + " | " + peak / 1024 / 1024 + " | "
                + after / 1024 / 1024 + " | " + outcome + " |";
        System.out.println(line);
        return line;
    }

    private static long usedAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    // ---------------------------------------------------------------- files

    /** One row of the file to write. */
    record Row(String name, String email, String title, String team, String manager, String level, String role) {}

    /**
     * {@code count} new people in a tree of fan-out {@value #FAN_OUT} under the demo director, written leaves first so
     * every manager comes after their reports; then the given extra rows.
     */
    static void writeFile(Path file, String tag, int count, List<Row> extra) throws IOException {
        var random = new Random(20261130L + tag.hashCode());
        var levels = List.of("DSE-1", "DSE-2", "DSE-3");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            // Person i's manager is person (i - 1) / FAN_OUT; person 0 reports to the director. Written from the last.
            for (int i = count - 1; i >= 0; i--) {
                boolean manager = i * FAN_OUT + 1 < count;
                var mgr = i == 0 ? DemoUsers.DIRECTOR : email(tag, (i - 1) / FAN_OUT);
                var team = "Bench " + tag + " team " + (i == 0 ? 0 : ((i - 1) / FAN_OUT) % 700);
                write(
                        out,
                        new Row(
                                "Person " + tag + i,
                                email(tag, i),
                                manager ? "Engineering Manager" : "Software Engineer",
                                team,
                                mgr,
                                manager ? "SPE-1" : levels.get(random.nextInt(3)),
                                manager ? "MANAGER" : "ENGINEER"),
                        LocalDate.of(2012, 1, 1).plusDays(random.nextInt(4000)));
            }
            for (var r : extra) {
                write(out, r, null);
            }
        }
    }

    /** Updates of the people of an earlier file: a new title, a new manager for one in ten, a level for one in 20. */
    static List<Row> updatesOf(String tag, int count) {
        var rows = new ArrayList<Row>(count);
        for (int i = 0; i < count; i++) {
            boolean manager = i * FAN_OUT + 1 < count;
            // A move to another manager of the same file, never below oneself: the manager of someone earlier.
            int managerIndex = i == 0 ? -1 : (i % 10 == 0 ? Math.max(0, (i - 1) / FAN_OUT - 1) : (i - 1) / FAN_OUT);
            rows.add(new Row(
                    "Person " + tag + i,
                    email(tag, i),
                    manager ? "Senior Engineering Manager" : "Senior Software Engineer",
                    "Bench " + tag + " team " + (i == 0 ? 0 : ((i - 1) / FAN_OUT) % 700),
                    managerIndex < 0 ? DemoUsers.DIRECTOR : email(tag, managerIndex),
                    manager ? "SPE-1" : (i % 20 == 0 ? "DSE-3" : null),
                    manager ? "MANAGER" : "ENGINEER"));
        }
        return rows;
    }

    private static String email(String tag, int i) {
        return "p" + tag + i + "@bench.example";
    }

    private static void write(BufferedWriter out, Row r, LocalDate start) throws IOException {
        out.write(String.join(
                ",",
                r.name(),
                r.email(),
                r.title(),
                r.team(),
                r.manager(),
                r.level() == null ? "" : LADDER,
                r.level() == null ? "" : r.level(),
                start == null ? "" : start.toString(),
                r.role()));
        out.write('\n');
    }
}
