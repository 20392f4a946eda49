package app.rungs.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rungs.audit.service.AuditChainHash;
import app.rungs.audit.service.AuditChainService;
import app.rungs.audit.service.AuditChainTestAccess;
import app.rungs.audit.service.AuditService;
import app.rungs.audit.service.ChainProblem;
import app.rungs.audit.service.ChainReport;
import app.rungs.security.service.SystemAuthentication;
import app.rungs.support.IntegrationTest;
import app.rungs.support.SuperuserDatabase;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tampering with the audit log the way the application's own database role could: switching the append-only
 * trigger off (session_replication_role, or DISABLE TRIGGER as the table owner) and editing, deleting, reordering or
 * forging rows. Verification must name the tampered event as the first broken link. Every tampering happens in a
 * transaction that is rolled back after verifying, so the shared test database keeps an intact chain.
 */
@IntegrationTest
class AuditTamperAttackTest {

    @Autowired
    AuditService audit;

    @Autowired
    AuditChainService chain;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    DataSource appDataSource;

    /** The attacker: a superuser connection (the app's own role may not touch the audit log at all). */
    JdbcTemplate superJdbc;

    TransactionTemplate superTx;

    record Row(long id, long seq) {}

    List<Row> rows;

    /** Five fresh events, committed one by one; the attacks target the middle ones. */
    @BeforeEach
    void recordEvents() {
        var superuser = SuperuserDatabase.dataSource(appDataSource);
        superJdbc = new JdbcTemplate(superuser);
        superTx = new TransactionTemplate(new DataSourceTransactionManager(superuser));
        var marker = "tamper-" + UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            var summary = marker + "-" + i;
            SystemAuthentication.run(() -> tx.executeWithoutResult(
                    s -> audit.record("TEST", "Thing", 7, summary, null, java.util.Map.of("n", summary))));
        }
        rows = jdbc.query(
                "select id, chain_seq from audit_event where summary like ? order by chain_seq",
                (rs, n) -> new Row(rs.getLong(1), rs.getLong(2)),
                marker + "%");
        assertThat(rows).hasSize(5);
    }

    private ChainReport verify() {
        return SystemAuthentication.call(chain::verifyNow);
    }

    /**
     * Tampers as the superuser and commits, verifies through the application, then puts the audit tables back
     * exactly as they were, so no other test sees the damage.
     */
    private ChainReport tamperAndVerify(Consumer<JdbcTemplate> tampering) {
        snapshotAuditTables();
        try {
            superTx.executeWithoutResult(status -> tampering.accept(superJdbc));
            return verify();
        } finally {
            restoreAuditTables();
        }
    }

    private static final List<String> AUDIT_TABLES = List.of("audit_event", "audit_chain_head", "audit_chain_check");

    private void snapshotAuditTables() {
        superTx.executeWithoutResult(status -> {
            for (var table : AUDIT_TABLES) {
                superJdbc.execute("drop table if exists tamper_backup_" + table);
                superJdbc.execute("create table tamper_backup_" + table + " as table " + table);
            }
        });
    }

    private void restoreAuditTables() {
        superTx.executeWithoutResult(status -> {
            superJdbc.execute("set local session_replication_role = replica");
            for (var table : AUDIT_TABLES) {
                superJdbc.execute("delete from " + table);
                superJdbc.execute("insert into " + table + " select * from tamper_backup_" + table);
                superJdbc.execute("drop table tamper_backup_" + table);
                // Some attacks disable the append-only trigger as the owner would; they are all on again.
                superJdbc.execute("alter table " + table + " enable trigger user");
            }
        });
    }

    @AfterEach
    void noBackupLeftBehind() {
        for (var table : AUDIT_TABLES) {
            superJdbc.execute("drop table if exists tamper_backup_" + table);
        }
    }

    @Test
    void theChainIsIntactAfterNormalUse() {
        var report = verify();
        assertThat(report.intact()).as(report.message()).isTrue();
        assertThat(report.events()).isEqualTo(jdbc.queryForObject("select count(*) from audit_event", Long.class));
        assertThat(report.message()).startsWith(report.events() + " events verified, chain intact");
    }

    @Test
    void aSummaryEditedWithReplicationRoleReplicaIsReportedAsTheFirstBrokenLink() {
        var target = rows.get(2);
        var report = tamperAndVerify(db -> {
            db.execute("set local session_replication_role = replica");
            db.update("update audit_event set summary = 'nothing happened' where id = ?", target.id());
        });
        assertThat(report.intact()).isFalse();
        assertThat(report.firstBreak().eventId()).isEqualTo(target.id());
        assertThat(report.firstBreak().problem()).isEqualTo(ChainProblem.CONTENT_CHANGED);
        assertThat(report.message()).contains("event #" + target.id()).contains("content changed");
    }

    @Test
    void anActionEditedAfterTheOwnerDisabledTheTriggerIsReported() {
        var target = rows.get(1);
        var report = tamperAndVerify(db -> {
            db.execute("alter table audit_event disable trigger audit_event_no_change");
            db.update("update audit_event set action = 'LOGIN' where id = ?", target.id());
        });
        assertThat(report.firstBreak().eventId()).isEqualTo(target.id());
        assertThat(report.firstBreak().problem()).isEqualTo(ChainProblem.CONTENT_CHANGED);
    }

    @Test
    void anEditWhoseHashesWereRecomputedIsReportedAtTheNextLink() {
        var target = rows.get(1);
        var next = rows.get(2);
        var report = tamperAndVerify(db -> {
            db.execute("set local session_replication_role = replica");
            db.update(
                    "update audit_event set summary = 'forged', personal_data_hash = audit_personal_data_hash("
                            + "actor, 'forged', before_state, after_state) where id = ?",
                    target.id());
            db.update(
                    "update audit_event set row_hash = audit_row_hash(chain_seq, prev_hash, id, occurred_at, action,"
                            + " object_type, object_id, personal_data_hash) where id = ?",
                    target.id());
        });
        assertThat(report.firstBreak().eventId()).isEqualTo(next.id());
        assertThat(report.firstBreak().problem()).isEqualTo(ChainProblem.ORDER_BROKEN);
    }

    @Test
    void aDeletedEventIsReportedAsAMissingRowAtTheEventAfterIt() {
        var deleted = rows.get(2);
        var report = tamperAndVerify(db -> {
            db.execute("set local session_replication_role = replica");
            db.update("delete from audit_event where id = ?", deleted.id());
        });
        assertThat(report.firstBreak().eventId()).isEqualTo(rows.get(3).id());
        assertThat(report.firstBreak().problem()).isEqualTo(ChainProblem.ROW_MISSING);
        assertThat(report.firstBreak().detail()).contains("position " + deleted.seq());
    }

    @Test
    void deletingTheNewestEventsIsReportedAgainstTheChainHead() {
        var report = tamperAndVerify(db -> {
            db.execute("set local session_replication_role = replica");
            db.update(
                    "delete from audit_event where chain_seq >= ?", rows.get(3).seq());
        });
        assertThat(report.firstBreak().problem()).isEqualTo(ChainProblem.ROW_MISSING);
        assertThat(report.firstBreak().eventId()).isEqualTo(rows.get(2).id());
    }

    @Test
    void swappingTwoEventsIsReportedAsBrokenOrder() {
        var a = rows.get(1);
        var b = rows.get(2);
        var report = tamperAndVerify(db -> {
            db.execute("set local session_replication_role = replica");
            db.update("update audit_event set chain_seq = -1 where id = ?", a.id());
            db.update("update audit_event set chain_seq = ? where id = ?", a.seq(), b.id());
            db.update("update audit_event set chain_seq = ? where id = ?", b.seq(), a.id());
        });
        assertThat(report.firstBreak().eventId()).isEqualTo(b.id());
        assertThat(report.firstBreak().problem()).isEqualTo(ChainProblem.ORDER_BROKEN);
    }

    @Test
    void aForgedEventWithCorrectlyComputedHashesIsReported() {
        var report = tamperAndVerify(db -> {
            db.execute("set local session_replication_role = replica");
            var head = db.queryForMap("select last_seq, last_hash from audit_chain_head");
            long seq = ((Number) head.get("last_seq")).longValue() + 1;
            var prev = (String) head.get("last_hash");
            long id = 900_000_000L;
            var at = Instant.now();
            var personal = AuditChainHash.personalDataHash("admin@rungs.demo", "Granted ADMIN to mallory", null, null);
            var rowHash = AuditChainHash.rowHash(seq, prev, id, at, "ROLES_CHANGED", "Account", "1", personal);
            db.update(
                    "insert into audit_event (id, occurred_at, actor, action, object_type, object_id, summary,"
                            + " chain_seq, prev_hash, personal_data_hash, row_hash)"
                            + " values (?, ?, 'admin@rungs.demo', 'ROLES_CHANGED', 'Account', '1',"
                            + " 'Granted ADMIN to mallory', ?, ?, ?, ?)",
                    id,
                    OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC),
                    seq,
                    prev,
                    personal,
                    rowHash);
        });
        assertThat(report.firstBreak().eventId()).isEqualTo(900_000_000L);
        assertThat(report.firstBreak().problem()).isEqualTo(ChainProblem.ORDER_BROKEN);
    }

    @Test
    void aForgedEventWithoutHashesSlippedIntoAGapIsReported() {
        var deleted = rows.get(2);
        var report = tamperAndVerify(db -> {
            db.execute("set local session_replication_role = replica");
            db.update("delete from audit_event where id = ?", deleted.id());
            db.update(
                    "insert into audit_event (id, occurred_at, actor, action, summary, chain_seq, prev_hash,"
                            + " personal_data_hash, row_hash) values (900000001, now(), 'someone', 'LOGIN',"
                            + " 'Signed in', ?, ?, ?, ?)",
                    deleted.seq(),
                    "0".repeat(64),
                    "0".repeat(64),
                    "0".repeat(64));
        });
        assertThat(report.firstBreak().eventId()).isEqualTo(900_000_001L);
        assertThat(report.firstBreak().problem()).isEqualTo(ChainProblem.ORDER_BROKEN);
    }

    @Test
    void aChainRecomputedFromTheTamperedEventOnIsCaughtByTheLastVerifiedHead() {
        assertThat(verify().intact()).isTrue();
        var last = rows.get(4);
        var report = tamperAndVerify(db -> {
            db.execute("set local session_replication_role = replica");
            db.update(
                    "update audit_event set summary = 'rewritten', personal_data_hash = audit_personal_data_hash("
                            + "actor, 'rewritten', before_state, after_state) where id = ?",
                    last.id());
            db.update(
                    "update audit_event set row_hash = audit_row_hash(chain_seq, prev_hash, id, occurred_at, action,"
                            + " object_type, object_id, personal_data_hash) where id = ?",
                    last.id());
            // Everything after it (the verification above may be followed by other events) is re-chained too.
            var later = db.queryForList(
                    "select id from audit_event where chain_seq > ? order by chain_seq", Long.class, last.seq());
            for (var id : later) {
                db.update(
                        "update audit_event e set prev_hash = p.row_hash from audit_event p"
                                + " where e.id = ? and p.chain_seq = e.chain_seq - 1",
                        id);
                db.update(
                        "update audit_event set row_hash = audit_row_hash(chain_seq, prev_hash, id, occurred_at,"
                                + " action, object_type, object_id, personal_data_hash) where id = ?",
                        id);
            }
            db.update("update audit_chain_head set last_hash = (select row_hash from audit_event"
                    + " where chain_seq = audit_chain_head.last_seq)");
        });
        assertThat(report.firstBreak().eventId()).isEqualTo(last.id());
        assertThat(report.firstBreak().problem()).isEqualTo(ChainProblem.CHAIN_REWRITTEN);
    }

    @Test
    void theTriggerRefusesEveryChangeButAnAuditedRedaction() {
        var target = rows.get(2).id();
        assertThatThrownBy(() -> superJdbc.update("update audit_event set summary = 'x' where id = ?", target))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() ->
                        superJdbc.update("update audit_event set redacted = true, summary = 'x' where id = ?", target))
                .hasMessageContaining("append-only");
        // Redacted "by" an event that is not an erasure.
        assertThatThrownBy(() -> superJdbc.update(
                        "update audit_event set redacted = true, redaction_event_id = ?, summary = 'x' where id = ?",
                        rows.get(1).id(),
                        target))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> superJdbc.update("delete from audit_event where id = ?", target))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> superJdbc.update("delete from audit_chain_head"))
                .hasMessageContaining("refused");
        assertThat(jdbc.queryForObject("select summary from audit_event where id = ?", String.class, target))
                .endsWith("-2");
    }

    @Test
    void aRedactionThatAlsoChangesAChainedColumnIsRefused() {
        var target = rows.get(2).id();
        superTx.executeWithoutResult(status -> {
            // A real erasure event to point at, rolled back with the attempt.
            superJdbc.update("insert into audit_event (id, occurred_at, actor, action, summary) values"
                    + " (nextval('audit_event_seq'), now(), 'test', 'PERSON_ERASED', 'test')");
            var erasure = superJdbc.queryForObject(
                    "select id from audit_event where action = 'PERSON_ERASED' order by chain_seq desc limit 1",
                    Long.class);
            assertThatThrownBy(() -> superJdbc.update(
                            "update audit_event set redacted = true, redaction_event_id = ?, action = 'LOGIN'"
                                    + " where id = ?",
                            erasure,
                            target))
                    .hasMessageContaining("append-only");
            status.setRollbackOnly();
        });
    }

    @Test
    void aBrokenChainFoundByTheScheduledCheckIsRecordedAndNotifiesTheAdmins() {
        var target = rows.get(2);
        // The demo admin has no person (notifications are per person): an admin who is also a person, removed after.
        var personId = jdbc.queryForObject("select nextval('people_seq')", Long.class);
        var userId = jdbc.queryForObject("select nextval('app_user_seq')", Long.class);
        tx.executeWithoutResult(status -> {
            jdbc.update(
                    "insert into person (id, full_name, email) values (?, 'Alert Admin', ?)",
                    personId,
                    "alert-" + personId + "@chain.test");
            jdbc.update(
                    "insert into app_user (id, username, display_name, password_hash, person_id)"
                            + " values (?, ?, 'Alert Admin', 'x', ?)",
                    userId,
                    "alert-" + personId + "@chain.test",
                    personId);
            jdbc.update("insert into app_user_role (user_id, role) values (?, 'ADMIN')", userId);
        });
        snapshotAuditTables();
        try {
            superTx.executeWithoutResult(status -> {
                superJdbc.execute("set local session_replication_role = replica");
                superJdbc.update("update audit_event set summary = 'nothing happened' where id = ?", target.id());
            });
            long before =
                    jdbc.queryForObject("select count(*) from notification where person_id = ?", Long.class, personId);
            var report = AuditChainTestAccess.scheduledCheck(chain);
            assertThat(report.firstBreak().eventId()).isEqualTo(target.id());
            var recorded =
                    jdbc.queryForMap("select intact, broken_event_id, problem, trigger_kind from audit_chain_check"
                            + " order by checked_at desc, id desc limit 1");
            assertThat(recorded.get("intact")).isEqualTo(false);
            assertThat(((Number) recorded.get("broken_event_id")).longValue()).isEqualTo(target.id());
            assertThat(recorded.get("problem")).isEqualTo("CONTENT_CHANGED");
            assertThat(recorded.get("trigger_kind")).isEqualTo("SCHEDULED");
            long after = jdbc.queryForObject(
                    "select count(*) from notification where title = 'Audit log integrity check failed'"
                            + " and link = 'admin/audit' and body like ? and person_id = ?",
                    Long.class,
                    "%event #" + target.id() + "%",
                    personId);
            assertThat(after).isEqualTo(1);
            assertThat(before).isZero();
        } finally {
            restoreAuditTables();
            tx.executeWithoutResult(status -> {
                jdbc.update("delete from notification where person_id = ?", personId);
                jdbc.update("delete from app_user_role where user_id = ?", userId);
                jdbc.update("delete from app_user where id = ?", userId);
                jdbc.update("delete from person where id = ?", personId);
            });
        }
    }
}
