package app.rungs.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.health.DataSourceHealthIndicator;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The production embedded cluster on data directories of its own (the shared test server stays untouched): a new
 * directory, a directory of the earlier trust-authentication version, and a server process killed under a running
 * connection pool. Prints the measured times.
 */
class EmbeddedClusterTest {

    @TempDir
    Path temp;

    @Test
    void aNewDataDirectoryIsDurableAndSignInNeedsTheGeneratedPassword() throws Exception {
        var dir = temp.resolve("pgdata");
        long started = System.nanoTime();
        try (var cluster = EmbeddedCluster.start(dir, 0, true, 20)) {
            System.out.printf("[db] new durable cluster ready in %d ms%n", (System.nanoTime() - started) / 1_000_000);
            try (var app = DriverManager.getConnection(
                            cluster.jdbcUrl(),
                            DatabaseRoles.APP,
                            cluster.credentials().app());
                    var statement = app.createStatement()) {
                for (var setting : new String[] {"fsync", "synchronous_commit", "full_page_writes"}) {
                    try (var rs = statement.executeQuery("show " + setting)) {
                        rs.next();
                        assertThat(rs.getString(1)).as(setting).isEqualTo("on");
                    }
                }
            }
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(EmbeddedCredentials.file(dir))))
                    .isEqualTo("rw-------");
            assertThatThrownBy(() -> DriverManager.getConnection(cluster.jdbcUrl(), "postgres", null))
                    .isInstanceOf(SQLException.class);
        }
        // A second start reuses the stored passwords, and narrows the file's permissions again if they were widened.
        Files.setPosixFilePermissions(EmbeddedCredentials.file(dir), PosixFilePermissions.fromString("rw-r--r--"));
        try (var again = EmbeddedCluster.start(dir, 0, true, 20)) {
            DriverManager.getConnection(
                            again.jdbcUrl(),
                            DatabaseRoles.OWNER,
                            again.credentials().owner())
                    .close();
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(EmbeddedCredentials.file(dir))))
                .isEqualTo("rw-------");
    }

    @Test
    void aDataDirectoryOfTheEarlierVersionIsSecuredOnItsFirstStart() throws Exception {
        var dir = temp.resolve("legacy");
        // The earlier version: zonky's defaults, trust authentication, everything owned by postgres.
        try (var legacy = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .start()) {
            try (var c = legacy.getPostgresDatabase().getConnection();
                    var s = c.createStatement()) {
                s.execute("create sequence thing_seq");
                s.execute("create table thing (id bigint primary key, name text, serial_no bigserial)");
                s.execute("insert into thing (id, name) values (nextval('thing_seq'), 'kept')");
                s.execute("create function thing_count() returns bigint language sql as 'select count(*) from thing'");
            }
        }
        assertThat(Files.readString(dir.resolve("pg_hba.conf"))).contains("trust");

        try (var cluster = EmbeddedCluster.start(dir, 0, true, 20)) {
            assertThat(Files.readString(dir.resolve("pg_hba.conf"))).doesNotContain("trust");
            assertThatThrownBy(() -> DriverManager.getConnection(cluster.jdbcUrl(), "postgres", null))
                    .isInstanceOf(SQLException.class);
            try (var owner = DriverManager.getConnection(
                    cluster.jdbcUrl(),
                    DatabaseRoles.OWNER,
                    cluster.credentials().owner())) {
                var jdbc = new JdbcTemplate(
                        new org.springframework.jdbc.datasource.SingleConnectionDataSource(owner, true));
                assertThat(jdbc.queryForList(
                                "select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                                        + " where n.nspname = 'public' and c.relkind in ('r', 'S')"
                                        + " and pg_get_userbyid(c.relowner) <> 'rungs_owner'",
                                String.class))
                        .isEmpty();
                assertThat(jdbc.queryForObject("select thing_count()", Long.class))
                        .isEqualTo(1);
                RuntimeRoleGrants.grant(owner, DatabaseRoles.APP);
            }
            try (var app = DriverManager.getConnection(
                            cluster.jdbcUrl(),
                            DatabaseRoles.APP,
                            cluster.credentials().app());
                    var s = app.createStatement();
                    var rs = s.executeQuery("select name from thing")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("kept");
                s.execute("insert into thing (id, name) values (nextval('thing_seq'), 'new')");
            }
        }
    }

    @Test
    void aKilledServerIsRestartedAndTheHealthCheckRecoversWithoutRestartingTheApp() throws Exception {
        try (var cluster = EmbeddedCluster.start(temp.resolve("supervised"), 0, true, 20);
                var supervisor = new EmbeddedPostgresSupervisor(cluster, Duration.ofMillis(500));
                var pool = pool(cluster)) {
            var health = new DataSourceHealthIndicator(pool, "select 1");
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
            var pid = cluster.postmasterPid().orElseThrow();

            long killed = System.nanoTime();
            ProcessHandle.of(pid).orElseThrow().destroyForcibly();
            long downAt = 0;
            long upAt = 0;
            while (System.nanoTime() - killed < Duration.ofSeconds(60).toNanos()) {
                var status = health.health().getStatus();
                if (downAt == 0 && status.equals(Status.DOWN)) {
                    downAt = System.nanoTime();
                } else if (downAt != 0 && status.equals(Status.UP)) {
                    upAt = System.nanoTime();
                    break;
                }
                Thread.sleep(100);
            }
            System.out.printf(
                    "[db] after kill -9 of the postmaster: health DOWN after %d ms, UP again after %d ms%n",
                    (downAt - killed) / 1_000_000, (upAt - killed) / 1_000_000);
            assertThat(downAt).as("health went DOWN").isPositive();
            assertThat(upAt).as("health came back UP by itself").isPositive();
            assertThat(cluster.postmasterPid()).get().isNotEqualTo(pid);
            assertThat(new JdbcTemplate(pool).queryForObject("select current_user", String.class))
                    .isEqualTo(DatabaseRoles.APP);
            assertThat(supervisor.check()).isTrue();
        }
    }

    /**
     * A server the supervisor restarted (zonky does not know that process) still stops with the application, and once
     * the cluster is closing the supervisor cannot start it again: such a server outlived the JVM and held the data
     * directory, so the next start gave up after 60 s (docs/benchmarks/startup.md, run of 2026-11-30 17:07).
     */
    @Test
    void aServerTheSupervisorRestartedStopsWithTheClusterAndStaysStopped() throws Exception {
        var dir = temp.resolve("restarted");
        var cluster = EmbeddedCluster.start(dir, 0, true, 20);
        try (var supervisor = new EmbeddedPostgresSupervisor(cluster, Duration.ofHours(1))) {
            var first = cluster.postmasterPid().orElseThrow();
            var killed = ProcessHandle.of(first).orElseThrow();
            killed.destroyForcibly();
            killed.onExit().get();
            assertThat(supervisor.check()).as("restarted").isTrue();
            var restarted = cluster.postmasterPid().orElseThrow();
            assertThat(restarted).isNotEqualTo(first);

            cluster.close();
            // The server removes its pid file when it has shut down (the process itself may linger as a zombie
            // until the machine's init reaps it).
            assertThat(cluster.isRunning())
                    .as("the restarted server (pid %d) stopped with the cluster", restarted)
                    .isFalse();
            supervisor.check();
            cluster.restart();
            assertThat(cluster.isRunning())
                    .as("nothing starts a closed cluster again")
                    .isFalse();
        }
        // The data directory is free for the next start.
        try (var again = EmbeddedCluster.start(dir, 0, true, 20)) {
            assertThat(again.isRunning()).isTrue();
        }
    }

    private static HikariDataSource pool(EmbeddedCluster cluster) {
        var config = new HikariConfig();
        config.setJdbcUrl(cluster.jdbcUrl());
        config.setUsername(DatabaseRoles.APP);
        config.setPassword(cluster.credentials().app());
        config.setConnectionTimeout(3000);
        config.setValidationTimeout(2000);
        config.setMaximumPoolSize(2);
        config.addDataSourceProperty("connectTimeout", "3");
        return new HikariDataSource(config);
    }
}
