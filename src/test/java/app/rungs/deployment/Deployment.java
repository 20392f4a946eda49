package app.rungs.deployment;

import app.rungs.e2e.BrowserTestSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.openqa.selenium.WebDriver;

/**
 * The deployment under test: a PostgreSQL server cluster with Rungs' two roles, two Rungs instances of the packaged
 * jar on it and HAProxy in front. Ports from 8150 (proxy; instances 8151-8157, statistics 8161) and 5450 (PostgreSQL)
 * unless set as system properties. Whatever ends the JVM (a failure, a kill, a CI time limit), a shutdown hook stops
 * every process the suite started: instances, HAProxy, browsers and the PostgreSQL cluster.
 */
final class Deployment implements AutoCloseable {

    static final Duration START = Duration.ofSeconds(Long.getLong("rungs.deployment.start-timeout", 900));

    final Path workDir;
    final Path jar;
    final Path repo;
    final PostgresServer postgres;
    final HaProxy proxy;
    final String ownerPassword = "owner-" + UUID.randomUUID();
    final String appPassword = "app-" + UUID.randomUUID();
    final int basePort = Integer.getInteger("rungs.deployment.port", 8150);
    RungsInstance a;
    RungsInstance b;
    private final List<RungsInstance> extra = new CopyOnWriteArrayList<>();
    private final List<WebDriver> browsers = new CopyOnWriteArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread hook = Thread.ofPlatform().name("deployment-cleanup").unstarted(this::close);

    Deployment() {
        repo = Path.of("").toAbsolutePath();
        jar = findJar(repo.resolve(System.getProperty("rungs.deployment.jar-dir", "target")));
        // Logs stay in target/deployment for a failed run's diagnosis; each run starts from an empty directory.
        workDir = repo.resolve("target/deployment");
        deleteQuietly(workDir);
        try {
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        postgres = new PostgresServer("rungsdeploy", Integer.getInteger("rungs.deployment.pg-port", 5450));
        proxy = new HaProxy(basePort, basePort + 11);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** A headless Chromium that the shutdown hook quits too. */
    WebDriver browser() {
        var driver = BrowserTestSupport.startChrome();
        browsers.add(driver);
        return driver;
    }

    void quit(WebDriver driver) {
        browsers.remove(driver);
        driver.quit();
    }

    /** The jar the main build packaged (the suite never builds one of its own). */
    static Path findJar(Path target) {
        try (var files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().matches("rungs-.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "No packaged jar in " + target + ": run ./mvnw -B verify (or package) first"));
        } catch (IOException e) {
            throw new UncheckedIOException("No " + target + ": run ./mvnw -B verify (or package) first", e);
        }
    }

    /**
     * Server, roles (the same script docker-compose runs), instances a (migrates, seeds the demo) and b started at
     * once (b waits for Flyway's lock while a migrates, as instances of a real deployment do), proxy.
     */
    String start() {
        long t = System.nanoTime();
        postgres.create(60);
        postgres.runScript(
                repo.resolve("docker/postgres-init/10-rungs-roles.sh"),
                Map.of(
                        "POSTGRES_USER",
                        "postgres",
                        "POSTGRES_DB",
                        "postgres",
                        "RUNGS_DB_OWNER_PASSWORD",
                        ownerPassword,
                        "RUNGS_DB_APP_PASSWORD",
                        appPassword));
        long server = (System.nanoTime() - t) / 1_000_000;
        // The same settings on both, as in production (here with the demo organization): the first to get the
        // database's start-up lock seeds it, the other then finds it seeded.
        a = instance("a", basePort + 1, "rungs").with("RUNGS_DEMO", "on").start();
        b = instance("b", basePort + 2, "rungs").with("RUNGS_DEMO", "on").start();
        proxy.start(repo.resolve("docker/haproxy"), a.port, b.port, workDir.resolve("haproxy.log"));
        long aReady = a.awaitReady(START);
        long bReady = b.awaitReady(START);
        awaitDemo();
        var seeded = java.util.stream.Stream.of(a, b)
                .filter(i -> i.logLines().stream().anyMatch(l -> l.contains("Seeded the demo organization")))
                .map(i -> i.name)
                .toList();
        if (seeded.size() != 1) {
            throw new IllegalStateException(
                    "Expected exactly one instance to seed the demo organization, saw " + seeded);
        }
        proxy.awaitState("a", "UP", Duration.ofSeconds(30));
        proxy.awaitState("b", "UP", Duration.ofSeconds(30));
        return "server + roles %d ms; a ready in %d ms, b in %d ms (started together; %s seeded the demo)"
                .formatted(server, aReady, bReady, seeded.getFirst());
    }

    /** Waits until the demo organization's calibration sessions exist (seeded before the instance is ready). */
    private void awaitDemo() {
        var deadline = System.nanoTime() + START.toNanos();
        String seen = "nothing";
        while (System.nanoTime() < deadline) {
            try (var c = postgres.connect("rungs")) {
                var sessions = Tables.single(c, "select count(*) from calibration_session where status = 'PREPARING'");
                if (sessions > 0) {
                    return;
                }
                seen = "no preparing calibration session yet";
            } catch (java.sql.SQLException e) {
                seen = e.getMessage();
            }
            for (var instance : List.of(a, b)) {
                if (!instance.isAlive()) {
                    throw new IllegalStateException(instance.name + " exited while starting:\n" + instance.tail(40));
                }
            }
            RungsInstance.sleep(250);
        }
        throw new IllegalStateException("Waited " + START + " for a to seed the demo organization; saw " + seen);
    }

    /** An instance on a database of the suite's server, as the runtime role with Flyway as the owner. */
    RungsInstance instance(String name, int port, String database) {
        var instance = new RungsInstance(name, jar, port, workDir)
                .external(postgres.jdbcUrl(database), appPassword, ownerPassword)
                .with("RUNGS_TRUSTED_PROXIES", "127.0.0.1");
        extra.add(instance);
        return instance;
    }

    /** An instance with the given environment only (no database settings): for the start-up failure scenarios. */
    RungsInstance bare(String name, int port) {
        var instance = new RungsInstance(name, jar, port, workDir);
        extra.add(instance);
        return instance;
    }

    /**
     * Stops everything, once: browsers, instances (SIGTERM together, SIGKILL after 15 s), HAProxy, the cluster, and
     * any other process this JVM started (chromedriver, a Shell command). Runs from the test's tear-down or from the
     * shutdown hook, which surefire gives 30 s when Maven is killed.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            System.out.println("DEPLOYMENT shutdown hook: stopping every process the suite started");
        }
        for (var driver : browsers) {
            try {
                driver.quit();
            } catch (RuntimeException ignored) {
                // Its process is killed below.
            }
        }
        extra.forEach(RungsInstance::terminate);
        proxy.close();
        extra.forEach(instance -> instance.awaitStopped(Duration.ofSeconds(15)));
        postgres.close();
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
    }

    static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A leftover temporary directory is harmless.
        }
    }
}
