package app.rungs.shared.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;

/**
 * Starts an embedded PostgreSQL when no database is configured, so that a fresh clone runs with one command.
 *
 * <p>It backs off as soon as {@code spring.datasource.url} is set or another {@link JdbcConnectionDetails} exists
 * (Testcontainers' {@code @ServiceConnection}). It only supplies connection details: Boot's own DataSource
 * auto-configuration still builds the Hikari pool, so pooling behaves as with an external database. The pool signs
 * in as the non-superuser runtime role, Flyway as the schema owner (see {@link DatabaseRoles}).
 */
@AutoConfiguration(
        before = DataSourceAutoConfiguration.class,
        afterName = "org.springframework.boot.testcontainers.service.connection.ServiceConnectionAutoConfiguration")
@ConditionalOnProperty(name = "spring.datasource.url", matchIfMissing = true, havingValue = "embedded:")
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
public class EmbeddedDatabaseAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseAutoConfiguration.class);

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean({EmbeddedCluster.class, JdbcConnectionDetails.class})
    EmbeddedCluster embeddedCluster(EmbeddedDatabaseProperties properties) {
        log.info(
                "Starting embedded PostgreSQL with data in {}",
                properties.dataDir().toAbsolutePath());
        long started = System.nanoTime();
        var cluster = EmbeddedCluster.start(properties.dataDir(), properties.port(), true, 100);
        log.info(
                "Embedded PostgreSQL ready on localhost:{} in {} ms",
                cluster.port(),
                (System.nanoTime() - started) / 1_000_000);
        return cluster;
    }

    /** Kept as a bean: its presence tells the demo loader that the database is the embedded one. */
    @Bean(destroyMethod = "")
    @ConditionalOnBean(EmbeddedCluster.class)
    @ConditionalOnMissingBean(EmbeddedPostgres.class)
    EmbeddedPostgres embeddedPostgres(EmbeddedCluster cluster) {
        return cluster.embeddedPostgres();
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnBean(EmbeddedCluster.class)
    EmbeddedPostgresSupervisor embeddedPostgresSupervisor(
            EmbeddedCluster cluster, EmbeddedDatabaseProperties properties) {
        return new EmbeddedPostgresSupervisor(cluster, properties.superviseInterval());
    }

    @Bean
    @ConditionalOnBean(EmbeddedCluster.class)
    @ConditionalOnMissingBean(JdbcConnectionDetails.class)
    JdbcConnectionDetails embeddedConnectionDetails(EmbeddedCluster cluster) {
        return connection(
                cluster.jdbcUrl(), DatabaseRoles.APP, cluster.credentials().app());
    }

    @Bean
    @ConditionalOnBean(EmbeddedCluster.class)
    @ConditionalOnMissingBean(FlywayConnectionDetails.class)
    FlywayConnectionDetails embeddedFlywayConnectionDetails(EmbeddedCluster cluster) {
        return ownerConnection(cluster);
    }

    /** Connection details of the schema owner, for Flyway; also used by the test configuration. */
    public static FlywayConnectionDetails ownerConnection(EmbeddedCluster cluster) {
        var url = cluster.jdbcUrl();
        var password = cluster.credentials().owner();
        return new FlywayConnectionDetails() {
            @Override
            public String getUsername() {
                return DatabaseRoles.OWNER;
            }

            @Override
            public String getPassword() {
                return password;
            }

            @Override
            public String getJdbcUrl() {
                return url;
            }
        };
    }

    /** Connection details of the runtime role; also used by the test configuration. */
    public static JdbcConnectionDetails connection(String url, String username, String password) {
        return new JdbcConnectionDetails() {
            @Override
            public String getUsername() {
                return username;
            }

            @Override
            public String getPassword() {
                return password;
            }

            @Override
            public String getJdbcUrl() {
                return url;
            }
        };
    }
}
