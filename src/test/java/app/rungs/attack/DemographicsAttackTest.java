package app.rungs.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rungs.audit.service.AuditFilter;
import app.rungs.audit.service.AuditService;
import app.rungs.calibration.CalibrationFixtures;
import app.rungs.calibration.FairCalibrationFixtures;
import app.rungs.calibration.service.BoardEntries;
import app.rungs.calibration.service.CalibrationBoard;
import app.rungs.calibration.service.CalibrationSessions;
import app.rungs.calibration.service.OutcomeAudit;
import app.rungs.calibration.service.OutcomeAudits;
import app.rungs.calibration.service.PotentialRatings;
import app.rungs.calibration.service.SessionLifecycle;
import app.rungs.fairness.domain.Gender;
import app.rungs.fairness.service.DemographicsAccess;
import app.rungs.fairness.service.DemographicsService;
import app.rungs.fairness.service.OutcomeAuditSettingsService;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonEditingService;
import app.rungs.security.domain.Role;
import app.rungs.security.service.AccountService;
import app.rungs.security.service.SystemAuthentication;
import app.rungs.shared.service.ValidationException;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Breakdowns by self-reported demographics are for admins with an explicit permission that another admin grants:
 * managers of the committee and ordinary admins get none (not on screen, not in the CSV), no admin grants it to
 * themselves, and even a permitted admin sees small groups suppressed. Answers are only taken while the organization
 * records them, and the audit log never says what someone answered.
 */
@IntegrationTest
class DemographicsAttackTest {

    @Autowired
    OutcomeAudits audits;

    @Autowired
    OutcomeAuditSettingsService settings;

    @Autowired
    DemographicsAccess access;

    @Autowired
    DemographicsService demographics;

    @Autowired
    CalibrationSessions sessions;

    @Autowired
    CalibrationBoard boards;

    @Autowired
    BoardEntries entries;

    @Autowired
    SessionLifecycle lifecycle;

    @Autowired
    PotentialRatings potentials;

    @Autowired
    PeopleService people;

    @Autowired
    PersonEditingService editing;

    @Autowired
    AccountService accounts;

    @Autowired
    UserDetailsService users;

    @Autowired
    AuditService audit;

    FairCalibrationFixtures fair;
    CalibrationFixtures fx;
    FairCalibrationFixtures.Audited session;
    String auditor;
    Long auditorId;

    @BeforeEach
    void lockedSessionWithAnswers() {
        fx = new CalibrationFixtures(people, editing, accounts, users, sessions);
        fair = new FairCalibrationFixtures(fx, sessions, boards, entries, lifecycle, potentials, settings);
        session = fair.locked();
        fair.recordDemographics(true);
        // Team one: five women. Team two: Ada, Ben and Cy men; Dev and Eve do not answer.
        for (var name : List.of("Ada", "Ben", "Cy", "Dev", "Eve")) {
            answer(session.one().engineer(name), Gender.WOMAN);
        }
        for (var name : List.of("Ada", "Ben", "Cy")) {
            answer(session.two().engineer(name), Gender.MAN);
        }
        auditor = "auditor." + UUID.randomUUID().toString().substring(0, 8) + "@rungs.test";
        auditorId = SystemAuthentication.call(() -> accounts.createWithEncodedPassword(
                        auditor,
                        "Audra Auditor",
                        accounts.encode(CalibrationFixtures.PASSWORD),
                        EnumSet.of(Role.ADMIN),
                        null)
                .id());
    }

    @AfterEach
    void recordingBackOff() {
        fair.recordDemographics(false);
    }

    private void answer(String username, Gender gender) {
        fx.run(
                username,
                () -> demographics.saveMine(gender, null, demographics.mine().version()));
    }

    private Long accountOf(String username) {
        return SystemAuthentication.call(
                () -> accounts.findByUsername(username).orElseThrow().id());
    }

    private OutcomeAudit auditAs(String username) {
        return fx.as(username, () -> audits.audit(session.sessionId()));
    }

    private String csvAs(String username) {
        return new String(fx.as(username, () -> audits.exportCsv(session.sessionId())), StandardCharsets.UTF_8);
    }

