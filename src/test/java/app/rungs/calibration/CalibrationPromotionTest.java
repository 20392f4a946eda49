package app.rungs.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rungs.calibration.domain.Decision;
import app.rungs.calibration.domain.SessionStatus;
import app.rungs.calibration.service.BoardEntries;
import app.rungs.calibration.service.BoardEntry;
import app.rungs.calibration.service.CalibrationBoard;
import app.rungs.calibration.service.CalibrationOutcomes;
import app.rungs.calibration.service.CalibrationPreparation;
import app.rungs.calibration.service.CalibrationSessions;
import app.rungs.calibration.service.EntryEdit;
import app.rungs.calibration.service.SessionLifecycle;
import app.rungs.people.domain.AssignmentReason;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonEditingService;
import app.rungs.promotion.domain.CaseStatus;
import app.rungs.promotion.service.PromotionService;
import app.rungs.security.service.AccountService;
import app.rungs.security.service.SystemAuthentication;
import app.rungs.shared.service.ValidationException;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Promotion cases in a session: linked when the session is created, moved into calibration when it starts,
 * decided by the committee and applied atomically when an admin publishes.
 */
@IntegrationTest
class CalibrationPromotionTest {

    @Autowired
    BoardEntries boardEntries;

    @Autowired
    CalibrationBoard boards;

    @Autowired
    CalibrationOutcomes calibrationOutcomes;

    @Autowired
    CalibrationPreparation preparations;

    @Autowired
    CalibrationSessions sessions;

    @Autowired
    SessionLifecycle lifecycle;

    @Autowired
    PromotionService promotions;

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
    String cycle;
    Long benCase;
    Long cyCase;
    Long id;

    @BeforeEach
    void sessionWithTwoSubmittedCases() {
        fx = new CalibrationFixtures(people, peopleEditing, accounts, users, sessions);
        org = fx.org();
        // A cycle of its own, so that no other test's cases are found.
        cycle = "T-" + UUID.randomUUID().toString().substring(0, 8);
        benCase = submittedCase("Ben", "DSE-3");
        cyCase = submittedCase("Cy", "DSE-3");
        id = fx.session(org, cycle);
        for (var manager : List.of(org.managerA(), org.managerB())) {
            fx.run(manager, () -> {
                for (var e : preparations.preparation(id).mine()) {
                    boardEntries.propose(e.id(), e.version(), "Meets", "Solid half.");
                }
            });
        }
    }

    private Long submittedCase(String engineer, String target) {
        return fx.as(org.managerA(), () -> {
            var caseId = promotions.nominate(
                    org.person(engineer), target, cycle, engineer + " works at the next level already.");
            promotions.submit(caseId, promotions.details(caseId).version(), null);
            return caseId;
        });
    }

    private long version() {
        return fx.as(org.director(), () -> sessions.session(id).version());
    }

    private BoardEntry entry(String firstName) {
        return fx.as(org.director(), () -> boards.board(id).entries()).stream()
                .filter(e -> e.personId().equals(org.person(firstName)))
                .findFirst()
                .orElseThrow();
    }

    private CaseStatus status(Long caseId) {
        return SystemAuthentication.call(() -> promotions.details(caseId).status());
    }

    private void decide(String firstName, Decision decision, String feedback) {
        var e = entry(firstName);
        fx.as(
                org.managerB(),
                () -> boardEntries.edit(
                        e.id(),
                        e.version(),
                        EntryEdit.of(e).withDecision(decision).withFeedback(feedback)));
    }

    @Test
    void theCasesOfTheCycleAreLinkedAndStartingTheSessionMovesThemIntoCalibration() {
        var board = fx.as(org.director(), () -> boards.board(id));
        assertThat(entry("Ben").caseId()).isEqualTo(benCase);
        assertThat(entry("Ben").caseTargetLevel()).isEqualTo("DSE-3");
        assertThat(entry("Ben").decision()).isNull();
        assertThat(entry("Ada").decision()).isEqualTo(Decision.NO_CASE);
        assertThat(board.cases().get(org.person("Ben")).status()).isEqualTo(CaseStatus.SUBMITTED);
        // Readiness is measured against the case's target level, else the next level.
        assertThat(board.readiness().get(org.person("Ben")).levelKey()).isEqualTo("DSE-3");
        assertThat(board.readiness().get(org.person("Ada")).levelKey()).isEqualTo("SPE-1");

        // The facilitator is a manager, not an admin: the session moves the cases on their behalf.
        fx.run(org.director(), () -> lifecycle.start(id, version()));
        assertThat(status(benCase)).isEqualTo(CaseStatus.IN_CALIBRATION);
        assertThat(status(cyCase)).isEqualTo(CaseStatus.IN_CALIBRATION);
        var timeline =
                SystemAuthentication.call(() -> promotions.details(benCase).timeline());
        assertThat(timeline.getLast().note()).contains("started by Dana Director");
        assertThat(fx.as(org.director(), () -> boards.history(entry("Ben").id())))
                .anySatisfy(c -> assertThat(c.to()).isEqualTo("Meets"));
    }

