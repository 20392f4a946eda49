package app.rungs.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import app.rungs.calibration.CalibrationFixtures;
import app.rungs.calibration.service.CalibrationSessions;
import app.rungs.cycle.service.CycleProgress;
import app.rungs.cycle.service.CycleStep;
import app.rungs.cycle.service.ManagerProgress;
import app.rungs.cycle.service.ReviewCycles;
import app.rungs.cycle.service.StepProgress;
import app.rungs.people.service.LineMember;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonEditingService;
import app.rungs.promotion.service.PromotionQueries;
import app.rungs.promotion.service.PromotionService;
import app.rungs.security.service.AccountService;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import app.rungs.support.JdbcStatements;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A cycle's progress per manager and step against a hand-computed organization of its own, who sees which part, and
 * the number of statements at two very different organization sizes.
 */
@IntegrationTest
class CycleProgressTest {

    @Autowired
    ReviewCycles cycles;

    @Autowired
    CycleProgress progress;

    @Autowired
    PromotionService promotions;

    @Autowired
    PromotionQueries promotionQueries;

    @Autowired
    CalibrationSessions sessions;

    @Autowired
    PeopleService people;

    @Autowired
    PersonEditingService peopleEditing;

    @Autowired
    AccountService accounts;

    @Autowired
    UserDetailsService users;

    @Autowired
    DataSource dataSource;

    CalibrationFixtures fx;
    CalibrationFixtures.Org org;
    String label;
    Long cycleId;

    /**
     * Dana directs Alex (Ada, Ben, Cy) and Bea (Dev, Eve). In the cycle: Ada is nominated, Eve is nominated in
     * ANOTHER cycle, and a locked session of the cycle holds the five engineers; an unlocked one of the cycle holds
     * them too but does not count.
     */
    @BeforeEach
    void organization() {
        fx = new CalibrationFixtures(people, peopleEditing, accounts, users, sessions);
        org = fx.org();
        label = CycleFixtures.label();
        cycleId = fx.as(DemoUsers.ADMIN, () -> cycles.open(CycleFixtures.future(label)));
        nominate(org.managerA(), "Ada", label);
        nominate(org.managerB(), "Eve", CycleFixtures.label());
        var locked = fx.session(org, label);
        new JdbcTemplate(dataSource)
                .update("update calibration_session set status = 'LOCKED', locked_at = now() where id = ?", locked);
    }

    private void nominate(String manager, String engineer, String cycle) {
        var id = org.person(engineer);
        fx.as(
                manager,
                () -> promotions.nominate(
                        id, promotionQueries.targetLevels(id).getFirst().key(), cycle, "Ready for the next level."));
    }

    @Test
    void theDirectorSeesEachManagersTeamCountedPerStepAndWhoIsMissing() {
        var report = fx.as(org.director(), () -> progress.progress(cycleId));
        var managers = fx.as(org.director(), () -> progress.managers(cycleId, 0, 50));

        assertThat(report.steps()).contains(CycleStep.NOMINATION, CycleStep.CALIBRATION);
        assertThat(text(report.totals(), CycleStep.NOMINATION)).isEqualTo("1 of 7 nominations in");
        assertThat(text(report.totals(), CycleStep.CALIBRATION)).isEqualTo("5 of 7 calibrated");
        assertThat(fx.as(org.director(), () -> progress.managerCount())).isEqualTo(3);
        assertThat(managers)
                .extracting(
                        m -> m.managerName().substring(0, m.managerName().lastIndexOf(' ')), ManagerProgress::people)
                .containsExactly(tuple("Alex Manager", 3), tuple("Bea Manager", 2), tuple("Dana Director", 2));
        var alex = managers.get(0);
        var bea = managers.get(1);
        var dana = managers.get(2);
        assertThat(text(alex.steps(), CycleStep.NOMINATION)).isEqualTo("1 of 3 nominations in");
        assertThat(text(bea.steps(), CycleStep.NOMINATION)).isEqualTo("0 of 2 nominations in");
        assertThat(text(alex.steps(), CycleStep.CALIBRATION)).isEqualTo("3 of 3 calibrated");
        assertThat(text(dana.steps(), CycleStep.CALIBRATION)).isEqualTo("0 of 2 calibrated");
        assertThat(missing(alex, CycleStep.NOMINATION)).containsExactly("Test Ben", "Test Cy");
        assertThat(missing(bea, CycleStep.NOMINATION)).containsExactly("Test Dev", "Test Eve");
        assertThat(missing(alex, CycleStep.CALIBRATION)).isEmpty();
        // A page of one manager: the second by name.
        assertThat(fx.as(org.director(), () -> progress.managers(cycleId, 1, 1)))
                .singleElement()
                .satisfies(m -> assertThat(m.managerName()).startsWith("Bea Manager"));
    }

