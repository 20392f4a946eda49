package app.rungs.audit;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.audit.service.AuditChainService;
import app.rungs.security.service.SystemAuthentication;
import app.rungs.support.IntegrationTest;
import app.rungs.support.SuperuserDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the hash chain costs per audited write and under concurrency, against the same insert into a copy of the
 * table without the chain trigger (same columns, indexes and append-only trigger absent). Also: concurrent writers
 * never fork the chain. Numbers go to the log ("AUDIT CHAIN BENCHMARK").
 */
@IntegrationTest
class AuditChainBenchmarkTest {

    private static final Logger log = LoggerFactory.getLogger(AuditChainBenchmarkTest.class);
    private static final String INSERT = "insert into %s (id, occurred_at, actor, action, object_type, object_id,"
            + " summary, after_state, chain_seq, prev_hash, personal_data_hash, row_hash)"
            + " values (nextval('audit_event_seq'), now(), 'bench@rungs.demo', 'BENCH', 'Thing', '1', ?,"
            + " '{\"a\": 1}'::jsonb, nextval('audit_bench_pos'), repeat('0', 64), repeat('0', 64), repeat('0', 64))";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    AuditChainService chain;

    @Autowired
    DataSource dataSource;

    @Test
    void concurrentWritersKeepOneUnforkedChainAndTheCostIsMeasured() throws Exception {
        // The app's role may not create tables: the unchained comparison table is made by the superuser.
        var owner = new JdbcTemplate(SuperuserDatabase.dataSource(dataSource));
        var appRole = jdbc.queryForObject("select current_user", String.class);
        owner.execute("drop table if exists audit_bench");
        owner.execute("create table audit_bench (like audit_event including defaults including indexes)");
        owner.execute("create sequence if not exists audit_bench_pos");
        owner.execute("grant select, insert on audit_bench to \"" + appRole + "\"");
        owner.execute("grant usage, select on sequence audit_bench_pos to \"" + appRole + "\"");
        try {
            var marker = "bench-" + UUID.randomUUID();
            // Warm-up, then sequential single-insert transactions.
            run("audit_bench", marker, 1, 50, 0);
            run("audit_event", marker, 1, 50, 0);
            double plain = run("audit_bench", marker, 1, 300, 0);
            double chained = run("audit_event", marker, 1, 300, 0);
            // Concurrent: 8 threads; then transactions that keep working 5 ms after their audit event.
            double plainParallel = run("audit_bench", marker, 8, 50, 0);
            double chainedParallel = run("audit_event", marker, 8, 50, 0);
            double plainLong = run("audit_bench", marker, 8, 10, 5);
            double chainedLong = run("audit_event", marker, 8, 10, 5);
            log.info(
                    "AUDIT CHAIN BENCHMARK (ms per committed audited transaction; 2 shared cores, noisy):"
                            + " sequential plain {} / chained {};"
                            + " 8 threads plain {} / chained {};"
                            + " 8 threads with 5 ms of work after the audit insert plain {} / chained {}",
                    fmt(plain),
                    fmt(chained),
                    fmt(plainParallel),
                    fmt(chainedParallel),
                    fmt(plainLong),
                    fmt(chainedLong));

            var positions = jdbc.queryForList(
                    "select chain_seq from audit_event where summary = ? order by chain_seq", Long.class, marker);
            assertThat(positions).hasSize(50 + 300 + 8 * 50 + 8 * 10).doesNotHaveDuplicates();
            var report = SystemAuthentication.call(chain::verifyNow);
            assertThat(report.intact()).as(report.message()).isTrue();
        } finally {
            owner.execute("drop table if exists audit_bench");
            owner.execute("drop sequence if exists audit_bench_pos");
        }
    }

    /** @return milliseconds per transaction, wall clock over all threads */
    private double run(String table, String marker, int threads, int perThread, int workMillis) throws Exception {
        var sql = INSERT.formatted(table);
        var pool = Executors.newFixedThreadPool(threads);
        List<Callable<Void>> work = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            work.add(() -> {
                for (int i = 0; i < perThread; i++) {
                    tx.executeWithoutResult(s -> {
                        jdbc.update(sql, marker);
                        if (workMillis > 0) {
                            jdbc.execute("select pg_sleep(" + workMillis / 1000.0 + ")");
                        }
                    });
                }
                return null;
            });
        }
        long start = System.nanoTime();
        for (var f : pool.invokeAll(work)) {
            f.get();
        }
        long elapsed = System.nanoTime() - start;
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        return elapsed / 1e6 / (threads * perThread);
    }

    private static String fmt(double ms) {
        return String.format(java.util.Locale.ROOT, "%.2f", ms);
    }
}
