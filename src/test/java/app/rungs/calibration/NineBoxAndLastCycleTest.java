package app.rungs.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rungs.calibration.domain.Potential;
import app.rungs.calibration.service.BoardEntries;
import app.rungs.calibration.service.CalibrationBoard;
import app.rungs.calibration.service.CalibrationSessions;
import app.rungs.calibration.service.LastCycleChange;
import app.rungs.calibration.service.NewSession;
import app.rungs.calibration.service.NineBox;
import app.rungs.calibration.service.NineBoxes;
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
import java.util.HashMap;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The 9-box of a session that rates potential, and last cycle's outcome with the direction of change. */
@IntegrationTest
class NineBoxAndLastCycleTest {

    @Autowired
    NineBoxes nineBoxes;

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
    EntityManagerFactory emf;

    FairCalibrationFixtures fair;
    CalibrationFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new CalibrationFixtures(people, editing, accounts, users, sessions);
        fair = new FairCalibrationFixtures(fx, sessions, boards, entries, lifecycle, potentials, settings);
    }

    private static java.util.List<String> firstNames(NineBox.Cell cell) {
        return cell.people().stream().map(p -> p.name().split(" ")[1]).toList();
    }

    @Test
    void everyoneIsPlacedByTheirRatingBandAndPotential() {
        var s = fair.inSession();
        var box = fx.as(DemoUsers.ADMIN, () -> nineBoxes.nineBox(s.sessionId()));
        // The default scale folds into Low: Below, Medium: Meets, High: Exceeds and Greatly exceeds.
        assertThat(box.bands())
                .extracting(NineBox.Band::ratings)
                .containsExactly(
                        java.util.List.of("Below"),
                        java.util.List.of("Meets"),
                        java.util.List.of("Exceeds", "Greatly exceeds"));
        assertThat(firstNames(box.cell(Potential.HIGH, 2))).containsExactly("Ada", "Ada", "Eve", "Eve");
        assertThat(firstNames(box.cell(Potential.MEDIUM, 1))).containsExactly("Ben", "Ben", "Cy", "Cy");
        assertThat(firstNames(box.cell(Potential.LOW, 0))).containsExactly("Dev", "Dev");
        assertThat(box.placed()).isEqualTo(10);
        assertThat(box.unplaced()).isEmpty();
        assertThat(box.cells()).hasSize(9);
        // Reading order: high potential first, low performance first.
        assertThat(box.cells().getFirst().potential()).isEqualTo(Potential.HIGH);
        assertThat(box.cells().getFirst().band().index()).isZero();
    }

    @Test
    void clearingAPotentialMovesTheEngineerOutOfTheBoxAndIntoTheHistory() {
        var s = fair.inSession();
        var ada = fair.board(s.sessionId()).stream()
                .filter(e -> e.personId().equals(s.one().person("Ada")))
                .findFirst()
                .orElseThrow();
        fx.run(DemoUsers.ADMIN, () -> potentials.ratePotential(ada.id(), ada.version(), null));
        var box = fx.as(DemoUsers.ADMIN, () -> nineBoxes.nineBox(s.sessionId()));
        assertThat(box.unplaced())
                .extracting(NineBox.Person::personId)
                .containsExactly(s.one().person("Ada"));
        assertThat(fx.as(DemoUsers.ADMIN, () -> boards.history(ada.id())))
                .anySatisfy(c -> assertThat(c.field().label()).isEqualTo("Potential"));
    }

    @Test
    void aManagerWhileTheSessionPreparesSeesOnlyTheirOwnPeopleInTheBox() {
        var org = fx.org();
        var id = fx.session(org, "2026-H2");
        fx.run(org.director(), () -> potentials.ratePotentialIn(id, true, fair.version(id)));
        fx.run(org.managerB(), () -> {
            for (var e : boards.board(id).entries()) {
                entries.propose(e.id(), e.version(), "Meets", "Steady.");
            }
        });
        var box = fx.as(org.managerB(), () -> nineBoxes.nineBox(id));
        // Potential is rated in session, so everyone is still unplaced; Bea sees only Dev and Eve.
        assertThat(box.unplaced())
                .extracting(NineBox.Person::personId)
                .containsExactlyInAnyOrder(org.person("Dev"), org.person("Eve"));
        assertThat(box.placed()).isZero();
    }

    @Test
    void onlyTheFacilitatorOrAnAdminSwitchesPotentialOnAndOnlyInSessionIsItRated() {
        var org = fx.org();
        var id = fx.session(org, "2026-H2");
        assertThatThrownBy(() -> fx.run(org.managerA(), () -> potentials.ratePotentialIn(id, true, fair.version(id))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fx.as(org.director(), () -> nineBoxes.nineBox(id)))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("This session does not rate potential");
        var entry =
                fair.fx().as(org.director(), () -> boards.board(id)).entries().getFirst();
        assertThatThrownBy(() -> fx.run(
                        org.director(), () -> potentials.ratePotential(entry.id(), entry.version(), Potential.HIGH)))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("This session does not rate potential");
        fx.run(org.director(), () -> potentials.ratePotentialIn(id, true, fair.version(id)));
        var fresh =
                fair.fx().as(org.director(), () -> boards.board(id)).entries().getFirst();
        // Preparing: potential is rated in session, like the final rating.
        assertThatThrownBy(() -> fx.run(
                        org.director(), () -> potentials.ratePotential(fresh.id(), fresh.version(), Potential.HIGH)))
                .isInstanceOf(ValidationException.class);
        assertThat(fair.fx().as(org.director(), () -> sessions.session(id)).potentialRated())
                .isTrue();
    }

    @Test
    void lastCyclesOutcomeAndTheDirectionOfChangeMatchAHandComputedFixture() {
        // Last cycle (published): Ada Exceeds, Ben Meets, Cy Meets, Dev Below, Eve Greatly exceeds.
        var last = fair.locked();
        fair.publish(last.sessionId());
        // This cycle, team one proposes: Ada Meets (down), Ben Exceeds (up), Cy Meets (same), Dev Below (same), Eve
        // nothing yet (no direction).
        var id = fx.as(
                DemoUsers.ADMIN,
                () -> sessions.create(new NewSession(
                        "Next " + last.sessionId(), "2027-H1", Set.of(last.one().teamId()), Set.of(), Set.of(), null)));
        var now = new HashMap<String, String>();
        now.put("Ada", "Meets");
        now.put("Ben", "Exceeds");
        now.put("Cy", "Meets");
        now.put("Dev", "Below");
        fx.run(DemoUsers.ADMIN, () -> {
            for (var e : boards.board(id).entries()) {
                var rating = now.get(FairCalibrationFixtures.firstName(e));
                if (rating != null) {
                    entries.propose(e.id(), e.version(), rating, "This half.");
                }
            }
        });
        var counter = new StatementCounter(emf);
        long statements = counter.count(() -> fx.as(DemoUsers.ADMIN, () -> boards.board(id)));
        var board = fx.as(DemoUsers.ADMIN, () -> boards.board(id));
        var changes = new HashMap<String, String>();
        for (var e : board.entries()) {
            var outcome = board.lastCycle().get(e.personId());
            assertThat(outcome.cycle()).isEqualTo("2026-H2");
            assertThat(outcome.rating())
                    .isEqualTo(FairCalibrationFixtures.RATINGS.get(FairCalibrationFixtures.firstName(e)));
            changes.put(
                    FairCalibrationFixtures.firstName(e),
                    outcome.change(board.session().scale(), e.proposedRating())
                            .map(LastCycleChange::name)
                            .orElse("none"));
        }
        assertThat(changes)
                .containsExactlyInAnyOrderEntriesOf(
                        java.util.Map.of("Ada", "DOWN", "Ben", "UP", "Cy", "SAME", "Dev", "SAME", "Eve", "none"));
        // The last cycle is one set-based read among the board's: within the board's budget.
        System.out.printf("Board with last cycle: %d statements%n", statements);
        assertThat(statements).isLessThanOrEqualTo(BoardStatementCountTest.BUDGET);
    }

    @Test
    void aRatingOnAnotherScaleComparesByItsPlaceOnTheScale() {
        var outcome = new app.rungs.calibration.service.Board.LastOutcome("2026-H1", "Meets", null, 1, 4);
        var threePoint = java.util.List.of("Low", "Solid", "Strong");
        // Meets is 1/3 of the way up a four-point scale; Solid is halfway up a three-point one.
        assertThat(outcome.change(threePoint, "Solid")).contains(LastCycleChange.UP);
        assertThat(outcome.change(threePoint, "Low")).contains(LastCycleChange.DOWN);
        assertThat(outcome.change(threePoint, null)).isEmpty();
    }
}
