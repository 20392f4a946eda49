package app.rungs.growth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import app.rungs.calibration.CalibrationFixtures;
import app.rungs.calibration.service.CalibrationSessions;
import app.rungs.evidence.service.EvidenceFilter;
import app.rungs.evidence.service.EvidenceService;
import app.rungs.growth.domain.GoalStatus;
import app.rungs.growth.domain.NoteKind;
import app.rungs.growth.service.GoalForm;
import app.rungs.growth.service.GrowthEditing;
import app.rungs.growth.service.GrowthPlan;
import app.rungs.growth.service.GrowthPlans;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonEditingService;
import app.rungs.promotion.service.PacketInputSource;
import app.rungs.security.service.AccountService;
import app.rungs.shared.service.ConcurrentEditException;
import app.rungs.shared.service.ValidationException;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Growth plans: goals tied to the next level, validation, notes and comments, conflicts, and the packet section. */
@IntegrationTest
class GrowthPlansTest {

    @Autowired
    GrowthPlans plans;

    @Autowired
    GrowthEditing editing;

    @Autowired
    List<PacketInputSource> packetSources;

    @Autowired
    EvidenceService evidence;

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

    @BeforeEach
    void organization() {
        fx = new CalibrationFixtures(people, peopleEditing, accounts, users, sessions);
        org = fx.org();
        ada = org.person("Ada");
    }

    private GrowthPlan plan(String user) {
        return fx.as(user, () -> plans.plan(ada));
    }

    private Long addGoal(String user, String title) {
        var competency = plan(user).competencies().getFirst().key();
        return fx.as(
                user,
                () -> editing.addGoal(
                        ada, new GoalForm(competency, title, LocalDate.now().plusMonths(2), Set.of())));
    }

    @Test
    void goalsAreTiedToCompetenciesOfTheNextLevel() {
        var plan = plan(org.engineer("Ada"));
        assertThat(plan.targetLevels()).containsExactly("SPE-1");
        assertThat(plan.competencies())
                .isNotEmpty()
                .allSatisfy(c -> assertThat(c.levelKey()).isEqualTo("SPE-1"));
        assertThat(plan.mayEdit()).isTrue();
        assertThat(plan.mayComment()).isFalse();

        var id = addGoal(org.engineer("Ada"), "Lead the storage migration design");
        var goal = plan(org.managerA()).goals().getFirst();
        assertThat(goal.id()).isEqualTo(id);
        assertThat(goal.levelKey()).isEqualTo("SPE-1");
        assertThat(goal.status()).isEqualTo(GoalStatus.OPEN);
        assertThat(goal.competencyName())
                .isEqualTo(plan.competencies().getFirst().name());
    }

    @Test
    void badInputIsRefusedWithAClearMessageAndChangesNothing() {
        var user = org.engineer("Ada");
        var competency = plan(user).competencies().getFirst().key();
        var future = LocalDate.now().plusMonths(1);
        assertThatThrownBy(() -> fx.as(
                        user, () -> editing.addGoal(ada, new GoalForm("no-such-competency", "T", future, Set.of()))))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("Choose a competency of SPE-1, the level Test Ada");
        assertThatThrownBy(() -> fx.as(user, () -> editing.addGoal(ada, new GoalForm(competency, " ", future, null))))
                .hasMessage("Give the goal a title of 1 to 200 characters.");
        assertThatThrownBy(() -> fx.as(
                        user,
                        () -> editing.addGoal(
                                ada,
                                new GoalForm(competency, "Late", LocalDate.now().minusDays(1), null))))
                .hasMessageEndingWith("is in the past; choose today or later.");
        assertThatThrownBy(() ->
                        fx.as(user, () -> editing.addGoal(ada, new GoalForm(competency, "No date", null, null))))
                .hasMessage("Set a target date for the goal.");
        // Someone else's evidence cannot be linked.
        var lenas = fx.as(
                DemoUsers.ENGINEER,
                () -> evidence.find(null, new EvidenceFilter(null, null, null, null), PageRequest.of(0, 1)));
        assertThat(lenas).isNotEmpty();
        assertThatThrownBy(() -> fx.as(
                        user,
                        () -> editing.addGoal(
                                ada,
                                new GoalForm(
                                        competency,
                                        "Borrowed",
                                        future,
                                        Set.of(lenas.getFirst().id())))))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("A goal links only Test Ada");
        assertThat(plan(user).goals()).isEmpty();
    }

