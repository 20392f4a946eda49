package app.rungs.shared.db;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Serializes the start-up work of instances that start at once on one database. Flyway already serializes the
 * migrations; the runners after it (demo data, the initial admin) each check "is the database still empty?" and then
 * write, so two instances starting together could both find it empty and both seed, the second failing on unique
 * keys. The first runner takes a PostgreSQL advisory lock on its own connection and the last releases it, so every
 * instance runs them one after the other and a later one finds the work done.
 */
@Component
class FirstStartLock implements ApplicationRunner, Ordered {

    /** An arbitrary constant key ("rungs" in ASCII), the same on every instance. */
    static final long KEY = 0x72756e6773L;

    private static final Logger log = LoggerFactory.getLogger(FirstStartLock.class);

    private final DataSource dataSource;
    private Connection holder;

    FirstStartLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public synchronized void run(ApplicationArguments args) throws SQLException {
        long started = System.nanoTime();
        holder = dataSource.getConnection();
        try (var statement = holder.createStatement()) {
            statement.execute("select pg_advisory_lock(" + KEY + ")");
        } catch (SQLException e) {
            holder.close();
            holder = null;
            throw e;
        }
        long waited = (System.nanoTime() - started) / 1_000_000;
        if (waited > 1_000) {
            log.info("Waited {} ms for another instance's start-up work", waited);
        }
    }

    synchronized void release() throws SQLException {
        if (holder == null) {
            return;
        }
        try (var connection = holder;
                var statement = connection.createStatement()) {
            statement.execute("select pg_advisory_unlock(" + KEY + ")");
        } finally {
            holder = null;
        }
    }

    /** The last runner: the start-up work of this instance is done, the next one may go. */
    @Component
    static class Release implements ApplicationRunner, Ordered {

        private final FirstStartLock lock;

        Release(FirstStartLock lock) {
            this.lock = lock;
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }

        @Override
        public void run(ApplicationArguments args) throws SQLException {
            lock.release();
        }
    }
}
