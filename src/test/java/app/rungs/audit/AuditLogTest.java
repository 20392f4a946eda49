package app.rungs.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rungs.audit.service.AuditFilter;
import app.rungs.audit.service.AuditService;
import app.rungs.security.service.SystemAuthentication;
import app.rungs.support.IntegrationTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class AuditLogTest {

    @Autowired
    AuditService audit;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anEventIsWrittenInTheTransactionOfTheChangeAndDisappearsWithItsRollback() {
        var marker = "rollback-" + UUID.randomUUID();
        SystemAuthentication.run(() -> tx.executeWithoutResult(status -> {
            audit.record("TEST", "Thing", 1, marker, null, Map.of("a", 1));
            status.setRollbackOnly();
        }));
        var kept = "commit-" + UUID.randomUUID();
        SystemAuthentication.run(() -> tx.executeWithoutResult(
                status -> audit.record("TEST", "Thing", 1, kept, Map.of("a", 0), Map.of("a", 1))));

        SystemAuthentication.run(() -> {
            assertThat(audit.count(new AuditFilter(null, null, null, marker, null, null)))
                    .isZero();
            var events = audit.find(new AuditFilter(null, "TEST", null, kept, null, null), PageRequest.of(0, 5));
            assertThat(events).singleElement().satisfies(e -> {
                assertThat(e.actor()).isEqualTo("system");
                assertThat(e.beforeState()).contains("\"a\"");
                assertThat(e.afterState()).contains("1");
            });
        });
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteAuditEvents() {
        SystemAuthentication.run(() -> audit.record("TEST", "Thing", 2, "immutable-" + UUID.randomUUID(), null, null));
        // The runtime role lacks the privilege; a role that has it still meets the append-only trigger.
        var refused = "append-only|permission denied for table audit_event";
        assertThatThrownBy(() -> jdbc.update("update audit_event set summary = 'forged'"))
                .rootCause()
                .hasMessageFindingMatch(refused);
        assertThatThrownBy(() -> jdbc.update("delete from audit_event"))
                .rootCause()
                .hasMessageFindingMatch(refused);
        assertThatThrownBy(() -> jdbc.execute("truncate audit_event"))
                .rootCause()
                .hasMessageFindingMatch(refused);
    }

    @Test
    void onlyAdminsReadTheLog() {
        assertThatThrownBy(() -> audit.count(AuditFilter.none()))
                .isInstanceOf(
                        org.springframework.security.authentication.AuthenticationCredentialsNotFoundException.class);
    }
}
