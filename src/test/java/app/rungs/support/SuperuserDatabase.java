package app.rungs.support;

import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A connection with the powers the application deliberately lacks (superuser), for tests that play an attacker
 * with database access. On the embedded server the app runs as the restricted {@code rungs_app} role; on a
 * Testcontainers server the app's own connection is the container's superuser.
 */
public final class SuperuserDatabase {

    private SuperuserDatabase() {}

    public static DataSource dataSource(DataSource app) {
        return TestDatabaseConfiguration.dockerAvailable()
                ? app
                : new DriverManagerDataSource(SharedEmbeddedPostgres.jdbcUrl("postgres"));
    }
}
