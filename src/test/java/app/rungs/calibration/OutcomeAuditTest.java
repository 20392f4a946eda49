package app.rungs.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rungs.audit.service.AuditFilter;
import app.rungs.audit.service.AuditService;
import app.rungs.calibration.service.BoardEntries;
import app.rungs.calibration.service.CalibrationBoard;
import app.rungs.calibration.service.CalibrationSessions;
import app.rungs.calibration.service.OutcomeAudit;
import app.rungs.calibration.service.OutcomeAudits;
import app.rungs.calibration.service.PotentialRatings;
import app.rungs.calibration.service.SessionLifecycle;
import app.rungs.fairness.service.OutcomeAuditSettingsService;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonEditingService;
import app.rungs.security.service.AccountService;
import app.rungs.shared.service.ValidationException;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import app.rungs.support.StatementCounter;
import jakarta.persistence.EntityManagerFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The outcome audit of a locked session of ten engineers (see {@link FairCalibrationFixtures}): a group of 3 is
 * suppressed, a group of 5 shown, and a lone small group takes a second one with it so that the total minus the shown
 * groups cannot reveal it; the screen's model and the CSV carry no numbers of suppressed groups; one aggregate query
 * per breakdown.
 */
@IntegrationTest
class OutcomeAuditTest {

    @Autowired
    OutcomeAudits audits;

    @Autowired
    OutcomeAuditSettingsService settings;

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

    @Autowired
    EntityManagerFactory emf;

    FairCalibrationFixtures fair;

    @BeforeEach
    void setUp() {
        var fx = new CalibrationFixtures(people, editing, accounts, users, sessions);
        fair = new FairCalibrationFixtures(fx, sessions, boards, entries, lifecycle, potentials, settings);
    }

    @AfterEach
    void restoreMinimum() {
        fair.minimum(5);
    }

    private OutcomeAudit auditOf(Long id) {
        return fair.fx().as(DemoUsers.ADMIN, () -> audits.audit(id));
    }

    @Test
    void aGroupOfThreeIsSuppressedAndAGroupOfFiveIsShownWithHandCountedNumbers() {
        var s = fair.locked();
        var report = auditOf(s.sessionId());
        assertThat(report.minimum()).isEqualTo(5);
        assertThat(report.columns())
                .containsExactly("Below", "Meets", "Exceeds", "Greatly exceeds", "Not rated", "Promoted", "Not yet");

        // By team: 5 and 5, each Below 1, Meets 2, Exceeds 1, Greatly exceeds 1.
        var team = report.breakdown("team");
        assertThat(team.groups())
                .extracting(OutcomeAudit.Group::label)
                .containsExactlyInAnyOrder(s.one().teamName(), s.two().teamName());
        assertThat(team.groups()).allSatisfy(g -> {
            assertThat(g.suppressed()).isFalse();
            assertThat(g.size()).isEqualTo(5);
            assertThat(g.counts()).containsExactly(1L, 2L, 1L, 1L, 0L, 0L, 0L);
        });
        assertThat(team.totals().counts()).containsExactly(2L, 4L, 2L, 2L, 0L, 0L, 0L);

        // By manager: 3, 2, 3, 2: every group suppressed, none carries a number.
        var manager = report.breakdown("manager");
        assertThat(manager.groups()).hasSize(4).allSatisfy(g -> {
            assertThat(g.suppressed()).isTrue();
            assertThat(g.suppressedAs()).isEqualTo("fewer than 5");
            assertThat(g.size()).isEqualTo(-1);
            assertThat(g.counts()).isEmpty();
        });

        // By tenure: everyone started two years ago.
        assertThat(report.breakdown("tenure").groups()).singleElement().satisfies(g -> {
            assertThat(g.label()).isEqualTo("1 to 3 years");
            assertThat(g.size()).isEqualTo(10);
        });
    }

