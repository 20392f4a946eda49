package app.rungs.shared.db;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded PostgreSQL used when no datasource URL is configured.
 *
 * @param dataDir where the cluster lives; survives restarts and {@code mvn clean}
 * @param port fixed port, or 0 to pick a free one at start-up (kept for restarts while the application runs)
 * @param superviseInterval how often the supervisor checks that the server process is alive
 */
@ConfigurationProperties("rungs.embedded-db")
public record EmbeddedDatabaseProperties(Path dataDir, int port, Duration superviseInterval) {
    public EmbeddedDatabaseProperties {
        if (dataDir == null) {
            dataDir = Path.of(System.getProperty("user.home"), ".rungs", "pgdata");
        }
        if (superviseInterval == null) {
            superviseInterval = Duration.ofSeconds(5);
        }
    }
}
