package app.rungs.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.support.IntegrationTest;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Instances starting at once run their start-up work (demo data, initial admin) one after the other: while one holds
 * the lock another waits, and a started instance has released it (else the next instance would wait forever).
 */
@IntegrationTest
class FirstStartLockTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    FirstStartLock lock;

    @Test
    void aStartedInstanceHasReleasedTheLockAndAnotherStartWaitsWhileItIsHeld() throws Exception {
        try (var other = dataSource.getConnection();
                var st = other.createStatement();
                var rs = st.executeQuery("select pg_try_advisory_lock(" + FirstStartLock.KEY + ")")) {
            rs.next();
            assertThat(rs.getBoolean(1)).as("free after this instance started").isTrue();

            // Held by "another instance" (this connection): a second start-up waits until it is released.
            var waiting = Thread.ofVirtual().start(() -> {
                try {
                    lock.run(null);
                    lock.release();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(waiting.join(java.time.Duration.ofMillis(500))).isFalse();
            st.execute("select pg_advisory_unlock(" + FirstStartLock.KEY + ")");
            assertThat(waiting.join(java.time.Duration.ofSeconds(10)))
                    .as("went on once released")
                    .isTrue();
        }
    }
}
