package app.rungs.shared.db;

import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether the database answers, checked every few seconds, so screens can show an outage while it lasts and clear
 * it when the database is back — without anyone reloading. Any part of the app that meets a connection failure
 * reports it, so the banner appears at once rather than at the next check.
 */
@Component
public class DatabaseStatus implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DatabaseStatus.class);

    private final DataSource dataSource;
    private final CopyOnWriteArrayList<Consumer<Boolean>> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService scheduler;
    private volatile boolean available = true;
    private volatile long downSince;

    DatabaseStatus(DataSource dataSource, @Value("${rungs.db-status.check-interval:3s}") Duration interval) {
        this.dataSource = dataSource;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("rungs-db-status").factory());
        scheduler.scheduleWithFixedDelay(this::check, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean isAvailable() {
        return available;
    }

    /** Calls {@code listener} with the new state on every change (on a background thread); returns the unsubscriber. */
    public Runnable subscribe(Consumer<Boolean> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Someone met a connection failure: the database counts as down until the next successful check. */
    public void reportFailure() {
        change(false);
    }

    /** Asks the database now; returns whether it answered. */
    public boolean check() {
        boolean up;
        try (var connection = dataSource.getConnection()) {
            up = connection.isValid(2);
        } catch (Exception e) {
            up = false;
        }
        change(up);
        return up;
    }

    private synchronized void change(boolean up) {
        if (available == up) {
            return;
        }
        available = up;
        if (up) {
            log.info("The database is available again after {} ms", (System.nanoTime() - downSince) / 1_000_000);
        } else {
            downSince = System.nanoTime();
            log.warn("The database is unavailable; retrying");
        }
        for (var listener : listeners) {
            try {
                listener.accept(up);
            } catch (RuntimeException e) {
                log.debug("A database status listener failed", e);
            }
        }
    }

    @Override
    public void destroy() {
        scheduler.shutdownNow();
    }
}
