package app.rungs.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The deployment under test: a PostgreSQL server cluster with Rungs' two roles, two Rungs instances of the packaged
 * jar on it and HAProxy in front. Ports from 8188 (proxy) and 5440 (PostgreSQL) unless set as system properties.
 */
final class Deployment implements AutoCloseable {

    static final Duration START = Duration.ofSeconds(Long.getLong("rungs.deployment.start-timeout", 300));

    final Path workDir;
    final Path jar;
    final Path repo;
    final PostgresServer postgres;
    final HaProxy proxy;
    final String ownerPassword = "owner-" + UUID.randomUUID();
    final String appPassword = "app-" + UUID.randomUUID();
    final int basePort = Integer.getInteger("rungs.deployment.port", 8188);
    RungsInstance a;
    RungsInstance b;
    private final List<RungsInstance> extra = new ArrayList<>();

    Deployment() {
        repo = Path.of("").toAbsolutePath();
        jar = findJar(repo.resolve("target"));
        // Logs stay in target/deployment for a failed run's diagnosis; each run starts from an empty directory.
        workDir = repo.resolve("target/deployment");
        deleteQuietly(workDir);
        try {
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        postgres = new PostgresServer("rungsdeploy", Integer.getInteger("rungs.deployment.pg-port", 5440));
        proxy = new HaProxy(basePort, basePort + 11);
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

    /** Server, roles (the same script docker-compose runs), instance a (migrates, seeds the demo), b, proxy. */
    String start() {
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
        a = instance("a", basePort + 1, "rungs").with("RUNGS_DEMO", "on").start();
        long aReady = a.awaitReady(START);
        // b starts once a has migrated, so the two never race for Flyway's lock (they would wait, not fail).
        b = instance("b", basePort + 2, "rungs").with("RUNGS_DEMO", "off").start();
        long bReady = b.awaitReady(START);
        proxy.start(repo.resolve("docker/haproxy"), a.port, b.port, workDir.resolve("haproxy.log"));
        proxy.awaitState("a", "UP", Duration.ofSeconds(30));
        proxy.awaitState("b", "UP", Duration.ofSeconds(30));
        return "a ready in %d ms (migrations + demo data), b in %d ms".formatted(aReady, bReady);
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

    @Override
    public void close() {
        for (var instance : extra) {
            instance.stop();
        }
        proxy.close();
        postgres.close();
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
