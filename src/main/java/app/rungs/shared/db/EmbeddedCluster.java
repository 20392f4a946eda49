package app.rungs.shared.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded PostgreSQL cluster in a data directory: password-protected, loopback-only and (unless asked not to be)
 * durable, with the {@link DatabaseRoles} prepared, and restartable on the same port after its process died.
 *
 * <p>Start-up of a data directory:
 *
 * <ol>
 *   <li>new directory: {@code initdb} with SCRAM authentication and a generated superuser password;
 *   <li>directory of an earlier version (no {@value EmbeddedCredentials#FILE_NAME}, trust authentication): the
 *       superuser password is set in single-user mode, which opens no network socket, so there is never a moment in
 *       which the cluster accepts connections without a password;
 *   <li>always: {@code pg_hba.conf} rewritten to SCRAM only, the server started, roles and ownership prepared.
 * </ol>
 */
public final class EmbeddedCluster implements Closeable {

    static final String DATABASE = "postgres";
    static final String SUPERUSER = "postgres";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedCluster.class);
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

    private final Path dataDir;
    private final int port;
    private final EmbeddedCredentials credentials;
    private final Map<String, String> serverConfig;
    private final EmbeddedPostgres postgres;
    // Guarded by this: once closing, the supervisor may not start the server again.
    private boolean closed;

    private EmbeddedCluster(
            Path dataDir,
            int port,
            EmbeddedCredentials credentials,
            Map<String, String> serverConfig,
            EmbeddedPostgres postgres) {
        this.dataDir = dataDir;
        this.port = port;
        this.credentials = credentials;
        this.serverConfig = serverConfig;
        this.postgres = postgres;
    }

    /**
     * Prepares and starts the cluster in {@code dataDir}.
     *
     * @param port fixed port, or 0 for a free one (kept for restarts while this process runs)
     * @param durable false only for throw-away test clusters: fsync and synchronous commit off
     */
    public static EmbeddedCluster start(Path dataDir, int port, boolean durable, int maxConnections) {
        try {
            Files.createDirectories(dataDir);
            var credentials = prepareDataDirectory(dataDir);
            var chosenPort = port > 0 ? port : freePort();
            var config = serverConfig(durable, maxConnections);
            var builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(chosenPort)
                    .setPGStartupWait(STARTUP_WAIT)
                    // zonky's own shutdown hook stopped the server at SIGTERM while the application still ran, so the
                    // supervisor started it again and that server outlived the JVM, holding the data directory
                    // against the next start. The cluster's own hook (below) closes it instead, under the same lock
                    // as restart().
                    .setRegisterShutdownHook(false)
                    // zonky checks readiness by signing in as the superuser
                    .setConnectConfig("password", credentials.superuser());
            config.forEach(builder::setServerConfig);
            EmbeddedPostgres postgres;
            try {
                postgres = builder.start();
            } catch (IllegalStateException e) {
                // zonky refuses a data directory whose lock another process holds: say so in one line.
                if (String.valueOf(e.getMessage()).startsWith("could not lock")) {
                    throw DatabasePreflight.inUse(dataDir);
                }
                throw e;
            }
            var cluster = new EmbeddedCluster(dataDir, chosenPort, credentials, config, postgres);
            Runtime.getRuntime()
                    .addShutdownHook(
                            Thread.ofPlatform().name("rungs-db-shutdown").unstarted(cluster::closeQuietly));
            try (var superuser = DriverManager.getConnection(cluster.jdbcUrl(), SUPERUSER, credentials.superuser())) {
                DatabaseRoles.prepare(superuser, DATABASE, credentials);
            } catch (SQLException e) {
                postgres.close();
                throw new IllegalStateException("Cannot prepare the database roles: " + e.getMessage(), e);
            }
            return cluster;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static EmbeddedCredentials prepareDataDirectory(Path dataDir) throws IOException {
        EmbeddedCredentials credentials;
        if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
            credentials = EmbeddedCredentials.generate();
            initdb(dataDir, credentials.superuser());
            credentials.store(dataDir);
        } else if (!EmbeddedCredentials.exist(dataDir)) {
            log.info("Securing the embedded PostgreSQL data directory of an earlier version: password authentication,"
                    + " non-superuser roles");
            credentials = EmbeddedCredentials.generate();
            PostgresBinaries.run(
                    "postgres",
                    List.of("--single", "-D", dataDir.toString(), "-c", "listen_addresses=", DATABASE),
                    "alter role " + SUPERUSER + " password '" + credentials.superuser() + "'\n",
                    STARTUP_WAIT);
            credentials.store(dataDir);
        } else {
            credentials = EmbeddedCredentials.load(dataDir);
        }
        writeHba(dataDir);
        return credentials;
    }

    private static void initdb(Path dataDir, String superuserPassword) throws IOException {
        var passwordFile = Files.createTempFile(
                "rungs-pw",
                ".txt",
                java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(passwordFile, superuserPassword + "\n");
            PostgresBinaries.run(
                    "initdb",
                    List.of(
                            "-A",
                            "scram-sha-256",
                            "-U",
                            SUPERUSER,
                            "--pwfile=" + passwordFile,
                            "-E",
                            "UTF-8",
                            "-D",
                            dataDir.toString()),
                    null,
                    STARTUP_WAIT);
        } finally {
            Files.deleteIfExists(passwordFile);
        }
    }

    /** Only password (SCRAM) sign-ins, and only over loopback or the local socket. */
    private static void writeHba(Path dataDir) throws IOException {
        Files.writeString(dataDir.resolve("pg_hba.conf"), """
                # Written by Rungs at every start: every connection needs a password (SCRAM), loopback only.
                # TYPE  DATABASE  USER  ADDRESS       METHOD
                local   all       all                 scram-sha-256
                host    all       all   127.0.0.1/32  scram-sha-256
                host    all       all   ::1/128       scram-sha-256
                """);
    }

    private static Map<String, String> serverConfig(boolean durable, int maxConnections) {
        var config = new LinkedHashMap<String, String>();
        config.put("listen_addresses", "127.0.0.1,::1");
        config.put("password_encryption", "scram-sha-256");
        config.put("max_connections", Integer.toString(maxConnections));
        config.put("timezone", "UTC");
        // zonky starts the server with -F (fsync off) and synchronous_commit=off; these settings come later on the
        // command line and win.
        config.put("fsync", durable ? "on" : "off");
        config.put("synchronous_commit", durable ? "on" : "off");
        config.put("full_page_writes", durable ? "on" : "off");
        return config;
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public Path dataDir() {
        return dataDir;
    }

    public int port() {
        return port;
    }

    public EmbeddedCredentials credentials() {
        return credentials;
    }

    public EmbeddedPostgres embeddedPostgres() {
        return postgres;
    }

    public String jdbcUrl() {
        return jdbcUrl(DATABASE);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:%d/%s".formatted(port, database);
    }

    /** The postmaster's process id, if one is running on the data directory. */
    public Optional<Long> postmasterPid() {
        var pidFile = dataDir.resolve("postmaster.pid");
        try {
            var lines = Files.readAllLines(pidFile);
            if (lines.isEmpty() || lines.getFirst().isBlank()) {
                return Optional.empty();
            }
            var pid = Long.parseLong(lines.getFirst().trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(ProcessHandle::pid);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    public boolean isRunning() {
        return postmasterPid().isPresent();
    }

    /** Starts the server again on the same data directory, port and settings (after its process died). */
    public synchronized void restart() {
        if (closed || isRunning()) {
            return;
        }
        var options = new ArrayList<String>();
        options.add("-p " + port);
        serverConfig.forEach((key, value) -> options.add("-c " + key + "=" + value));
        PostgresBinaries.run(
                "pg_ctl",
                List.of(
                        "-D",
                        dataDir.toString(),
                        "-l",
                        dataDir.resolve("rungs-restart.log").toString(),
                        "-o",
                        String.join(" ", options),
                        "-w",
                        "-t",
                        Long.toString(STARTUP_WAIT.toSeconds()),
                        "start"),
                null,
                STARTUP_WAIT.plusSeconds(5));
    }

    /**
     * Stops the server, whoever started it last: zonky's process, or {@link #restart()}'s {@code pg_ctl} (which zonky
     * does not know about). Afterwards {@link #restart()} does nothing.
     */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        postgres.close();
        if (isRunning()) {
            PostgresBinaries.run(
                    "pg_ctl",
                    List.of("-D", dataDir.toString(), "-m", "fast", "-w", "stop"),
                    null,
                    STARTUP_WAIT.plusSeconds(5));
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (IOException | RuntimeException e) {
            // The JVM is exiting; a server that would not stop shows in the next start's preflight.
        }
    }
}
