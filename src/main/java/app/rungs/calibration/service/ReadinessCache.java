package app.rungs.calibration.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Evidence readiness per engineer and level, computed through the evidence service once and reused for a short
 * while: when several managers open the same board, or a board reloads after a status change, the coverage of every
 * engineer is not computed again. Evidence changes show on the board within {@link #TTL}.
 */
@Component
public class ReadinessCache {

    static final Duration TTL = Duration.ofMinutes(2);
    static final int MAX_SIZE = 10_000;

    private record Key(Long personId, String levelKey) {}

    private record Cached(Optional<Board.Readiness> value, Instant until) {}

    private final Map<Key, Cached> cache = new ConcurrentHashMap<>();
    private final Clock clock;

    ReadinessCache(Clock clock) {
        this.clock = clock;
    }

    Optional<Board.Readiness> get(Long personId, String levelKey, Supplier<Optional<Board.Readiness>> compute) {
        var key = new Key(personId, levelKey);
        var now = Instant.now(clock);
        var hit = cache.get(key);
        if (hit != null && hit.until().isAfter(now)) {
            return hit.value();
        }
        var value = compute.get();
        if (cache.size() >= MAX_SIZE) {
            cache.entrySet().removeIf(e -> !e.getValue().until().isAfter(now));
            if (cache.size() >= MAX_SIZE) {
                cache.clear();
            }
        }
        cache.put(key, new Cached(value, now.plus(TTL)));
        return value;
    }

    /** Forgets everything; for tests that measure a cold board load. */
    public void clear() {
        cache.clear();
    }
}
