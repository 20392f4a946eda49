package app.rungs.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rungs.people.service.PeopleImportService;
import app.rungs.shared.service.ValidationException;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * Two imports applied at once (two tabs, two admins) would each check the file against the database as it was
 * before the other wrote: one apply at a time, the second refused with a clear message and nothing written.
 */
@IntegrationTest
@WithUserDetails(DemoUsers.ADMIN)
class PeopleImportConcurrencyAttackTest {

    @Autowired
    PeopleImportService importer;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aSecondApplyWhileAnotherIsRunningIsRefusedAndWritesNothing() throws Exception {
        var email = UUID.randomUUID().toString().substring(0, 8) + ".twice@import.example";
        var bytes = ("name,email\nTwice Applied," + email + "\n").getBytes(StandardCharsets.UTF_8);
        // The first apply, still running: its transaction holds the import lock.
        try (var running = dataSource.getConnection()) {
            running.setAutoCommit(false);
            try (var lock = running.prepareStatement("select pg_advisory_xact_lock(?)")) {
                lock.setLong(1, PeopleImportService.APPLY_LOCK);
                lock.execute();
            }
            assertThatThrownBy(() -> importer.apply(bytes, "second.csv", null))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("Another import is being applied right now");
            assertThat(jdbc.queryForObject("select count(*) from person where email = ?", Long.class, email))
                    .isZero();
            running.rollback();
        }
        // Once it has finished, the same file applies.
        assertThat(importer.apply(bytes, "second.csv", null).created()).isEqualTo(1);
    }
}
