package app.rungs.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.e2e.BrowserTestSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.openqa.selenium.WebDriver;

/** Backup and restore with pg_dump, and the upgrade of a database made by the previous release. */
final class DataScenarios {

    /** A pg_dump (custom format) of a database made by the previous release; see its README. */
    static final String PREVIOUS_RELEASE_DUMP = "/deployment/previous-release.dump";

    private final Deployment deployment;

    DataScenarios(Deployment deployment) {
        this.deployment = deployment;
    }

    /**
     * Dumps the live database from an exported snapshot (so the counts taken in that snapshot are exactly what the
     * dump holds), restores it into an empty database, compares every table and the audit trail, then starts Rungs on
     * the copy: it must verify the audit hash chain as intact and show what users saved.
     */
    String backupAndRestore(Map<Long, String> saved, long sessionId) throws Exception {
        var dump = deployment.workDir.resolve("backup.dump").toFile();
        Map<String, Long> counts;
        String audit;
        long dumpMs;
        try (var c = deployment.postgres.connect("rungs")) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            var snapshot = Tables.text(c, "select pg_export_snapshot()");
            counts = Tables.counts(c);
            audit = Tables.auditDigest(c);
            dumpMs = deployment.postgres.dump("rungs", snapshot, dump);
            c.commit();
        }
        long restoreMs = deployment.postgres.restore(dump, "rungs_restored");
        try (var c = deployment.postgres.connect("rungs_restored")) {
            assertThat(Tables.counts(c)).as("rows per table after restore").isEqualTo(counts);
            assertThat(Tables.auditDigest(c)).as("audit trail after restore").isEqualTo(audit);
        }

