package app.rungs.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rungs.audit.service.AuditFilter;
import app.rungs.audit.service.AuditService;
import app.rungs.evidence.service.EvidenceAuthoring;
import app.rungs.evidence.service.EvidenceReview;
import app.rungs.evidence.service.EvidenceService;
import app.rungs.notification.service.NotificationPrivacyData;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonEditingService;
import app.rungs.privacy.domain.RetentionKind;
import app.rungs.privacy.service.RetentionPolicyView;
import app.rungs.privacy.service.RetentionRunView;
import app.rungs.privacy.service.RetentionService;
import app.rungs.promotion.PromotionFixtures;
import app.rungs.promotion.service.PromotionService;
import app.rungs.security.service.AccountService;
import app.rungs.security.service.SystemAuthentication;
import app.rungs.shared.service.ConcurrentEditException;
import app.rungs.shared.service.ValidationException;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Retention policies: validation, concurrent edits, auditing, and a run that deletes exactly the expired rows. */
@IntegrationTest
class RetentionServiceTest {

    @Autowired
    RetentionService retention;

    @Autowired
    NotificationPrivacyData notificationData;

    @Autowired
    AuditService audit;

    @Autowired
    PeopleService people;

    @Autowired
    PersonEditingService peopleEditing;

    @Autowired
    AccountService accounts;

    @Autowired
    UserDetailsService users;

    @Autowired
    PromotionService promotions;

    @Autowired
    EvidenceService evidence;

    @Autowired
    EvidenceAuthoring evidenceAuthoring;

    @Autowired
    EvidenceReview evidenceReview;

    @Autowired
    JdbcTemplate jdbc;

    PromotionFixtures fx;

    @BeforeEach
    void fixtures() {
        fx = new PromotionFixtures(
                people, peopleEditing, accounts, users, promotions, evidence, evidenceAuthoring, evidenceReview);
    }

    @AfterEach
    void defaults() {
        for (var kind : RetentionKind.values()) {
            set(kind, kind.defaultKeepFor());
        }
    }

    private RetentionPolicyView policy(RetentionKind kind) {
        return fx.as(
                DemoUsers.ADMIN,
                () -> retention.policies().stream()
                        .filter(p -> p.kind() == kind)
                        .findFirst()
                        .orElseThrow());
    }

    private RetentionPolicyView set(RetentionKind kind, Integer keepFor) {
        return fx.as(DemoUsers.ADMIN, () -> retention.update(kind, policy(kind).version(), keepFor));
    }

    private RetentionRunView.Result result(RetentionRunView run, RetentionKind kind) {
        return run.results().stream().filter(r -> r.kind() == kind).findFirst().orElseThrow();
    }

    @Test
    void negativeZeroAndAbsurdPeriodsAreRefusedWithClearMessagesAndChangeNothing() {
        var before = set(RetentionKind.READ_NOTIFICATIONS, 90);
        assertThatThrownBy(() -> set(RetentionKind.READ_NOTIFICATIONS, -5))
                .isInstanceOf(ValidationException.class)
                .hasMessage("Read notifications: the period must be at least 1 day (got -5). To keep the data"
                        + " without limit, choose \"Keep forever\".");
        assertThatThrownBy(() -> set(RetentionKind.READ_NOTIFICATIONS, 0))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("at least 1 day (got 0)");
        assertThatThrownBy(() -> set(RetentionKind.LEFT_PEOPLE, 100_000))
                .isInstanceOf(ValidationException.class)
                .hasMessage("People who left: the period can be at most 120 months (ten years; got 100000). To keep"
                        + " the data longer, choose \"Keep forever\".");
        var after = policy(RetentionKind.READ_NOTIFICATIONS);
        assertThat(after.keepFor()).isEqualTo(90);
        assertThat(after.version()).isEqualTo(before.version());
    }

    @Test
    void keepForeverIsAPolicyToo() {
        assertThat(set(RetentionKind.CALIBRATION_PRESENCE, null).period()).isEqualTo("Forever");
        var run = fx.as(DemoUsers.ADMIN, retention::run);
        assertThat(result(run, RetentionKind.CALIBRATION_PRESENCE).note()).isEqualTo("Kept forever.");
    }

