package app.rungs.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

/** Start-up checks of the database settings: one clear sentence per kind of mistake, and the embedded lock. */
class DatabasePreflightTest {

    static final String URL = "jdbc:postgresql://db.example:5432/rungs?ssl=true";

    @Test
    void aRefusedPasswordNamesTheRoleAndTheSettingsToCheck() {
        var message = DatabasePreflight.explain(
                URL,
                "rungs_app",
                "SPRING_DATASOURCE_",
                new SQLException("FATAL: password authentication failed for user \"rungs_app\"", "28P01"));
        assertThat(message)
                .isEqualTo("the database at jdbc:postgresql://db.example:5432/rungs refused the sign-in of role"
                        + " rungs_app (FATAL: password authentication failed for user \"rungs_app\"). Check"
                        + " SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD.");
    }

    @Test
    void anUnreachableServerIsSaidToBeUnreachableWithoutTheUrlsParameters() {
        var message = DatabasePreflight.explain(
                URL,
                "rungs_app",
                "SPRING_DATASOURCE_",
                new SQLException("Connection to db.example:5432 refused.\nCheck that the hostname", "08001"));
        assertThat(message)
                .startsWith("no PostgreSQL answers at jdbc:postgresql://db.example:5432/rungs (Connection to"
                        + " db.example:5432 refused.)")
                .doesNotContain("ssl=true")
                .doesNotContain("\n");
    }

    @Test
    void aMissingDatabaseIsNamed() {
        var message = DatabasePreflight.explain(
                URL, "rungs_owner", "SPRING_FLYWAY_", new SQLException("database \"rungs\" does not exist", "3D000"));
        assertThat(message).contains("does not exist").contains("SPRING_FLYWAY_URL");
    }

    @Test
    void anEmbeddedDataDirectoryLockedByAnotherProcessStopsStartUp(@TempDir Path dir) throws Exception {
        var env = new MockEnvironment().withProperty("rungs.embedded-db.data-dir", dir.toString());
        DatabasePreflight.check(env);
        try (var channel = FileChannel.open(
                        dir.resolve(DatabasePreflight.LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                var lock = channel.lock()) {
            assertThatThrownBy(() -> DatabasePreflight.check(env))
                    .isInstanceOf(DatabaseStartupFailure.class)
                    .hasMessageContaining("is in use by another Rungs process")
                    .hasMessageContaining("RUNGS_DATA_DIR");
        }
        // Released (the other process stopped): start-up goes on.
        DatabasePreflight.check(env);
        assertThat(Files.exists(dir.resolve(DatabasePreflight.LOCK_FILE))).isTrue();
    }

    @Test
    void anUnreachableExternalDatabaseStopsStartUpBeforeAnythingElse() {
        var env = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://127.0.0.1:1/rungs")
                .withProperty("spring.datasource.username", "rungs_app")
                .withProperty("spring.datasource.password", "x");
        assertThatThrownBy(() -> DatabasePreflight.check(env))
                .isInstanceOf(DatabaseStartupFailure.class)
                .hasMessageStartingWith("no PostgreSQL answers at jdbc:postgresql://127.0.0.1:1/rungs");
    }

    @Test
    void theReporterClaimsOnlyDatabaseStartUpFailures() {
        var reporter = new StartupFailureReporter();
        assertThat(reporter.reportException(new IllegalStateException(new DatabaseStartupFailure("down"))))
                .isTrue();
        assertThat(reporter.reportException(new IllegalStateException("a bug"))).isFalse();
    }
}