    @Test
    void aManagerOfTheCommitteeGetsNoDemographicBreakdownAndIsRefusedTheCheck() {
        var report = auditAs(session.one().managerA());
        assertThat(report.breakdowns()).noneMatch(OutcomeAudit.Breakdown::demographic);
        assertThat(report.demographicsNote()).contains("explicit permission");
        assertThat(csvAs(session.one().managerA())).doesNotContain("By gender").doesNotContain("Woman");
        assertThatThrownBy(() -> fx.run(session.one().managerA(), access::requireViewBreakdowns))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anOrdinaryAdminGetsNoDemographicBreakdownOnScreenOrInTheCsv() {
        assertThat(auditAs(DemoUsers.ADMIN).breakdowns()).noneMatch(OutcomeAudit.Breakdown::demographic);
        assertThat(csvAs(DemoUsers.ADMIN)).doesNotContain("By gender").doesNotContain("ethnic minority");
        assertThat(fx.as(DemoUsers.ADMIN, access::mayViewBreakdowns)).isFalse();
    }

    @Test
    void anAdminGrantingThePermissionToThemselvesIsRefused() {
        var me = accountOf(DemoUsers.ADMIN);
        assertThatThrownBy(() -> fx.run(DemoUsers.ADMIN, () -> access.grant(me)))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageStartingWith("Another admin must grant you this permission");
        assertThat(fx.as(DemoUsers.ADMIN, access::mayViewBreakdowns)).isFalse();
    }

    @Test
    void aManagerGrantingThePermissionIsRefused() {
        assertThatThrownBy(() -> fx.run(session.one().managerA(), () -> access.grant(auditorId)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(fx.as(auditor, access::mayViewBreakdowns)).isFalse();
    }

    @Test
    void grantingToAnAccountThatIsNotAnAdminIsRefused() {
        var manager = accountOf(session.one().managerA());
        assertThatThrownBy(() -> fx.run(DemoUsers.ADMIN, () -> access.grant(manager)))
                .isInstanceOf(ValidationException.class)
                .hasMessage("Only an enabled admin account can be given this permission.");
    }

    @Test
    void aPermittedAdminSeesDemographicsWithSmallGroupsSuppressedAndTheGrantIsAudited() {
        fx.run(DemoUsers.ADMIN, () -> access.grant(auditorId));
        var gender = auditAs(auditor).breakdown("gender");
        assertThat(gender.groups())
                .extracting(OutcomeAudit.Group::label, OutcomeAudit.Group::size, OutcomeAudit.Group::suppressedAs)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Woman", 5L, null),
                        org.assertj.core.groups.Tuple.tuple("Man", -1L, "fewer than 5"),
                        org.assertj.core.groups.Tuple.tuple("Not answered", -1L, "fewer than 5"));
        assertThat(gender.groups().getFirst().counts()).containsExactly(1L, 2L, 1L, 1L, 0L, 0L, 0L);
        var csv = csvAs(auditor);
        assertThat(csv).contains("By gender (self-reported),Woman,5,1,2,1,1,0,0,0");
        assertThat(csv).contains("By gender (self-reported),Man,fewer than 5,,,,,,,");
        var grants = fx.as(
                DemoUsers.ADMIN,
                () -> audit.find(
                        new AuditFilter(null, "DEMOGRAPHICS_ACCESS_GRANTED", null, "Audra Auditor", null, null),
                        PageRequest.of(0, 5)));
        assertThat(grants).isNotEmpty();
    }

    @Test
    void aRevokedPermissionIsRefusedAgain() {
        fx.run(DemoUsers.ADMIN, () -> access.grant(auditorId));
        assertThat(fx.as(auditor, access::mayViewBreakdowns)).isTrue();
        fx.run(DemoUsers.ADMIN, () -> access.revoke(auditorId));
        assertThat(auditAs(auditor).breakdowns()).noneMatch(OutcomeAudit.Breakdown::demographic);
        assertThatThrownBy(() -> fx.run(auditor, access::requireViewBreakdowns))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void withRecordingOffEvenAPermittedAdminGetsNoDemographicBreakdown() {
        fx.run(DemoUsers.ADMIN, () -> access.grant(auditorId));
        fair.recordDemographics(false);
        var report = auditAs(auditor);
        assertThat(report.breakdowns()).noneMatch(OutcomeAudit.Breakdown::demographic);
        assertThat(report.demographicsNote()).isEqualTo("Your organization does not record demographics.");
    }

    @Test
    void anAnswerWhileRecordingIsOffIsRefusedAndNothingIsStored() {
        fair.recordDemographics(false);
        var dev = session.two().engineer("Dev");
        assertThatThrownBy(() -> answer(dev, Gender.NON_BINARY))
                .isInstanceOf(ValidationException.class)
                .hasMessage("Your organization does not record demographics.");
        assertThat(fx.as(dev, () -> demographics.mine().gender())).isNull();
    }

    @Test
    void theAuditLogSaysSomeoneAnsweredButNeverWhat() {
        var answered = fx.as(
                DemoUsers.ADMIN,
                () -> audit.find(
                        new AuditFilter(null, "DEMOGRAPHICS_ANSWERED", null, null, null, null), PageRequest.of(0, 5)));
        assertThat(answered).isNotEmpty().allSatisfy(e -> {
            assertThat(e.summary()).isEqualTo("Updated their self-reported demographics");
            assertThat(String.valueOf(e.afterState())).doesNotContain("WOMAN").doesNotContain("Woman");
        });
    }
}