    @Test
    void aSecondAdminSavingOnAnOutdatedVersionGetsAConflictNotALostUpdate() {
        var seen = policy(RetentionKind.READ_NOTIFICATIONS);
        fx.run(DemoUsers.ADMIN, () -> retention.update(RetentionKind.READ_NOTIFICATIONS, seen.version(), 30));
        assertThatThrownBy(() -> fx.run(
                        DemoUsers.ADMIN, () -> retention.update(RetentionKind.READ_NOTIFICATIONS, seen.version(), 400)))
                .isInstanceOf(ConcurrentEditException.class)
                .hasMessageStartingWith("The retention policy for read notifications was changed by someone else");
        assertThat(policy(RetentionKind.READ_NOTIFICATIONS).keepFor()).isEqualTo(30);
    }

    @Test
    void aPolicyChangeIsAuditedWithBeforeAndAfter() {
        set(RetentionKind.ATTACHMENTS_OF_LEFT_PEOPLE, 12);
        set(RetentionKind.ATTACHMENTS_OF_LEFT_PEOPLE, 18);
        var event = fx.as(
                DemoUsers.ADMIN,
                () -> audit.find(
                                new AuditFilter(null, "RETENTION_POLICY_CHANGED", null, null, null, null),
                                PageRequest.of(
                                        0,
                                        1,
                                        org.springframework.data.domain.Sort.by("id")
                                                .descending()))
                        .getFirst());
        assertThat(event.summary())
                .isEqualTo("Changed the retention of evidence attachments of people who left from 12 months to 18"
                        + " months");
        assertThat(event.beforeState()).containsPattern("\"keepFor\":\\s?12").contains("MONTHS");
        assertThat(event.afterState()).containsPattern("\"keepFor\":\\s?18");
    }

    @Test
    void nonAdminsCannotChangeOrRunRetention() {
        var v = policy(RetentionKind.READ_NOTIFICATIONS).version();
        assertThatThrownBy(() ->
                        fx.run(DemoUsers.MANAGER, () -> retention.update(RetentionKind.READ_NOTIFICATIONS, v, null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fx.run(DemoUsers.ENGINEER, retention::run)).isInstanceOf(AccessDeniedException.class);
        assertThat(policy(RetentionKind.READ_NOTIFICATIONS).version()).isEqualTo(v);
    }

    @Test
    void aRunDeletesExactlyTheExpiredRowsAndKeepsTheRest() {
        var now = Instant.now();
        var engineer = fx.newEngineer("Retention Rita", "DSE-2", DemoUsers.MANAGER);
        var personId = fx.personOf(engineer);
        long readLongAgo = notification(personId, now.minus(400, ChronoUnit.DAYS), now.minus(200, ChronoUnit.DAYS));
        long readRecently = notification(personId, now.minus(400, ChronoUnit.DAYS), now.minus(10, ChronoUnit.DAYS));
        long unreadOld = notification(personId, now.minus(400, ChronoUnit.DAYS), null);

        var sessionId = jdbc.queryForObject("select min(id) from calibration_session", Long.class);
        var stale = presence(sessionId, now.minus(3, ChronoUnit.DAYS));
        var fresh = presence(sessionId, now.minus(1, ChronoUnit.HOURS));

        var leftLongAgo = fx.newEngineer("Retention Leo", "DSE-2", DemoUsers.MANAGER);
        var leftRecently = fx.newEngineer("Retention Lu", "DSE-2", DemoUsers.MANAGER);
        var oldItem = fx.logEvidence(leftLongAgo, "Old design doc", "DSE-2", "consensus-algorithms");
        var newItem = fx.logEvidence(leftRecently, "New design doc", "DSE-2", "consensus-algorithms");
        fx.run(leftLongAgo, () -> evidenceAuthoring.addAttachment(oldItem, "a.txt", bytes("old")));
        fx.run(leftRecently, () -> evidenceAuthoring.addAttachment(newItem, "b.txt", bytes("new")));
        leave(leftLongAgo, LocalDate.now().minusMonths(14));
        leave(leftRecently, LocalDate.now().minusMonths(2));

        set(RetentionKind.READ_NOTIFICATIONS, 180);
        set(RetentionKind.CALIBRATION_PRESENCE, 1);
        set(RetentionKind.ATTACHMENTS_OF_LEFT_PEOPLE, 12);
        var run = fx.as(DemoUsers.ADMIN, retention::run);

        assertThat(exists("notification", readLongAgo)).isFalse();
        assertThat(exists("notification", readRecently)).isTrue();
        assertThat(exists("notification", unreadOld)).isTrue();
        assertThat(jdbc.queryForObject(
                        "select count(*) from calibration_presence where viewer_id = ?", Integer.class, stale))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "select count(*) from calibration_presence where viewer_id = ?", Integer.class, fresh))
                .isOne();
        assertThat(attachments(oldItem)).isZero();
        assertThat(attachments(newItem)).isOne();
        assertThat(exists("evidence_item", oldItem)).isTrue();

        assertThat(result(run, RetentionKind.READ_NOTIFICATIONS).affected()).isGreaterThanOrEqualTo(1);
        assertThat(result(run, RetentionKind.CALIBRATION_PRESENCE).affected()).isGreaterThanOrEqualTo(1);
        assertThat(result(run, RetentionKind.ATTACHMENTS_OF_LEFT_PEOPLE).affected())
                .isGreaterThanOrEqualTo(1);
        assertThat(fx.as(DemoUsers.ADMIN, retention::lastRun).orElseThrow().results())
                .isEqualTo(run.results());
        var applied = fx.as(
                DemoUsers.ADMIN,
                () -> audit.find(
                        new AuditFilter(null, "RETENTION_APPLIED", null, null, null, null), PageRequest.of(0, 200)));
        assertThat(applied).anyMatch(e -> "READ_NOTIFICATIONS".equals(e.objectId()));
        assertThat(fx.as(
                        DemoUsers.ADMIN,
                        () -> audit.count(new AuditFilter(null, "RETENTION_RUN", null, null, null, null))))
                .isPositive();
    }

