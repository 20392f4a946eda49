package app.rungs.support;

import app.rungs.shared.db.DatabaseRoles;
import app.rungs.shared.db.EmbeddedDatabaseAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The one place tests get their PostgreSQL: a Testcontainers PostgreSQL 17 where Docker is available, otherwise
 * the shared embedded PostgreSQL server. Never an in-memory imitation.
 *
 * <p>On the embedded server the application runs exactly as in production: the pool signs in as the non-superuser
 * runtime role and Flyway as the schema owner, so the whole suite proves the app needs no superuser.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabaseConfiguration {

    @Bean
    @ServiceConnection
    @Conditional(DockerAvailable.class)
    PostgreSQLContainer postgresContainer() {
        return new PostgreSQLContainer("postgres:17-alpine");
    }

    @Bean
    @Conditional(DockerMissing.class)
    JdbcConnectionDetails embeddedTestDatabase() {
        var cluster = SharedEmbeddedPostgres.get();
        return EmbeddedDatabaseAutoConfiguration.connection(
                cluster.jdbcUrl(), DatabaseRoles.APP, cluster.credentials().app());
    }

    @Bean
    @Conditional(DockerMissing.class)
    FlywayConnectionDetails embeddedTestDatabaseOwner() {
        return EmbeddedDatabaseAutoConfiguration.ownerConnection(SharedEmbeddedPostgres.get());
    }

    static boolean dockerAvailable() {
        if ("false".equals(System.getProperty("rungs.test.docker"))) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }

    static final class DockerAvailable implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return dockerAvailable();
        }
    }

    static final class DockerMissing implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !dockerAvailable();
        }
    }
}
