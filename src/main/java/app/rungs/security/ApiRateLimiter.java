package app.rungs.security;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Requests per API token per minute, in fixed one-minute windows, counted in this instance's memory. With several
 * instances behind a load balancer a client can get up to instances x limit: the limit protects each instance's
 * threads and database connections from one runaway script, which is what it is for, and an exact global count would
 * cost a database write per request. Windows of idle tokens are dropped as new windows begin.
 */
@Component
class ApiRateLimiter {

    private record Window(long minute, int count) {}

    private final ConcurrentHashMap<Long, Window> windows = new ConcurrentHashMap<>();
    private final int perMinute;
    private final Clock clock;

    ApiRateLimiter(@Value("${rungs.api.rate-limit.requests-per-minute:60}") int perMinute, Clock clock) {
        if (perMinute < 1) {
            throw new IllegalArgumentException(
                    "rungs.api.rate-limit.requests-per-minute must be at least 1, not " + perMinute);
        }
        this.perMinute = perMinute;
        this.clock = clock;
    }

    int perMinute() {
        return perMinute;
    }

    /**
     * Counts one request of the token; answers zero when it may go ahead, otherwise the seconds until the next
     * window, and whether this is the first refusal of the window (only that one is audited).
     */
    Decision acquire(Long tokenId) {
        long nowMillis = clock.millis();
        long minute = nowMillis / 60_000;
        var window = windows.compute(
                tokenId,
                (id, w) ->
                        w == null || w.minute() != minute ? new Window(minute, 1) : new Window(minute, w.count() + 1));
        if (window.count() == 1 && windows.size() > 10_000) {
            windows.entrySet().removeIf(e -> e.getValue().minute() < minute);
        }
        if (window.count() <= perMinute) {
            return new Decision(0, false);
        }
        long retry =
                Math.max(1, Duration.ofMillis((minute + 1) * 60_000 - nowMillis).toSeconds() + 1);
        return new Decision(retry, window.count() == perMinute + 1);
    }

    record Decision(long retryAfterSeconds, boolean firstRefusal) {
        boolean allowed() {
            return retryAfterSeconds == 0;
        }
    }
}
