package app.rungs.shared.live;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Measures LISTEN/NOTIFY for the dashboards: every {@code rungs.live.probe-interval} this instance notifies a probe
 * topic and times how long PostgreSQL takes to deliver it back to its own listener ({@code rungs.live.lag}, a timer;
 * other instances' probes are ignored, so clocks never need to agree), and reports whether the listener connection is
 * up ({@code rungs.live.listening}, 1 or 0). A lag that grows, or probes that stop arriving, mean that boards on
 * different instances no longer see each other's changes in time.
 */
@Component
class LiveEventsProbe {

    static final String TOPIC = "rungs.probe";
    private static final Logger log = LoggerFactory.getLogger(LiveEventsProbe.class);

    private final LiveEvents events;
    private final Timer lag;
    private final String instance = UUID.randomUUID().toString();

    LiveEventsProbe(LiveEvents events, MeterRegistry registry) {
        this.events = events;
        this.lag = Timer.builder("rungs.live.lag")
                .description("Time from NOTIFY to delivery on this instance's LISTEN connection")
                .publishPercentileHistogram()
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
        Gauge.builder("rungs.live.listening", events, e -> e.isListening() ? 1 : 0)
                .description("1 while the LISTEN connection is up")
                .register(registry);
        events.listen(TOPIC, this::received);
    }

    @Scheduled(
            fixedDelayString = "${rungs.live.probe-interval:15s}",
            initialDelayString = "${rungs.live.probe-interval:15s}")
    void probe() {
        try {
            events.publish(TOPIC, instance + ":" + System.nanoTime());
        } catch (RuntimeException e) {
            // The database is down: readiness and the pool metrics say so; the missing probes show on the timer.
            log.debug("Live events probe not sent: {}", e.getMessage());
        }
    }

    private void received(String message) {
        var separator = message.lastIndexOf(':');
        if (separator < 0 || !message.substring(0, separator).equals(instance)) {
            return;
        }
        try {
            lag.record(Duration.ofNanos(System.nanoTime() - Long.parseLong(message.substring(separator + 1))));
        } catch (NumberFormatException ignored) {
            // Not a probe of this version: nothing to time.
        }
    }
}
