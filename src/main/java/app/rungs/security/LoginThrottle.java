package app.rungs.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exponential back-off for failed sign-ins, per account name and per source address, kept in PostgreSQL so that every
 * instance sees the same counters.
 *
 * <p>An account name gets {@value #ACCOUNT_FREE_FAILURES} free failures, an address {@value #ADDRESS_FREE_FAILURES}
 * (across all names, so spraying many accounts from one address is slowed down too). After that each failure locks
 * for {@link #FIRST_LOCK} doubled per further failure, up to {@link #MAX_LOCK}. Attempts during a lock are refused
 * without looking at the password (a correct password is refused too) and do not extend the lock, so an attacker
 * cannot keep a legitimate user out for longer than the back-off already allows. Names that do not exist are counted
 * exactly like real ones, so the answer never reveals whether an account exists. A successful sign-in clears the
 * account's counter, not the address's. Counters are forgotten after their window passes without a failure.
 */
@Component
class LoginThrottle {

    static final int ACCOUNT_FREE_FAILURES = 5;
    static final int ADDRESS_FREE_FAILURES = 20;
    static final Duration FIRST_LOCK = Duration.ofSeconds(30);
    static final Duration MAX_LOCK = Duration.ofMinutes(15);
    static final Duration ACCOUNT_WINDOW = Duration.ofHours(24);
    static final Duration ADDRESS_WINDOW = Duration.ofHours(1);

    enum Kind {
        ACCOUNT,
        ADDRESS,
        PAIR
    }

    /** The state of one counter after a failure was added. */
    record Count(int failures, Instant windowStart, Instant lockedUntil) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    LoginThrottle(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    static String accountKey(String username) {
        var name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return name.length() > 254 ? name.substring(0, 254) : name;
    }

    /** Until when sign-ins for this name or from this address are refused, if they are. */
    @Transactional(readOnly = true)
    public Optional<Instant> lockedUntil(String username, String address) {
        var now = now();
        return jdbc.sql("""
                        select max(locked_until) from login_throttle
                        where ((kind = 'ACCOUNT' and subject = ?) or (kind = 'ADDRESS' and subject = ?))
                          and locked_until > ?
                        """)
                .params(accountKey(username), address, at(now))
                .query(OffsetDateTime.class)
                .optional()
                .map(OffsetDateTime::toInstant);
    }

    /** Adds a failure to the account and address counters (with their back-off) and to the audit pair counter. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Failure recordFailure(String username, String address) {
        if (ThreadLocalRandom.current().nextInt(200) == 0) {
            purgeExpired();
        }
        var account = add(Kind.ACCOUNT, accountKey(username), ACCOUNT_WINDOW, ACCOUNT_FREE_FAILURES);
        var source = add(Kind.ADDRESS, address, ADDRESS_WINDOW, ADDRESS_FREE_FAILURES);
        var pair = add(Kind.PAIR, pairKey(username, address), ADDRESS_WINDOW, Integer.MAX_VALUE);
        return new Failure(account, source, pair);
    }

    /** Counts an attempt that was refused during a lock, for the audit aggregation only. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Count recordRefused(String username, String address) {
        return add(Kind.PAIR, pairKey(username, address), ADDRESS_WINDOW, Integer.MAX_VALUE);
    }

    /** A correct password (and second factor): the account's counter starts over. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordSuccess(String username, String address) {
        jdbc.sql(
                        "delete from login_throttle where (kind = 'ACCOUNT' and subject = ?) or (kind = 'PAIR' and subject = ?)")
                .params(accountKey(username), pairKey(username, address))
                .update();
    }

    record Failure(Count account, Count address, Count pair) {
        Optional<Instant> lockedUntil() {
            var a = account.lockedUntil();
            var b = address.lockedUntil();
            if (a == null) {
                return Optional.ofNullable(b);
            }
            return Optional.of(b == null || a.isAfter(b) ? a : b);
        }
    }

    private Count add(Kind kind, String subject, Duration window, int freeFailures) {
        var now = now();
        var row = jdbc.sql("""
                        insert into login_throttle (kind, subject, failures, window_start, last_failure_at)
                        values (:kind, :subject, 1, :now, :now)
                        on conflict (kind, subject) do update set
                            failures = case when login_throttle.last_failure_at < :expired then 1
                                            else login_throttle.failures + 1 end,
                            window_start = case when login_throttle.last_failure_at < :expired then :now
                                                else login_throttle.window_start end,
                            locked_until = case when login_throttle.last_failure_at < :expired then null
                                                else login_throttle.locked_until end,
                            last_failure_at = :now
                        returning failures, window_start
                        """)
                .param("kind", kind.name())
                .param("subject", subject)
                .param("now", at(now))
                .param("expired", at(now.minus(window)))
                .query((rs, i) -> new Count(
                        rs.getInt(1), rs.getObject(2, OffsetDateTime.class).toInstant(), null))
                .single();
        if (row.failures() < freeFailures) {
            return row;
        }
        var lock = backOff(row.failures() - freeFailures);
        var until = now.plus(lock);
        jdbc.sql("update login_throttle set locked_until = ? where kind = ? and subject = ?")
                .params(at(until), kind.name(), subject)
                .update();
        return new Count(row.failures(), row.windowStart(), until);
    }

    /** {@link #FIRST_LOCK} for the first failure over the limit, doubling per further failure, capped. */
    static Duration backOff(int failuresOverLimit) {
        int doublings = Math.min(failuresOverLimit, 20);
        var lock = FIRST_LOCK.multipliedBy(1L << doublings);
        return lock.compareTo(MAX_LOCK) > 0 ? MAX_LOCK : lock;
    }

    private void purgeExpired() {
        jdbc.sql("delete from login_throttle where last_failure_at < ?")
                .params(at(now().minus(ACCOUNT_WINDOW)))
                .update();
    }

    static String pairKey(String username, String address) {
        return address + " " + accountKey(username);
    }

    private Instant now() {
        return Instant.now(clock);
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
