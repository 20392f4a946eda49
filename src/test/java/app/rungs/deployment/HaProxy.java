package app.rungs.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** HAProxy in the foreground on the repository's own configuration (docker/haproxy/haproxy.cfg). */
final class HaProxy implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final int port;
    private final int statsPort;
    private Process process;

    HaProxy(int port, int statsPort) {
        this.port = port;
        this.statsPort = statsPort;
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    void start(Path configDir, int instanceA, int instanceB, Path log) {
        var config = configDir.resolve("haproxy.cfg").toString();
        var env = Map.of(
                "RUNGS_PROXY_BIND", "127.0.0.1:" + port,
                "RUNGS_PROXY_STATS", "127.0.0.1:" + statsPort,
                "RUNGS_INSTANCE_A", "127.0.0.1:" + instanceA,
                "RUNGS_INSTANCE_B", "127.0.0.1:" + instanceB,
                "RUNGS_PROXY_ERRORS", configDir.toString());
        var builder = new ProcessBuilder("haproxy", "-db", "-f", config);
        builder.environment().putAll(env);
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("haproxy exited with " + process.exitValue() + ", see " + log);
            }
            if (!serverStates().isEmpty()) {
                return;
            }
            RungsInstance.sleep(200);
        }
        throw new IllegalStateException("haproxy's statistics page did not answer, see " + log);
    }

    /** Server name to its check state (UP, DOWN, "UP 1/2", ...) in the rungs backend. */
    Map<String, String> serverStates() {
        return column("status");
    }

    /** Total sessions (connections) each server of the backend has received. */
    /**
     * Server name to the number of 2xx responses it gave through the proxy: grows with every request, unlike the
     * session count, which a browser's kept-alive connection does not move.
     */
    Map<String, String> responsesTotal() {
        return column("hrsp_2xx");
    }

    private Map<String, String> column(String name) {
        var csv = stats();
        if (csv.isEmpty()) {
            return Map.of();
        }
        var lines = csv.lines().toList();
        var header = Arrays.asList(lines.getFirst().replaceFirst("^# ", "").split(","));
        int px = header.indexOf("pxname");
        int sv = header.indexOf("svname");
        int col = header.indexOf(name);
        var result = new java.util.TreeMap<String, String>();
        for (var line : lines.subList(1, lines.size())) {
            var cells = line.split(",", -1);
            if (cells.length > col
                    && cells[px].equals("rungs")
                    && !List.of("BACKEND", "FRONTEND").contains(cells[sv])) {
                result.put(cells[sv], cells[col]);
            }
        }
        return result;
    }

    private String stats() {
        try {
            var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + statsPort + "/stats;csv"))
                    .timeout(Duration.ofSeconds(3))
                    .build();
            var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** Waits until the server's state starts with the given word; returns how long that took. */
    long awaitState(String server, String state, Duration timeout) {
        long started = System.nanoTime();
        var deadline = started + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (String.valueOf(serverStates().get(server)).startsWith(state)) {
                return (System.nanoTime() - started) / 1_000_000;
            }
            RungsInstance.sleep(100);
        }
        throw new IllegalStateException(
                "haproxy did not mark " + server + " " + state + " within " + timeout + ": " + serverStates());
    }

    /** A plain GET through the proxy: status and body. */
    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + path))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
