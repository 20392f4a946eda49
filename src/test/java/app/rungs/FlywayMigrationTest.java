package app.rungs;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.support.SharedEmbeddedPostgres;
import java.sql.DriverManager;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** Every migration applies cleanly to an empty database and validates afterwards. */
class FlywayMigrationTest {

    @Test
    void migrationsApplyToAnEmptyDatabaseAndValidate() throws Exception {
        var name = "fresh_" + UUID.randomUUID().toString().replace("-", "");
        try (var admin = DriverManager.getConnection(SharedEmbeddedPostgres.jdbcUrl("postgres"))) {
            admin.createStatement().execute("create database " + name);
        }
        var url = SharedEmbeddedPostgres.jdbcUrl(name);
        var flyway = Flyway.configure()
                .dataSource(url, "postgres", "")
                .locations("classpath:db/migration")
                .load();

        var result = flyway.migrate();
        assertThat(result.success).isTrue();
        assertThat(result.migrationsExecuted).isGreaterThanOrEqualTo(3);
        flyway.validate();

        try (var ds = new SingleConnectionDataSource(url, "postgres", "", true)) {
            var jdbc = new JdbcTemplate(ds);
            var tables = jdbc.queryForList(
                    "select table_name from information_schema.tables where table_schema = 'public'", String.class);
            assertThat(tables)
                    .contains(
                            "app_user",
                            "audit_event",
                            "ladder",
                            "ladder_version",
                            "expectation",
                            "person",
                            "level_assignment");
            assertThat(jdbc.queryForObject("select count(*) from app_user", Integer.class))
                    .isZero();
        }
    }
}