    @Test
    void aLoneSmallGroupTakesASecondGroupWithItSoTheTotalCannotRevealIt() {
        var s = fair.locked();
        var level = auditOf(s.sessionId()).breakdown("level");
        // DSE-3 has 4 (too small); DSE-2's 6 would give it away as 10 - 6, so DSE-2 is hidden too.
        assertThat(level.groups())
                .extracting(OutcomeAudit.Group::label, OutcomeAudit.Group::suppressedAs)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("DSE-2", "hidden to protect a small group"),
                        org.assertj.core.groups.Tuple.tuple("DSE-3", "fewer than 5"));
        assertThat(level.groups()).allSatisfy(g -> assertThat(g.counts()).isEmpty());
        assertThat(level.totals().size()).isEqualTo(10);
    }

    @Test
    void theCsvSaysWhatTheScreenSaysAndCarriesNoNumbersOfSuppressedGroups() {
        var s = fair.locked();
        var csv = new String(
                fair.fx().as(DemoUsers.ADMIN, () -> audits.exportCsv(s.sessionId())), StandardCharsets.UTF_8);
        var lines = csv.lines().toList();
        assertThat(lines.getFirst())
                .contains("Breakdown,Group,People,Below,Meets,Exceeds,Greatly exceeds,Not rated,Promoted,Not yet");
        assertThat(lines).contains("By team," + s.one().teamName() + ",5,1,2,1,1,0,0,0");
        assertThat(lines).contains("By level,DSE-3,fewer than 5,,,,,,,");
        assertThat(lines).contains("By level,DSE-2,hidden to protect a small group,,,,,,,");
        assertThat(lines).contains("By manager,All,10,2,4,2,2,0,0,0");
        assertThat(lines.stream().filter(l -> l.startsWith("By manager,") && !l.startsWith("By manager,All,")))
                .hasSize(4)
                .allSatisfy(l -> assertThat(l).endsWith(",fewer than 5,,,,,,,"));
        assertThat(lines).noneMatch(l -> l.startsWith("By gender"));
    }

    @Test
    void theOrganizationsMinimumDecidesAndChangingItIsAudited() {
        var s = fair.locked();
        fair.minimum(3);
        var manager = auditOf(s.sessionId()).breakdown("manager");
        // Alex's 3 are shown at a minimum of 3; Bea's 2 stay suppressed.
        assertThat(manager.groups())
                .filteredOn(g -> !g.suppressed())
                .hasSize(2)
                .allSatisfy(g -> assertThat(g.size()).isEqualTo(3));
        assertThat(manager.groups())
                .filteredOn(OutcomeAudit.Group::suppressed)
                .allSatisfy(g -> assertThat(g.suppressedAs()).isEqualTo("fewer than 3"));
        var entries = fair.fx()
                .as(
                        DemoUsers.ADMIN,
                        () -> audit.find(
                                new AuditFilter(
                                        null, "OUTCOME_AUDIT_MINIMUM_CHANGED", null, "smaller than 3", null, null),
                                PageRequest.of(0, 5)));
        assertThat(entries).anySatisfy(e -> assertThat(e.summary()).contains("smaller than 3"));
    }

    @Test
    void aMinimumOutsideTwoToAHundredIsRefusedAndChangesNothing() {
        for (int bad : List.of(1, 0, 101)) {
            assertThatThrownBy(() -> fair.minimum(bad))
                    .isInstanceOf(ValidationException.class)
                    .hasMessage("The minimum group size must be between 2 and 100 people.");
        }
        assertThat(fair.fx().as(DemoUsers.ADMIN, () -> settings.minimumGroupSize()))
                .isEqualTo(5);
    }

    @Test
    void theAuditOpensOnlyOnceTheSessionIsLocked() {
        var s = fair.inSession();
        assertThatThrownBy(() -> auditOf(s.sessionId()))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("The outcome audit opens once the session is locked");
    }

    @Test
    void eachBreakdownIsOneQueryWhateverTheNumberOfEngineers() {
        var counter = new StatementCounter(emf);
        var s = fair.locked();
        long statements = counter.count(() -> auditOf(s.sessionId()));
        var report = auditOf(s.sessionId());
        System.out.printf(
                "Outcome audit: %d statements for %d breakdowns%n",
                statements, report.breakdowns().size());
        // The session, its participants and the access check, the settings row, then one aggregate per breakdown
        // (team, level, tenure, manager): nothing per engineer or per group.
        assertThat(report.breakdowns()).hasSize(4);
        assertThat(statements).isLessThanOrEqualTo(5 + 4);
    }
}
