package app.rungs.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One Rungs process started from the packaged jar, with its own environment, port and log file. */
final class RungsInstance implements AutoCloseable {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final String name;
    final int port;
    private final Path jar;
    private final Path log;
    private final Map<String, String> env = new LinkedHashMap<>();
    private Process process;
    private long startedAt;
    private volatile long exitedAt;

    RungsInstance(String name, Path jar, int port, Path workDir) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.log = workDir.resolve("rungs-" + name + ".log");
        env.put("PORT", Integer.toString(port));
        env.put("RUNGS_LISTEN_ADDRESS", "127.0.0.1");
        // Isolated even when an external database is configured (and the embedded one's directory otherwise).
        env.put("RUNGS_DATA_DIR", workDir.resolve("data-" + name).toString());
    }

    /** Connects to an external database as the runtime role, Flyway as the schema owner (docs/operations.md). */
    RungsInstance external(String jdbcUrl, String appPassword, String ownerPassword) {
        env.put("SPRING_DATASOURCE_URL", jdbcUrl);
        env.put("SPRING_DATASOURCE_USERNAME", "rungs_app");
        env.put("SPRING_DATASOURCE_PASSWORD", appPassword);
        env.put("SPRING_FLYWAY_USER", "rungs_owner");
        env.put("SPRING_FLYWAY_PASSWORD", ownerPassword);
        return this;
    }

    RungsInstance with(String key, String value) {
        env.put(key, value);
        return this;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    RungsInstance start() {
        var command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // Small heap, one GC thread and the quick JIT tier: start-up time matters more than peak speed here,
                // where several JVMs share two cores (docs/operations.md gives the production flags).
                "-Xmx512m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-jar",
                jar.toString());
        var builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(k -> k.startsWith("SPRING_") || k.startsWith("RUNGS_"));
        builder.environment().putAll(env);
        builder.redirectErrorStream(true);
        builder.redirectOutput(log.toFile());
        try {
            startedAt = System.nanoTime();
            process = builder.start();
            process.onExit().thenRun(() -> exitedAt = System.nanoTime());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Waits until the readiness probe answers 200; fails at once if the process ended. Returns ms since start. */
    long awaitReady(Duration timeout) {
        var deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        name + " exited with " + process.exitValue() + " before it was ready:\n" + tail(40));
            }
            if (status("/actuator/health/readiness") == 200) {
                return (System.nanoTime() - startedAt) / 1_000_000;
            }
            sleep(500);
        }
        throw new IllegalStateException(name + " not ready after " + timeout + ":\n" + tail(40));
    }

    /** HTTP status of a GET on this instance, or -1 when nothing answers. */
    int status(String path) {
        try {
            var request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                    .timeout(Duration.ofSeconds(5))
                    .GET()
                    .build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Waits for the process to end by itself (a failed start-up); returns its exit code. */
    int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(name + " still running after " + timeout + ":\n" + tail(40));
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** From start to exit, for a process that has ended (else until now). */
    long millisUntilExit() {
        return ((exitedAt != 0 ? exitedAt : System.nanoTime()) - startedAt) / 1_000_000;
    }

    long millisSinceStart() {
        return (System.nanoTime() - startedAt) / 1_000_000;
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** SIGTERM (Spring's graceful shutdown), then SIGKILL if it takes longer than a minute. */
    void stop() {
        terminate();
        awaitStopped(Duration.ofSeconds(60));
    }

    /** Sends SIGTERM without waiting. */
    void terminate() {
        if (process != null && process.isAlive()) {
            process.destroy();
        }
    }

    /** Waits for the process to end after {@link #terminate}, then kills it. */
    void awaitStopped(Duration timeout) {
        if (process == null) {
            return;
        }
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    long pid() {
        return process.pid();
    }

    List<String> logLines() {
        try {
            return Files.exists(log) ? Files.readAllLines(log) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String tail(int lines) {
        var all = logLines();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
