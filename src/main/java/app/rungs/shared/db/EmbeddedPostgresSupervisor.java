package app.rungs.shared.db;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restarts the embedded PostgreSQL when its process has died (killed, crashed, out of memory), on the same data
 * directory and port, so the connection pool's URL stays valid and the application recovers by itself.
 */
public final class EmbeddedPostgresSupervisor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresSupervisor.class);

    private final EmbeddedCluster cluster;
    private final ScheduledExecutorService scheduler;
    private volatile boolean stopped;
    private volatile boolean reportedFailure;

    public EmbeddedPostgresSupervisor(EmbeddedCluster cluster, Duration interval) {
        this.cluster = cluster;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("rungs-db-supervisor").factory());
        scheduler.scheduleWithFixedDelay(this::check, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One check: restart the server if its process is gone. Returns whether it is running afterwards. */
    public boolean check() {
        if (stopped || cluster.isRunning()) {
            return !stopped;
        }
        long started = System.nanoTime();
        try {
            cluster.restart();
            log.warn(
                    "Embedded PostgreSQL had stopped; restarted it on port {} with data in {} in {} ms",
                    cluster.port(),
                    cluster.dataDir(),
                    (System.nanoTime() - started) / 1_000_000);
            reportedFailure = false;
            return true;
        } catch (RuntimeException e) {
            if (!reportedFailure) {
                log.error("Embedded PostgreSQL has stopped and cannot be restarted yet (retrying): {}", e.getMessage());
                reportedFailure = true;
            }
            return false;
        }
    }

    @Override
    public void close() {
        stopped = true;
        scheduler.shutdownNow();
    }
}
