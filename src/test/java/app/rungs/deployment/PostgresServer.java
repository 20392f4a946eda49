package app.rungs.deployment;

import java.io.File;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A PostgreSQL server cluster of the distribution's own packages (Debian 12: PostgreSQL 15), made, started, stopped
 * and dropped with Debian's postgresql-common tools, as an operator would run one. Administrative commands run as the
 * {@code postgres} system user over the local socket (peer authentication); TCP sign-ins need SCRAM passwords.
 */
final class PostgresServer implements AutoCloseable {

    static final String VERSION = System.getProperty("rungs.deployment.pg-version", "15");
    private static final Duration ADMIN = Duration.ofSeconds(120);

    final String cluster;
    final int port;
    private final String superuserPassword = "su-" + UUID.randomUUID();

    PostgresServer(String cluster, int port) {
        this.cluster = cluster;
        this.port = port;
    }

    /** A fresh cluster (an earlier run's leftover of the same name is dropped), started, superuser password set. */
    void create(int maxConnections) {
        Shell.run(List.of("pg_dropcluster", "--stop", VERSION, cluster), ADMIN);
        Shell.check(
                List.of(
                        "pg_createcluster",
                        VERSION,
                        cluster,
                        "-p",
                        Integer.toString(port),
                        "-o",
                        "max_connections=" + maxConnections,
                        "-o",
                        "listen_addresses=localhost",
                        "--",
                        "--auth-host=scram-sha-256",
                        "--auth-local=peer"),
                ADMIN);
        start();
        psql("postgres", "alter role postgres password '" + superuserPassword + "'");
    }

    void start() {
        Shell.check(List.of("pg_ctlcluster", VERSION, cluster, "start"), ADMIN);
    }

    /** Fast shutdown: open connections are cut, as in a restart for maintenance or a failover. */
    void stop() {
        Shell.check(List.of("pg_ctlcluster", VERSION, cluster, "stop", "-m", "fast"), ADMIN);
    }

    /** Runs SQL as the superuser through psql; returns the unaligned, tuples-only output. */
    String psql(String database, String sql) {
        return Shell.check(
                asPostgres(List.of(
                        "psql", "-p", Integer.toString(port), "-d", database, "-v", "ON_ERROR_STOP=1", "-qAtc", sql)),
                ADMIN);
    }

    /** Runs a script file (read from stdin) as the superuser with the given environment. */
    void runScript(Path script, Map<String, String> env) {
        var command = new ArrayList<>(List.of("runuser", "-u", "postgres", "--", "env"));
        env.forEach((k, v) -> command.add(k + "=" + v));
        command.addAll(List.of("PGPORT=" + port, "sh", "-s"));
        var result = Shell.run(command, Map.of(), script.toFile(), null, ADMIN);
        if (result.exit() != 0) {
            throw new IllegalStateException("Script " + script + " failed:\n" + result.output());
        }
    }

    /** pg_dump of a database in the custom format, optionally from an exported snapshot; returns the time taken. */
    long dump(String database, String snapshot, File target) {
        var command = new ArrayList<>(List.of("pg_dump", "-p", Integer.toString(port), "-Fc"));
        if (snapshot != null) {
            command.add("--snapshot=" + snapshot);
        }
        command.add(database);
        long started = System.nanoTime();
        var result = Shell.run(asPostgres(command), Map.of(), null, target, ADMIN);
        if (result.exit() != 0) {
            throw new IllegalStateException("pg_dump failed: " + result.output());
        }
        return (System.nanoTime() - started) / 1_000_000;
    }

    /** An empty database owned by the schema owner, reachable by the runtime role, restored from a dump. */
    long restore(File dump, String database) {
        psql("postgres", "drop database if exists " + database);
        psql("postgres", "create database " + database + " owner rungs_owner");
        psql("postgres", "revoke all on database " + database + " from public");
        psql("postgres", "grant connect on database " + database + " to rungs_app");
        long started = System.nanoTime();
        var result = Shell.run(
                asPostgres(List.of("pg_restore", "-p", Integer.toString(port), "--exit-on-error", "-d", database)),
                Map.of(),
                dump,
                null,
                ADMIN);
        if (result.exit() != 0) {
            throw new IllegalStateException("pg_restore failed: " + result.output());
        }
        return (System.nanoTime() - started) / 1_000_000;
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:%d/%s".formatted(port, database);
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), "postgres", superuserPassword);
    }

    private static List<String> asPostgres(List<String> command) {
        var all = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        all.addAll(command);
        return all;
    }

    @Override
    public void close() {
        Shell.run(List.of("pg_dropcluster", "--stop", VERSION, cluster), ADMIN);
    }
}
