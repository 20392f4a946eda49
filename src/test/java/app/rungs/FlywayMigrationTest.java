package app.rungs;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.support.SharedEmbeddedPostgres;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Every migration file in {@code db/} applies, one at a time and in order, to the database the migrations before it
 * built, and the database ends up with exactly the files of {@code db/} applied. A new migration is covered the
 * moment it is added; a file Flyway would not pick up (a misspelt name) fails here.
 */
class FlywayMigrationTest {

    private static final Pattern FILE = Pattern.compile("V(\\d+)__([a-z0-9_]+)\\.sql");

    private record Migration(BigInteger version, String description) {}

    private static List<Migration> files() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("db"))) {
            return files.map(p -> p.getFileName().toString())
                    .map(name -> {
                        var m = FILE.matcher(name);
                        assertThat(m.matches())
                                .as("db/%s is named V<n>__<words>.sql", name)
                                .isTrue();
                        return new Migration(
                                new BigInteger(m.group(1)), m.group(2).replace('_', ' '));
                    })
                    .sorted(Comparator.comparing(Migration::version))
                    .toList();
        }
    }

    private static String emptyDatabase() throws Exception {
        var name = "fresh_" + UUID.randomUUID().toString().replace("-", "");
        try (var admin = DriverManager.getConnection(SharedEmbeddedPostgres.jdbcUrl("postgres"))) {
            admin.createStatement().execute("create database " + name);
        }
        return SharedEmbeddedPostgres.jdbcUrl(name);
    }

    private static Flyway flyway(String url, String target) {
        return Flyway.configure()
                .dataSource(url, "postgres", "")
                .locations("classpath:db/migration")
                .target(target)
                .load();
    }

    @Test
    void everyMigrationAppliesInOrderOnTopOfThePreviousOnes() throws Exception {
        var files = files();
        assertThat(files).hasSizeGreaterThanOrEqualTo(11);
        assertThat(files.stream().map(Migration::version).distinct()).hasSameSizeAs(files);
        var url = emptyDatabase();

        for (var file : files) {
            var result = flyway(url, file.version().toString()).migrate();
            assertThat(result.success)
                    .as("V%s %s", file.version(), file.description())
                    .isTrue();
            assertThat(result.migrationsExecuted)
                    .as("V%s is applied on its own on top of the ones before it", file.version())
                    .isEqualTo(1);
            assertThat(result.targetSchemaVersion).isEqualTo(file.version().toString());
        }

        var latest = flyway(url, "latest");
        latest.validate();
        var applied = Arrays.stream(latest.info().applied())
                .filter(i -> i.getVersion() != null)
                .map(FlywayMigrationTest::migration)
                .toList();
        assertThat(applied).as("applied migrations = files in db/").containsExactlyElementsOf(files);
        assertThat(latest.info().pending()).isEmpty();

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

    @Test
    void allMigrationsApplyToAnEmptyDatabaseInOneRun() throws Exception {
        var files = files();
        var result = flyway(emptyDatabase(), "latest").migrate();
        assertThat(result.success).isTrue();
        assertThat(result.migrationsExecuted).isEqualTo(files.size());
        assertThat(result.targetSchemaVersion)
                .isEqualTo(files.getLast().version().toString());
    }

    private static Migration migration(MigrationInfo info) {
        return new Migration(new BigInteger(info.getVersion().getVersion()), info.getDescription());
    }
}
