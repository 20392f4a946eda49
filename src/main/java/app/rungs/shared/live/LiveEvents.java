package app.rungs.shared.live;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Cross-instance notifications through PostgreSQL LISTEN/NOTIFY.
 *
 * <p>{@link #publish} sends {@code NOTIFY} inside the caller's transaction, so listeners hear about a change only
 * once it is committed — on every instance that shares the database, not just this one. Each instance keeps one
 * dedicated connection listening on {@value #CHANNEL} and hands payloads to in-memory subscribers of a topic.
 * Subscribers are called on the listener thread; Vaadin views must use {@code UI.access}.
 */
@Component
public class LiveEvents implements InitializingBean, DisposableBean {

    static final String CHANNEL = "rungs_live";
    private static final Logger log = LoggerFactory.getLogger(LiveEvents.class);

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final Map<String, CopyOnWriteArrayList<Consumer<String>>> subscribers = new ConcurrentHashMap<>();
    private volatile boolean running;
    private volatile boolean listening;
    private Thread thread;

    LiveEvents(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** Announces a change of {@code topic}; delivered to subscribers on all instances after commit. */
    public void publish(String topic, String message) {
        if (topic.contains("|")) {
            throw new IllegalArgumentException("Topic must not contain '|'");
        }
        jdbc.queryForObject(
                "select pg_notify(?, ?)", Object.class, CHANNEL, topic + "|" + (message == null ? "" : message));
    }

    /** Calls {@code handler} with the message of every change of {@code topic}, until the subscription is removed. */
    public Subscription listen(String topic, Consumer<String> handler) {
        var list = subscribers.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>());
        list.add(handler);
        return () -> list.remove(handler);
    }

    /** True once the listening connection is established; for health checks and tests. */
    public boolean isListening() {
        return listening;
    }

    @Override
    public void afterPropertiesSet() {
        running = true;
        thread = Thread.ofPlatform().daemon().name("rungs-live-listener").start(this::listenLoop);
    }

    @Override
    public void destroy() throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread.join(2000);
        }
    }

    private void listenLoop() {
        long backoff = 500;
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (var statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                var pg = connection.unwrap(PGConnection.class);
                listening = true;
                backoff = 500;
                while (running) {
                    var notifications = pg.getNotifications(500);
                    if (notifications == null) {
                        continue;
                    }
                    for (var n : notifications) {
                        dispatch(n.getParameter());
                    }
                }
            } catch (SQLException e) {
                listening = false;
                if (running) {
                    log.warn("Live notifications interrupted ({}); reconnecting", e.getMessage());
                    sleep(backoff);
                    backoff = Math.min(backoff * 2, 10_000);
                }
            } catch (RuntimeException e) {
                listening = false;
                if (running) {
                    log.warn("Live notification listener failed; restarting", e);
                    sleep(backoff);
                }
            }
        }
        listening = false;
    }

    private void dispatch(String payload) {
        int bar = payload.indexOf('|');
        if (bar < 0) {
            return;
        }
        var topic = payload.substring(0, bar);
        var message = payload.substring(bar + 1);
        for (var handler : subscribers.getOrDefault(topic, new CopyOnWriteArrayList<>())) {
            try {
                handler.accept(message);
            } catch (RuntimeException e) {
                log.warn("A live subscriber of {} failed", topic, e);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