    @Test
    void peopleWhoLeftLongerAgoThanThePolicyAreAnonymizedAndOthersAreNot() {
        var gone = fx.newEngineer("Retention Gina", "DSE-2", DemoUsers.MANAGER);
        var recent = fx.newEngineer("Retention Rita", "DSE-2", DemoUsers.MANAGER);
        var goneId = fx.personOf(gone);
        var recentId = fx.personOf(recent);
        leave(gone, LocalDate.now().minusMonths(30));
        leave(recent, LocalDate.now().minusMonths(2));
        set(RetentionKind.LEFT_PEOPLE, 24);
        var run = fx.as(DemoUsers.ADMIN, retention::run);
        var left = result(run, RetentionKind.LEFT_PEOPLE);
        assertThat(left.flagged()).isFalse();
        assertThat(left.affected()).isGreaterThanOrEqualTo(1);
        assertThat(left.note()).startsWith("Anonymized ");
        assertThat(jdbc.queryForObject("select erased_at is not null from person where id = ?", Boolean.class, goneId))
                .isTrue();
        assertThat(jdbc.queryForObject(
                        "select erased_at is not null from person where id = ?", Boolean.class, recentId))
                .isFalse();
        assertThat(jdbc.queryForObject("select count(*) from person where full_name = 'Retention Gina'", Integer.class))
                .isZero();
    }

    @Test
    void oneBatchDeletesNoMoreThanItsLimit() {
        var engineer = fx.newEngineer("Retention Bea", "DSE-2", DemoUsers.MANAGER);
        var personId = fx.personOf(engineer);
        var old = Instant.now().minus(1000, ChronoUnit.DAYS);
        for (int i = 0; i < 3; i++) {
            notification(personId, old, old);
        }
        var cutoff = Instant.now().minus(999, ChronoUnit.DAYS);
        assertThat(fx.as(DemoUsers.ADMIN, () -> notificationData.deleteReadBefore(cutoff, 2)))
                .isEqualTo(2);
        assertThat(jdbc.queryForObject(
                        "select count(*) from notification where person_id = ?", Integer.class, personId))
                .isOne();
    }

    private long notification(Long personId, Instant created, Instant read) {
        var id = jdbc.queryForObject("select nextval('notification_seq') * 50 + 7", Long.class);
        jdbc.update(
                "insert into notification (id, person_id, title, created_at, read_at) values (?, ?, ?, ?, ?)",
                id,
                personId,
                "Retention test",
                Timestamp.from(created),
                read == null ? null : Timestamp.from(read));
        return id;
    }

    private String presence(Long sessionId, Instant lastSeen) {
        var id = UUID.randomUUID().toString();
        jdbc.update(
                "insert into calibration_presence (viewer_id, session_id, username, display_name, last_seen)"
                        + " values (?, ?, 'retention@test', 'Retention', ?)",
                id,
                sessionId,
                Timestamp.from(lastSeen));
        return id;
    }

    private void leave(String username, LocalDate when) {
        var id = fx.personOf(username);
        SystemAuthentication.run(
                () -> peopleEditing.deactivate(id, people.details(id).version(), when));
    }

    private boolean exists(String table, long id) {
        return jdbc.queryForObject("select count(*) from " + table + " where id = ?", Integer.class, id) == 1;
    }

    private int attachments(Long itemId) {
        return jdbc.queryForObject(
                "select count(*) from evidence_attachment where evidence_id = ?", Integer.class, itemId);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
