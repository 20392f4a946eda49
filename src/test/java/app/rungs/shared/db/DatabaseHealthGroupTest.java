package app.rungs.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

/** Readiness depends on the database (traffic stops while it is down); liveness does not (a restart would not help). */
@IntegrationTest
class DatabaseHealthGroupTest {

    @Autowired
    HealthEndpointGroups groups;

    @Autowired
    DatabaseStatus status;

    @LocalServerPort
    int port;

    @Test
    void readinessIncludesTheDatabaseAndLivenessDoesNot() {
        assertThat(groups.get("readiness").isMember("db")).isTrue();
        assertThat(groups.get("liveness").isMember("db")).isFalse();
        var readiness = RestClient.create("http://localhost:" + port)
                .get()
                .uri("/actuator/health/readiness")
                .retrieve()
                .body(String.class);
        assertThat(readiness).contains("UP");
    }

    @Test
    void aReportedOutageIsClearedByTheNextSuccessfulCheck() {
        var seen = new java.util.concurrent.CopyOnWriteArrayList<Boolean>();
        var unsubscribe = status.subscribe(seen::add);
        try {
            status.reportFailure();
            assertThat(status.isAvailable()).isFalse();
            assertThat(status.check()).isTrue();
            assertThat(status.isAvailable()).isTrue();
            assertThat(seen).containsExactly(false, true);
        } finally {
            unsubscribe.run();
        }
    }
}