    @Test
    void notesKeepTheirOrderAndOnlyManagersComment() {
        var id = addGoal(org.engineer("Ada"), "Run the chaos day");
        fx.run(org.engineer("Ada"), () -> editing.addNote(id, NoteKind.PROGRESS, "Picked the scenarios."));
        fx.run(org.director(), () -> editing.addNote(id, NoteKind.COMMENT, "Include the failover drill."));
        fx.run(org.managerA(), () -> editing.addNote(id, NoteKind.PROGRESS, "Booked the day."));
        assertThatThrownBy(() -> fx.run(org.engineer("Ada"), () -> editing.addNote(id, NoteKind.COMMENT, "Me")))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("Only the managers of Test Ada");
        assertThatThrownBy(() -> fx.run(org.engineer("Ada"), () -> editing.addNote(id, NoteKind.PROGRESS, "  ")))
                .hasMessage("Write a note of 1 to 4000 characters.");

        var notes = plan(org.engineer("Ada")).goals().getFirst().notes();
        assertThat(notes)
                .extracting(GrowthPlan.Note::kind, GrowthPlan.Note::body)
                .containsExactly(
                        tuple(NoteKind.PROGRESS, "Picked the scenarios."),
                        tuple(NoteKind.COMMENT, "Include the failover drill."),
                        tuple(NoteKind.PROGRESS, "Booked the day."));
        assertThat(notes.get(1).authorName()).startsWith("Dana Director");
    }

    @Test
    void aStaleVersionIsAConflictAndChangesNothing() {
        var id = addGoal(org.engineer("Ada"), "Mentor two engineers");
        var stale = plan(org.engineer("Ada")).goals().getFirst().version();
        fx.run(org.managerA(), () -> editing.setStatus(id, stale, GoalStatus.DONE));
        assertThatThrownBy(() -> fx.run(org.engineer("Ada"), () -> editing.setStatus(id, stale, GoalStatus.DROPPED)))
                .isInstanceOf(ConcurrentEditException.class)
                .hasMessageStartingWith("The goal \"Mentor two engineers\" was changed by someone else");
        assertThat(plan(org.engineer("Ada")).goals().getFirst().status()).isEqualTo(GoalStatus.DONE);
    }

    @Test
    void thePromotionPacketShowsTheGoalsThatWereNotDropped() {
        var kept = addGoal(org.engineer("Ada"), "Ship the rebalancer");
        var dropped = addGoal(org.engineer("Ada"), "Rewrite the gossip layer");
        fx.run(org.engineer("Ada"), () -> editing.addNote(kept, NoteKind.PROGRESS, "Canary is green."));
        var version = plan(org.engineer("Ada")).goals().stream()
                .filter(g -> g.id().equals(dropped))
                .findFirst()
                .orElseThrow()
                .version();
        fx.run(org.engineer("Ada"), () -> editing.setStatus(dropped, version, GoalStatus.DROPPED));

        var section = fx.as(
                org.managerA(),
                () -> packetSources.stream()
                        .map(s -> s.section(
                                new PacketInputSource.Request(ada, null, null, PacketInputSource.Audience.REVIEWERS)))
                        .flatMap(java.util.Optional::stream)
                        .filter(s -> s.title().equals("Growth plan"))
                        .findFirst()
                        .orElseThrow());
        assertThat(section.summary()).isEqualTo("0 of 1 goals done");
        assertThat(section.items()).singleElement().satisfies(item -> {
            assertThat(item.text()).startsWith("Ship the rebalancer — open, target ");
            assertThat(item.detail()).endsWith(": Canary is green.");
        });
    }
}