    @Test
    void aManagerSeesOnlyTheirOwnLineAndAnEngineerNothing() {
        var report = fx.as(org.managerA(), () -> progress.progress(cycleId));
        assertThat(fx.as(org.managerA(), () -> progress.managers(cycleId, 0, 50)))
                .singleElement()
                .satisfies(m -> {
                    assertThat(m.managerName()).startsWith("Alex Manager");
                    assertThat(text(m.steps(), CycleStep.NOMINATION)).isEqualTo("1 of 3 nominations in");
                });
        assertThat(report.totals()).allSatisfy(s -> assertThat(s.total()).isEqualTo(3));
        assertThatThrownBy(() -> fx.as(org.engineer("Ada"), () -> progress.progress(cycleId)))
                .isInstanceOf(AccessDeniedException.class);
        // Alex may not drill into Bea's team, nor into Dana's, who is above Alex.
        var beaId = managers(org.director()).get(1).managerId();
        var danaId = managers(org.director()).get(2).managerId();
        assertThatThrownBy(() -> fx.as(org.managerA(), () -> progress.missing(cycleId, beaId, CycleStep.NOMINATION)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fx.as(org.managerA(), () -> progress.missing(cycleId, danaId, CycleStep.NOMINATION)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void progressTakesTheSameStatementsAndBindsTheSameValuesForSevenPeopleOrTheWholeOrganization() {
        var small = fx.as(org.director(), () -> progress.progress(cycleId));
        var whole = fx.as(DemoUsers.ADMIN, () -> progress.progress(cycleId));
        assertThat(small.totals().getFirst().total()).isEqualTo(7);
        assertThat(whole.totals().getFirst().total()).isGreaterThan(40);

        var smallRun = JdbcStatements.measure(() -> openTheScreen(org.director()));
        var wholeRun = JdbcStatements.measure(() -> openTheScreen(DemoUsers.ADMIN));
        System.out.printf(
                "Cycle progress statements: %d people %d (max bound %d), %d people %d (max bound %d)%n",
                small.totals().getFirst().total(),
                smallRun.count(),
                smallRun.maxBound(),
                whole.totals().getFirst().total(),
                wholeRun.count(),
                wholeRun.maxBound());
        assertThat(wholeRun.count()).as(wholeRun.listing()).isEqualTo(smallRun.count());
        // A page of managers binds at most its own ids, never the line's people.
        assertThat(wholeRun.maxBound()).as(wholeRun.listing()).isLessThanOrEqualTo(50);
    }

    /**
     * What the screen asks for: the totals, the first page of managers, one team's drill-down (the page's last team:
     * the director's own, so neither viewer needs the line-membership probe a manager's deeper drill-down adds).
     */
    private void openTheScreen(String viewer) {
        fx.as(viewer, () -> {
            progress.progress(cycleId);
            var page = progress.managers(cycleId, 0, 50);
            progress.managerCount();
            return progress.missing(cycleId, page.getLast().managerId(), CycleStep.NOMINATION);
        });
    }

    private static String text(List<StepProgress> steps, CycleStep step) {
        return steps.stream()
                .filter(s -> s.step() == step)
                .findFirst()
                .orElseThrow()
                .text();
    }

    private List<ManagerProgress> managers(String viewer) {
        return fx.as(viewer, () -> progress.managers(cycleId, 0, 50));
    }

    private List<String> missing(ManagerProgress manager, CycleStep step) {
        return fx.as(org.director(), () -> progress.missing(cycleId, manager.managerId(), step)).stream()
                .map(LineMember::fullName)
                .map(n -> n.substring(0, n.lastIndexOf(' ')))
                .toList();
    }
}
