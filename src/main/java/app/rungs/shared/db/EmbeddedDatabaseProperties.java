package app.rungs.shared.db;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded PostgreSQL used when no datasource URL is configured.
 *
 * @param dataDir where the cluster lives; survives restarts and {@code mvn clean}
 * @param port fixed port, or 0 to pick a free one
 */
@ConfigurationProperties("rungs.embedded-db")
public record EmbeddedDatabaseProperties(Path dataDir, int port) {
    public EmbeddedDatabaseProperties {
        if (dataDir == null) {
            dataDir = Path.of(System.getProperty("user.home"), ".rungs", "pgdata");
        }
    }
}
