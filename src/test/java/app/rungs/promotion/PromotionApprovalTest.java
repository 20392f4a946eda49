package app.rungs.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rungs.evidence.service.EvidenceAuthoring;
import app.rungs.evidence.service.EvidenceReview;
import app.rungs.evidence.service.EvidenceService;
import app.rungs.notification.service.NotificationService;
import app.rungs.people.domain.AssignmentReason;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonEditingService;
import app.rungs.promotion.domain.CaseStatus;
import app.rungs.promotion.service.PromotionRoutes;
import app.rungs.promotion.service.PromotionService;
import app.rungs.security.service.AccountService;
import app.rungs.security.service.SystemAuthentication;
import app.rungs.shared.service.ValidationException;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import app.rungs.support.SuperuserDatabase;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Approval records the new level, linked to the case, and tells the engineer, in one transaction: when any part
 * fails, the case is still in calibration and neither a level assignment nor a notification exists.
 */
@IntegrationTest
class PromotionApprovalTest {

    @Autowired
    PromotionService promotions;

    @Autowired
    app.rungs.promotion.service.PromotionQueries queries;

    @Autowired
    PeopleService people;

    @Autowired
    PersonEditingService peopleEditing;

    @Autowired
    AccountService accounts;

    @Autowired
    UserDetailsService users;

    @Autowired
    EvidenceService evidence;

    @Autowired
    EvidenceAuthoring evidenceAuthoring;

    @Autowired
    EvidenceReview evidenceReview;

    @Autowired
    NotificationService notifications;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    PromotionFixtures fx;
    String manager;
    String engineer;
    Long engineerId;

    @BeforeEach
    void organization() {
        fx = new PromotionFixtures(
                people, peopleEditing, accounts, users, promotions, evidence, evidenceAuthoring, evidenceReview);
        manager = fx.newManager("Vera Sandoval");
        engineer = fx.newEngineer("Milo Hart", "DSE-2", manager);
        engineerId = fx.personOf(engineer);
    }

    private Long caseInCalibration() {
        var id = fx.as(manager, () -> promotions.nominate(engineerId, "DSE-3", "2026-H2", "Ready for DSE-3."));
        fx.run(manager, () -> promotions.submit(id, fx.version(id), null));
        fx.run(DemoUsers.ADMIN, () -> promotions.startCalibration(id, fx.version(id), null));
        return id;
    }

    private int assignmentsOfCase(Long caseId) {
        return jdbc.queryForObject(
                "select count(*) from level_assignment where promotion_case_id = ?", Integer.class, caseId);
    }

    private int notificationsAbout(Long caseId) {
        return jdbc.queryForObject(
                "select count(*) from notification where person_id = ? and link = ? and title like '%approved%'",
                Integer.class, engineerId, PromotionRoutes.promotionCase(caseId));
    }

    @Test
    void approvalChangesTheLevelWithHistoryLinkedToTheCaseAndNotifiesTheEngineer() {
        var id = caseInCalibration();
        var effective = LocalDate.now().withDayOfMonth(1);
        long unreadBefore = fx.as(engineer, () -> notifications.unreadCount());

        fx.run(DemoUsers.ADMIN, () -> promotions.approve(id, fx.version(id), effective, "Clear consensus."));

        var person = SystemAuthentication.call(() -> people.details(engineerId));
        assertThat(person.levelKey()).isEqualTo("DSE-3");
        assertThat(person.levelSince()).isEqualTo(effective);
        assertThat(person.history().getFirst()).satisfies(h -> {
            assertThat(h.levelKey()).isEqualTo("DSE-3");
            assertThat(h.reason()).isEqualTo(AssignmentReason.PROMOTION);
            assertThat(h.promotionCaseId()).isEqualTo(id);
            assertThat(h.effectiveDate()).isEqualTo(effective);
            assertThat(h.note()).contains("Promotion case #" + id).contains("Clear consensus.");
        });
        var view = fx.as(engineer, () -> promotions.details(id));
        assertThat(view.status()).isEqualTo(CaseStatus.APPROVED);
        assertThat(view.effectiveDate()).isEqualTo(effective);
        assertThat(view.decidedBy()).isEqualTo(DemoUsers.ADMIN);
        assertThat(fx.as(engineer, () -> notifications.unreadCount())).isEqualTo(unreadBefore + 1);
        assertThat(fx.as(engineer, () -> notifications.mine(0, 1)).getFirst()).satisfies(n -> {
            assertThat(n.title()).contains("promotion to DSE-3 was approved");
            assertThat(n.link()).isEqualTo("promotions/" + id);
        });
        // The engineer's next case starts from the new level.
        assertThat(fx.as(manager, () -> queries.targetLevels(engineerId)))
                .extracting(l -> l.key())
                .startsWith("SPE-1");
    }

