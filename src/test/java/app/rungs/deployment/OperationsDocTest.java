package app.rungs.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The documented deployment is the tested one: docs/operations.md shows the HAProxy configuration the deployment suite
 * runs, verbatim, and docker compose and the Dockerfile probe what HAProxy probes.
 */
class OperationsDocTest {

    @Test
    void theOperationsGuideShowsTheSuitesHaproxyConfigurationVerbatim() throws IOException {
        var config = Files.readString(Path.of("docker/haproxy/haproxy.cfg"));
        assertThat(Files.readString(Path.of("docs/operations.md"))).contains(config);
    }

    @Test
    void composeAndTheImageCheckTheReadinessProbeThatHaproxyChecks() throws IOException {
        var config = Files.readString(Path.of("docker/haproxy/haproxy.cfg"));
        assertThat(config).contains("uri /actuator/health/readiness");
        assertThat(Files.readString(Path.of("docker-compose.yml")))
                .contains("http://localhost:8080/actuator/health/readiness")
                .contains("./docker/haproxy:/usr/local/etc/haproxy")
                .contains("./docker/postgres-init:/docker-entrypoint-initdb.d");
        assertThat(Files.readString(Path.of("Dockerfile"))).contains("/actuator/health/readiness");
    }
}