        var restored = deployment
                .instance("restored", deployment.basePort + 3, "rungs_restored")
                .start();
        long ready = restored.awaitReady(Deployment.START);
        var check = awaitChainCheck("rungs_restored");
        assertThat(check.intact())
                .as("audit chain verified by Rungs on the restored database")
                .isTrue();
        WebDriver driver = deployment.browser();
        try {
            Browser.signIn(driver, restored.baseUrl(), Browser.PRIYA, null);
            var first = saved.keySet().iterator().next();
            Browser.openBoard(driver, restored.baseUrl(), sessionId, first);
            for (var e : saved.entrySet()) {
                Browser.await(
                        driver,
                        30,
                        "the restored board showing the saved " + e.getValue() + " of entry " + e.getKey(),
                        d -> e.getValue().equals(Browser.ratingShown(d, e.getKey())),
                        () -> "rating " + Browser.ratingShown(driver, e.getKey()));
            }
            BrowserTestSupport.screenshot(driver, "deployment-restored-board");
        } finally {
            deployment.quit(driver);
            restored.stop();
        }
        return "%d tables, %d rows identical; audit %s events identical, chain intact; dump %d KB in %d ms, restore %d ms, Rungs ready in %d ms"
                .formatted(
                        counts.size(),
                        Tables.total(counts),
                        audit.substring(0, audit.indexOf(':')),
                        Files.size(dump.toPath()) / 1024,
                        dumpMs,
                        restoreMs,
                        ready);
    }

    private Map<String, Long> before;
    private String people;
    private String fromVersion;
    private RungsInstance upgraded;

    /**
     * Restores the stored dump of the previous release into an empty database and starts this version on it (Flyway
     * migrates), without waiting: the suite starts it while the backup scenario runs, to overlap the JVMs' start-ups.
     */
    void startUpgrade() throws Exception {
        var dump = deployment.workDir.resolve("previous-release.dump");
        try (var in = DataScenarios.class.getResourceAsStream(PREVIOUS_RELEASE_DUMP)) {
            assertThat(in).as(PREVIOUS_RELEASE_DUMP + " on the test class path").isNotNull();
            Files.copy(in, dump, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        deployment.postgres.restore(dump.toFile(), "rungs_upgrade");
        try (var c = deployment.postgres.connect("rungs_upgrade")) {
            before = Tables.counts(c);
            people = Tables.peopleDigest(c);
            fromVersion = Tables.text(
                    c, "select max(version::int) from flyway_schema_history where success and version is not null");
        }
        upgraded = deployment
                .instance("upgraded", deployment.basePort + 4, "rungs_upgrade")
                .start();
    }

    /** Checks the upgraded database: every row still there, people unchanged, users sign in and see their data. */
    String upgrade() throws Exception {
        if (upgraded == null) {
            startUpgrade();
        }
        long ready = upgraded.awaitReady(Deployment.START);
        Map<String, Long> after;
        String toVersion;
        var before = this.before;
        try (var c = deployment.postgres.connect("rungs_upgrade")) {
            toVersion = Tables.text(
                    c, "select max(version::int) from flyway_schema_history where success and version is not null");
            assertThat(Tables.single(c, "select count(*) from flyway_schema_history where not success"))
                    .isZero();
            assertThat(Tables.peopleDigest(c)).as("people after the upgrade").isEqualTo(people);
            after = Tables.counts(c);
        }
        assertThat(Integer.parseInt(toVersion)).isEqualTo(latestMigration());
        var changed = new TreeMap<String, String>();
        for (var table : before.keySet()) {
            assertThat(after).as("table " + table + " still there").containsKey(table);
            if (!table.equals("audit_event") && !table.equals("flyway_schema_history")) {
                assertThat(after.get(table)).as("rows of " + table).isEqualTo(before.get(table));
            } else {
                assertThat(after.get(table)).as("rows of " + table).isGreaterThanOrEqualTo(before.get(table));
            }
            if (!after.get(table).equals(before.get(table))) {
                changed.put(table, before.get(table) + "->" + after.get(table));
            }
        }
        var check = awaitChainCheck("rungs_upgrade");
        assertThat(check.intact()).as("audit chain of the upgraded database").isTrue();

        WebDriver driver = deployment.browser();
        try {
            Browser.signIn(driver, upgraded.baseUrl(), Browser.PRIYA, null);
            driver.get(upgraded.baseUrl() + "/people");
            Browser.await(
                    driver,
                    60,
                    "Daniel Okafor in the people list of the upgraded database",
                    d -> Browser.visibleText(d).contains("Daniel Okafor"),
                    () -> driver.getCurrentUrl() + " "
                            + Browser.visibleText(driver).lines().limit(8).toList());
            BrowserTestSupport.screenshot(driver, "deployment-upgraded-people");
        } finally {
            deployment.quit(driver);
            upgraded.stop();
        }
        return "V%s -> V%s in %d ms; %d tables, %d rows kept (grew: %s); people identical; audit chain intact (%d events)"
                .formatted(fromVersion, toVersion, ready, before.size(), Tables.total(before), changed, check.events());
    }

    record ChainCheck(boolean intact, long events) {}

    /** Rungs verifies the audit hash chain in the background after start-up; waits for that check's result. */
    private ChainCheck awaitChainCheck(String database) throws Exception {
        var deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        try (var c = deployment.postgres.connect(database)) {
            while (System.nanoTime() < deadline) {
                try (var rs = c.createStatement()
                        .executeQuery("select intact, events from audit_chain_check where trigger_kind = 'STARTUP'"
                                + " order by checked_at desc limit 1")) {
                    if (rs.next()) {
                        return new ChainCheck(rs.getBoolean(1), rs.getLong(2));
                    }
                }
                RungsInstance.sleep(500);
            }
        }
        throw new AssertionError("Waited 120 s for Rungs' start-up audit chain check on " + database
                + "; saw no row with trigger_kind STARTUP in audit_chain_check");
    }

    /** The highest migration version this build ships (db/V<n>__*.sql). */
    static int latestMigration() throws Exception {
        var dir = Path.of("db");
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__"))))
                    .max()
                    .orElseThrow();
        }
    }
}
