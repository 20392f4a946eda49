package app.rungs.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rungs.calibration.CalibrationFixtures;
import app.rungs.calibration.service.CalibrationSessions;
import app.rungs.growth.domain.GoalStatus;
import app.rungs.growth.domain.NoteKind;
import app.rungs.growth.service.GoalForm;
import app.rungs.growth.service.GrowthEditing;
import app.rungs.growth.service.GrowthPlans;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonEditingService;
import app.rungs.security.service.AccountService;
import app.rungs.shared.service.NotFoundException;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Growth plans are for the person and their manager chain: a colleague, a peer manager or a manager of another line
 * neither reads nor changes them, and learns nothing about whether the person or goal exists.
 */
@IntegrationTest
class GrowthPlanAttackTest {

    @Autowired
    GrowthPlans plans;

    @Autowired
    GrowthEditing editing;

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

    CalibrationFixtures fx;
    CalibrationFixtures.Org org;
    Long ada;
    Long goal;

    @BeforeEach
    void planWithAGoal() {
        fx = new CalibrationFixtures(people, peopleEditing, accounts, users, sessions);
        org = fx.org();
        ada = org.person("Ada");
        var competency = fx.as(org.engineer("Ada"), () -> plans.plan(ada))
                .competencies()
                .getFirst()
                .key();
        goal = fx.as(
                org.engineer("Ada"),
                () -> editing.addGoal(
                        ada,
                        new GoalForm(competency, "Private goal", LocalDate.now().plusMonths(1), Set.of())));
    }

    @Test
    void aColleagueReadingAnotherEngineersPlanGetsNotFound() {
        assertThatThrownBy(() -> fx.as(org.engineer("Ben"), () -> plans.plan(ada)))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("Person not found");
    }

    @Test
    void aPeerManagerOutsideTheLineReadsNothingAndCannotWriteANoteOrComment() {
        assertThatThrownBy(() -> fx.as(org.managerB(), () -> plans.plan(ada))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fx.run(org.managerB(), () -> editing.addNote(goal, NoteKind.COMMENT, "Sneaky")))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("Goal not found");
        assertThatThrownBy(() -> fx.run(DemoUsers.MANAGER, () -> editing.addNote(goal, NoteKind.PROGRESS, "Sneaky")))
                .isInstanceOf(NotFoundException.class);
        assertThat(fx.as(org.engineer("Ada"), () -> plans.plan(ada))
                        .goals()
                        .getFirst()
                        .notes())
                .isEmpty();
    }

    @Test
    void anOutsiderChangingAGoalOrAddingOneIsRefusedAndNothingChanges() {
        var version = fx.as(org.engineer("Ada"), () -> plans.plan(ada))
                .goals()
                .getFirst()
                .version();
        assertThatThrownBy(
                        () -> fx.run(org.engineer("Dev"), () -> editing.setStatus(goal, version, GoalStatus.DROPPED)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fx.as(
                        org.managerB(),
                        () -> editing.addGoal(
                                ada,
                                new GoalForm(
                                        "x", "Planted goal", LocalDate.now().plusMonths(1), Set.of()))))
                .isInstanceOf(NotFoundException.class);
        var plan = fx.as(org.engineer("Ada"), () -> plans.plan(ada));
        assertThat(plan.goals())
                .singleElement()
                .satisfies(g -> assertThat(g.status()).isEqualTo(GoalStatus.OPEN));
    }

    @Test
    void anAdminReadsThePlanButDoesNotEditItOutsideTheirLine() {
        var plan = fx.as(DemoUsers.ADMIN, () -> plans.plan(ada));
        assertThat(plan.goals()).hasSize(1);
        assertThat(plan.mayEdit()).isFalse();
        assertThatThrownBy(() -> fx.run(DemoUsers.ADMIN, () -> editing.addNote(goal, NoteKind.PROGRESS, "Admin")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void theWholeManagerChainEditsTheDirectorIncluded() {
        var version = fx.as(org.engineer("Ada"), () -> plans.plan(ada))
                .goals()
                .getFirst()
                .version();
        fx.run(org.director(), () -> editing.setStatus(goal, version, GoalStatus.DONE));
        assertThat(fx.as(org.managerA(), () -> plans.plan(ada))
                        .goals()
                        .getFirst()
                        .status())
                .isEqualTo(GoalStatus.DONE);
    }
}