    @Test
    void whenTheLevelChangeFailsNothingOfTheApprovalRemains() {
        var id = caseInCalibration();
        // The ladder no longer has the level the case asks for (as after a ladder change).
        jdbc.update("update promotion_case set target_level_key = 'GONE-9' where id = ?", id);
        var version = fx.version(id);

        assertThatThrownBy(() -> fx.run(DemoUsers.ADMIN, () -> promotions.approve(id, version, LocalDate.now(), null)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("GONE-9");

        assertThat(SystemAuthentication.call(() -> promotions.details(id)).status())
                .isEqualTo(CaseStatus.IN_CALIBRATION);
        assertThat(fx.version(id)).isEqualTo(version);
        assertThat(assignmentsOfCase(id)).isZero();
        assertThat(notificationsAbout(id)).isZero();
        assertThat(SystemAuthentication.call(() -> people.details(engineerId)).levelKey())
                .isEqualTo("DSE-2");
        assertThat(jdbc.queryForObject(
                        "select count(*) from promotion_event where case_id = ? and action = 'APPROVE'",
                        Integer.class,
                        id))
                .isZero();
    }

    @Test
    void whenTheNotificationFailsAfterTheLevelChangeTheLevelChangeIsUndoneToo() {
        var id = caseInCalibration();
        // A forced failure at the last step of the approval: the database refuses this engineer's notification.
        var function = "rungs_test_refuse_notification_" + engineerId;
        // Only the schema's owner may add a trigger; the app's own role may not.
        var owner = new JdbcTemplate(SuperuserDatabase.dataSource(dataSource));
        owner.execute("create function " + function + "() returns trigger language plpgsql as $$ begin"
                + " if new.person_id = " + engineerId + " then raise exception 'notification refused by test'; end if;"
                + " return new; end; $$");
        owner.execute("create trigger " + function + " before insert on notification for each row execute function "
                + function + "()");
        try {
            assertThatThrownBy(() -> fx.run(
                            DemoUsers.ADMIN, () -> promotions.approve(id, fx.version(id), LocalDate.now(), null)))
                    .hasStackTraceContaining("notification refused by test");
        } finally {
            owner.execute("drop trigger " + function + " on notification");
            owner.execute("drop function " + function + "()");
        }
        assertThat(SystemAuthentication.call(() -> promotions.details(id)).status())
                .isEqualTo(CaseStatus.IN_CALIBRATION);
        assertThat(assignmentsOfCase(id)).isZero();
        var person = SystemAuthentication.call(() -> people.details(engineerId));
        assertThat(person.levelKey()).isEqualTo("DSE-2");
        assertThat(person.history()).noneMatch(h -> id.equals(h.promotionCaseId()));

        // With the database accepting notifications again, the same approval goes through.
        fx.run(DemoUsers.ADMIN, () -> promotions.approve(id, fx.version(id), LocalDate.now(), null));
        assertThat(assignmentsOfCase(id)).isEqualTo(1);
        assertThat(notificationsAbout(id)).isEqualTo(1);
    }

    @Test
    void theCalibrationFeatureAppliesADecisionThroughOneAdminOnlyMethod() {
        var approved = caseInCalibration();
        assertThatThrownBy(() -> fx.run(
                        manager, () -> promotions.applyCalibrationDecision(approved, true, null, LocalDate.now())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() ->
                        fx.run(DemoUsers.ADMIN, () -> promotions.applyCalibrationDecision(approved, true, null, null)))
                .isInstanceOf(ValidationException.class)
                .hasMessage("Give the date the promotion takes effect.");
        fx.run(
                DemoUsers.ADMIN,
                () -> promotions.applyCalibrationDecision(approved, true, "Calibrated.", LocalDate.now()));
        assertThat(assignmentsOfCase(approved)).isEqualTo(1);

        var other = fx.newEngineer("Noor Haddad", "DSE-2", manager);
        var otherId = fx.personOf(other);
        var notYet = fx.as(manager, () -> promotions.nominate(otherId, "DSE-3", "2026-H2", "Strong year."));
        fx.run(manager, () -> promotions.submit(notYet, fx.version(notYet), null));
        fx.run(DemoUsers.ADMIN, () -> promotions.startCalibration(notYet, fx.version(notYet), null));
        assertThatThrownBy(() ->
                        fx.run(DemoUsers.ADMIN, () -> promotions.applyCalibrationDecision(notYet, false, "", null)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("Write the feedback");
        fx.run(
                DemoUsers.ADMIN,
                () -> promotions.applyCalibrationDecision(notYet, false, "More design scope, please.", null));
        var view = fx.as(other, () -> promotions.details(notYet));
        assertThat(view.status()).isEqualTo(CaseStatus.NOT_YET);
        assertThat(view.closingNote()).isEqualTo("More design scope, please.");
        assertThat(fx.as(other, () -> notifications.mine(0, 1)).getFirst().body())
                .isEqualTo("More design scope, please.");
    }
}