    @Test
    void publishingAppliesTheDecisionsThroughThePromotionFeature() {
        fx.run(org.director(), () -> lifecycle.start(id, version()));
        var ada = entry("Ada");
        assertThatThrownBy(() -> fx.as(
                        org.managerA(),
                        () -> boardEntries.edit(
                                ada.id(), ada.version(), EntryEdit.of(ada).withDecision(Decision.PROMOTE))))
                .hasMessageContaining("has no promotion case in calibration in this session");
        assertThatThrownBy(() -> fx.run(org.director(), () -> lifecycle.lock(id, version())))
                .hasMessageContaining("Decide the promotion case of ");
        decide("Ben", Decision.PROMOTE, null);
        decide("Cy", Decision.NOT_YET, null);
        assertThatThrownBy(() -> fx.run(org.director(), () -> lifecycle.lock(id, version())))
                .hasMessageContaining("Write the feedback for ")
                .hasMessageContaining("a \"not yet\" decision is explained to the engineer");
        decide("Cy", Decision.NOT_YET, "Lead one cross-team design before the next cycle.");
        fx.run(org.director(), () -> lifecycle.lock(id, version()));

        var effective = LocalDate.now().plusDays(10);
        fx.run(DemoUsers.ADMIN, () -> lifecycle.publish(id, version(), effective));

        assertThat(status(benCase)).isEqualTo(CaseStatus.APPROVED);
        assertThat(status(cyCase)).isEqualTo(CaseStatus.NOT_YET);
        var ben = SystemAuthentication.call(() -> people.details(org.person("Ben")));
        assertThat(ben.history().getFirst()).satisfies(h -> {
            assertThat(h.levelKey()).isEqualTo("DSE-3");
            assertThat(h.effectiveDate()).isEqualTo(effective);
            assertThat(h.reason()).isEqualTo(AssignmentReason.PROMOTION);
            assertThat(h.promotionCaseId()).isEqualTo(benCase);
        });
        assertThat(fx.as(org.engineer("Ben"), () -> calibrationOutcomes.myOutcomes()))
                .singleElement()
                .satisfies(o -> {
                    assertThat(o.decision()).isEqualTo(Decision.PROMOTE);
                    assertThat(o.targetLevelKey()).isEqualTo("DSE-3");
                    assertThat(o.effectiveDate()).isEqualTo(effective);
                });
        assertThat(fx.as(org.engineer("Cy"), () -> calibrationOutcomes.myOutcomes()))
                .singleElement()
                .satisfies(o -> {
                    assertThat(o.decision()).isEqualTo(Decision.NOT_YET);
                    assertThat(o.feedback()).isEqualTo("Lead one cross-team design before the next cycle.");
                });
        // After publishing, the board still shows the (now decided) cases.
        assertThat(fx.as(org.director(), () -> boards.board(id))
                        .cases()
                        .get(org.person("Ben"))
                        .status())
                .isEqualTo(CaseStatus.APPROVED);
    }

    @Test
    void publishingIsAtomicWhenOneDecisionCannotBeApplied() {
        fx.run(org.director(), () -> lifecycle.start(id, version()));
        decide("Ben", Decision.PROMOTE, null);
        decide("Cy", Decision.PROMOTE, null);
        fx.run(org.director(), () -> lifecycle.lock(id, version()));
        // Cy's case is withdrawn after the session was locked: it can no longer be approved.
        fx.run(
                org.managerA(),
                () -> promotions.withdraw(
                        cyCase,
                        SystemAuthentication.call(
                                () -> promotions.details(cyCase).version()),
                        "Moving teams."));
        var levelBefore = SystemAuthentication.call(
                () -> people.details(org.person("Ben")).levelKey());

        assertThatThrownBy(() -> fx.run(DemoUsers.ADMIN, () -> lifecycle.publish(id, version(), LocalDate.now())))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("Could not apply the decision for Test Cy")
                .hasMessageEndingWith("Nothing was published.");

        assertThat(fx.as(org.director(), () -> sessions.session(id)).status()).isEqualTo(SessionStatus.LOCKED);
        assertThat(status(benCase)).as("Ben's approval was rolled back").isEqualTo(CaseStatus.IN_CALIBRATION);
        assertThat(SystemAuthentication.call(
                        () -> people.details(org.person("Ben")).levelKey()))
                .isEqualTo(levelBefore);
        assertThat(fx.as(org.engineer("Ben"), () -> calibrationOutcomes.myOutcomes()))
                .isEmpty();
    }
}
