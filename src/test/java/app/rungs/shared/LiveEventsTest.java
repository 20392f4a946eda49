package app.rungs.shared;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.shared.live.LiveEvents;
import app.rungs.support.IntegrationTest;
import app.rungs.support.SharedEmbeddedPostgres;
import java.sql.DriverManager;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** Changes announced by any instance reach subscribers here, and only once committed. */
@IntegrationTest
class LiveEventsTest {

    @Autowired
    LiveEvents live;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    DataSource dataSource;

    @Test
    void aNotificationFromAnotherInstanceReachesSubscribers() throws Exception {
        var received = new LinkedBlockingQueue<String>();
        var registration = live.listen("test-topic", received::add);
        awaitListening();
        // Another instance is just another connection to the same database.
        String url;
        String user;
        try (var c = dataSource.getConnection()) {
            url = c.getMetaData().getURL();
            user = c.getMetaData().getUserName();
        }
        try (var other = DriverManager.getConnection(
                url, user, SharedEmbeddedPostgres.get().credentials().app())) {
            other.createStatement().execute("select pg_notify('rungs_live', 'test-topic|hello from instance B')");
        }
        assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("hello from instance B");
        registration.remove();
    }

    @Test
    void aRolledBackChangeIsNeverAnnounced() throws Exception {
        var received = new LinkedBlockingQueue<String>();
        var registration = live.listen("tx-topic", received::add);
        awaitListening();
        tx.executeWithoutResult(status -> {
            live.publish("tx-topic", "rolled back");
            status.setRollbackOnly();
        });
        tx.executeWithoutResult(status -> live.publish("tx-topic", "committed"));
        assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("committed");
        assertThat(received.poll(500, TimeUnit.MILLISECONDS)).isNull();
        registration.remove();
    }

    private void awaitListening() throws InterruptedException {
        for (int i = 0; i < 100 && !live.isListening(); i++) {
            Thread.sleep(100);
        }
        assertThat(live.isListening()).isTrue();
    }
}
