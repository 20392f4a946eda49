package app.rungs.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rungs.audit.service.AuditFilter;
import app.rungs.audit.service.AuditService;
import app.rungs.evidence.service.EvidenceAuthoring;
import app.rungs.evidence.service.EvidenceReview;
import app.rungs.evidence.service.EvidenceService;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonEditingService;
import app.rungs.promotion.domain.CaseAction;
import app.rungs.promotion.domain.CaseStatus;
import app.rungs.promotion.domain.CommentKind;
import app.rungs.promotion.domain.SignOff;
import app.rungs.promotion.service.PromotionService;
import app.rungs.security.domain.Role;
import app.rungs.security.service.AccountService;
import app.rungs.security.service.SystemAuthentication;
import app.rungs.shared.service.NotFoundException;
import app.rungs.shared.service.ValidationException;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Every step of a promotion case, by every role: the table below is the specification of who may do what (written
 * out here on purpose, not derived from {@link CaseAction}), run against the real service.
 */
@IntegrationTest
class PromotionTransitionsTest {

    /** Who acts: an admin, the manager of the line, the case's engineer, a reviewer of the case, an outsider. */
    enum Who {
        ADMIN,
        LINE_MANAGER,
        ENGINEER,
        REVIEWER,
        OUTSIDER
    }

    enum Outcome {
        OK,
        DENIED,
        NOT_FOUND
    }

    /** An action and the status a case must be in for it. */
    enum Step {
        ACCEPT(CaseStatus.PROPOSED, CaseStatus.DRAFT),
        DECLINE(CaseStatus.PROPOSED, CaseStatus.DECLINED),
        EDIT(CaseStatus.DRAFT, CaseStatus.DRAFT),
        SUBMIT(CaseStatus.DRAFT, CaseStatus.SUBMITTED),
        START_CALIBRATION(CaseStatus.SUBMITTED, CaseStatus.IN_CALIBRATION),
        RETURN_TO_SUBMITTED(CaseStatus.IN_CALIBRATION, CaseStatus.SUBMITTED),
        RETURN_TO_DRAFT(CaseStatus.SUBMITTED, CaseStatus.DRAFT),
        APPROVE(CaseStatus.IN_CALIBRATION, CaseStatus.APPROVED),
        NOT_YET(CaseStatus.IN_CALIBRATION, CaseStatus.NOT_YET),
        WITHDRAW(CaseStatus.SUBMITTED, CaseStatus.WITHDRAWN),
        SIGN_OFF(CaseStatus.SUBMITTED, CaseStatus.SUBMITTED),
        COMMENT(CaseStatus.SUBMITTED, CaseStatus.SUBMITTED),
        COMMITTEE_NOTE(CaseStatus.SUBMITTED, CaseStatus.SUBMITTED);

        final CaseStatus from;
        final CaseStatus to;

        Step(CaseStatus from, CaseStatus to) {
            this.from = from;
            this.to = to;
        }
    }

    static Stream<Arguments> table() {
        var rows = new ArrayList<Arguments>();
        // Step, then the outcome for ADMIN, LINE_MANAGER, ENGINEER, REVIEWER, OUTSIDER.
        row(rows, Step.ACCEPT, "OK OK DENIED NOT_FOUND NOT_FOUND"); // a proposal has no reviewers yet
        row(rows, Step.DECLINE, "OK OK DENIED NOT_FOUND NOT_FOUND");
        row(rows, Step.EDIT, "OK OK DENIED DENIED NOT_FOUND");
        row(rows, Step.SUBMIT, "OK OK DENIED DENIED NOT_FOUND");
        row(rows, Step.START_CALIBRATION, "OK DENIED DENIED DENIED NOT_FOUND");
        row(rows, Step.RETURN_TO_SUBMITTED, "OK OK DENIED DENIED NOT_FOUND");
        row(rows, Step.RETURN_TO_DRAFT, "OK OK DENIED DENIED NOT_FOUND");
        row(rows, Step.APPROVE, "OK DENIED DENIED DENIED DENIED"); // admins only, checked before the case
        row(rows, Step.NOT_YET, "OK DENIED DENIED DENIED DENIED");
        row(rows, Step.WITHDRAW, "OK OK OK DENIED NOT_FOUND");
        row(rows, Step.SIGN_OFF, "DENIED DENIED DENIED OK NOT_FOUND");
        row(rows, Step.COMMENT, "OK OK OK OK NOT_FOUND");
        row(rows, Step.COMMITTEE_NOTE, "OK OK DENIED OK NOT_FOUND");
        return rows.stream();
    }

    private static void row(List<Arguments> rows, Step step, String outcomes) {
        var values = outcomes.split(" ");
        for (var who : Who.values()) {
            rows.add(Arguments.of(step, who, Outcome.valueOf(values[who.ordinal()])));
        }
    }

    @Autowired
    PromotionService promotions;

    @Autowired
    app.rungs.promotion.service.PromotionContent content;

    @Autowired
    app.rungs.promotion.service.PromotionReviews reviews;

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
    AuditService audit;

    static String manager;
    static String outsider;
    static String reviewer;
    PromotionFixtures fx;

    @BeforeEach
    void organization() {
        fx = new PromotionFixtures(
                people, peopleEditing, accounts, users, promotions, evidence, evidenceAuthoring, evidenceReview);
        if (manager == null) {
            manager = fx.newManager("Tara Lindgren");
            outsider = fx.newManager("Owen Castillo");
            reviewer = fx.newEngineer("Rosa Mbeki", "SPE-1", outsider);
        }
    }

    private String username(Who who, String engineer) {
        return switch (who) {
            case ADMIN -> DemoUsers.ADMIN;
            case LINE_MANAGER -> manager;
            case ENGINEER -> engineer;
            case REVIEWER -> reviewer;
            case OUTSIDER -> outsider;
        };
    }

    /** A fresh engineer's case (DSE-2 → DSE-3) in the given status, with the reviewer added once it is a draft. */
    private Long caseIn(CaseStatus status, String engineer) {
        var engineerId = fx.personOf(engineer);
        if (status == CaseStatus.PROPOSED) {
            return fx.as(engineer, () -> promotions.nominateSelf("DSE-3", "2026-H2", "I lead our storage design."));
        }
        var id = fx.as(
                manager, () -> promotions.nominate(engineerId, "DSE-3", "2026-H2", "Ready: leads storage design."));
        fx.run(manager, () -> reviews.addReviewer(id, fx.version(id), fx.personOf(reviewer)));
        if (status == CaseStatus.DRAFT) {
            return id;
        }
        fx.run(manager, () -> promotions.submit(id, fx.version(id), null));
        if (status == CaseStatus.SUBMITTED) {
            return id;
        }
        fx.run(DemoUsers.ADMIN, () -> promotions.startCalibration(id, fx.version(id), null));
        return id;
    }

    private void perform(Step step, Long id, long v) {
        switch (step) {
            case ACCEPT -> promotions.accept(id, v, null);
            case DECLINE -> promotions.decline(id, v, "Let's aim for next cycle.");
            case EDIT -> content.setNarrative(id, v, "fault-tolerance", "Led the partition drills.");
            case SUBMIT -> promotions.submit(id, v, null);
            case START_CALIBRATION -> promotions.startCalibration(id, v, null);
            case RETURN_TO_SUBMITTED -> promotions.returnForChanges(id, v, CaseStatus.SUBMITTED, "Add the design doc.");
            case RETURN_TO_DRAFT -> promotions.returnForChanges(id, v, CaseStatus.DRAFT, "Rework the narrative.");
            case APPROVE -> promotions.approve(id, v, LocalDate.now(), null);
            case NOT_YET -> promotions.notYet(id, v, "Needs cross-team design work.");
            case WITHDRAW -> promotions.withdraw(id, v, null);
            case SIGN_OFF -> reviews.signOff(id, SignOff.APPROVE, "Agreed.");
            case COMMENT -> reviews.comment(id, CommentKind.COMMENT, "A comment.");
            case COMMITTEE_NOTE -> reviews.comment(id, CommentKind.COMMITTEE_NOTE, "A committee note.");
        }
    }

    @ParameterizedTest(name = "{0} by {1}: {2}")
    @MethodSource("table")
    void whoMayTakeEachStep(Step step, Who who, Outcome expected) {
        var engineer = fx.newEngineer("Ezra Quinn", "DSE-2", manager);
        var id = caseIn(step.from, engineer);
        var v = fx.version(id);
        var user = username(who, engineer);

        switch (expected) {
            case OK -> {
                fx.run(user, () -> perform(step, id, v));
                var after = SystemAuthentication.call(() -> promotions.details(id));
                assertThat(after.status()).isEqualTo(step.to);
                switch (step) {
                    case EDIT ->
                        assertThat(after.packet().areas())
                                .anyMatch(a -> "Led the partition drills.".equals(a.narrative()));
                    case SIGN_OFF -> assertThat(after.reviewers()).anyMatch(r -> r.signOff() == SignOff.APPROVE);
                    case COMMENT, COMMITTEE_NOTE -> assertThat(after.comments()).hasSize(1);
                    default -> assertThat(after.timeline().getLast().to()).isEqualTo(step.to);
                }
            }
            case DENIED ->
                assertThatThrownBy(() -> fx.run(user, () -> perform(step, id, v)))
                        .isInstanceOf(AccessDeniedException.class);
            case NOT_FOUND ->
                assertThatThrownBy(() -> fx.run(user, () -> perform(step, id, v)))
                        .isInstanceOf(NotFoundException.class);
        }
        if (expected != Outcome.OK) {
            var after = SystemAuthentication.call(() -> promotions.details(id));
            assertThat(after.status()).isEqualTo(step.from);
            assertThat(after.version()).isEqualTo(v);
        }
    }

    @Test
    void eachStatusChangeIsOnTheTimelineAndInTheAuditLog() {
        var engineer = fx.newEngineer("Lior Adler", "DSE-2", manager);
        var id = caseIn(CaseStatus.SUBMITTED, engineer);
        var timeline = SystemAuthentication.call(() -> promotions.details(id)).timeline();
        assertThat(timeline).extracting(e -> e.action()).containsExactly(CaseAction.NOMINATE, CaseAction.SUBMIT);
        assertThat(timeline.getLast().from()).isEqualTo(CaseStatus.DRAFT);
        assertThat(timeline.getLast().actor()).isEqualTo(fx.nameOf(manager));
        var actions = SystemAuthentication.call(() -> audit.find(
                        new AuditFilter(null, null, "PromotionCase", String.valueOf(id), null, null),
                        PageRequest.of(0, 20)))
                .stream()
                .map(e -> e.action())
                .toList();
        assertThat(actions).contains("PROMOTION_NOMINATED", "PROMOTION_REVIEWER_ADDED", "PROMOTION_SUBMIT");
    }

    @Test
    void aStepFromTheWrongStatusIsRefusedWithAClearMessage() {
        var engineer = fx.newEngineer("Maren Holt", "DSE-2", manager);
        var id = caseIn(CaseStatus.SUBMITTED, engineer);
        assertThatThrownBy(() -> fx.run(manager, () -> promotions.submit(id, fx.version(id), null)))
                .isInstanceOf(ValidationException.class)
                .hasMessage("The case is submitted; \"Submit\" is possible only when it is draft.");
        assertThatThrownBy(() ->
                        fx.run(DemoUsers.ADMIN, () -> promotions.approve(id, fx.version(id), LocalDate.now(), null)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("possible only when it is in calibration");
    }

    @Test
    void inCalibrationTheContentIsFrozenUntilTheCaseIsReturnedForChanges() {
        var engineer = fx.newEngineer("Nils Berg", "DSE-2", manager);
        var id = caseIn(CaseStatus.IN_CALIBRATION, engineer);
        assertThatThrownBy(() -> fx.run(
                        manager, () -> content.setNarrative(id, fx.version(id), "fault-tolerance", "Late addition")))
                .isInstanceOf(ValidationException.class)
                .hasMessage("The case is in calibration, so its content is frozen. Return it for changes first.");
        assertThatThrownBy(() -> fx.run(manager, () -> reviews.addReviewer(id, fx.version(id), fx.personOf(outsider))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("frozen");

        assertThatThrownBy(() -> fx.run(
                        manager, () -> promotions.returnForChanges(id, fx.version(id), CaseStatus.SUBMITTED, " ")))
                .isInstanceOf(ValidationException.class)
                .hasMessage("Say what needs to change before the case comes back.");
        fx.run(
                manager,
                () -> promotions.returnForChanges(
                        id, fx.version(id), CaseStatus.SUBMITTED, "Add the fencing design review."));
        fx.run(manager, () -> content.setNarrative(id, fx.version(id), "fault-tolerance", "Late addition"));

        var managerView = fx.as(manager, () -> promotions.details(id));
        assertThat(managerView.status()).isEqualTo(CaseStatus.SUBMITTED);
        assertThat(managerView.packet().frozen()).isFalse();
        assertThat(managerView.timeline().getLast().note()).isEqualTo("Add the fencing design review.");
        // The reason for returning is between the manager and the committee.
        var engineerView = fx.as(engineer, () -> promotions.details(id));
        assertThat(engineerView.timeline().getLast().action()).isEqualTo(CaseAction.RETURN_TO_SUBMITTED);
        assertThat(engineerView.timeline().getLast().note()).isNull();
    }

    @Test
    void decliningASelfNominationNeedsAReasonTheEngineerReads() {
        var engineer = fx.newEngineer("Ines Duarte", "DSE-2", manager);
        var id = caseIn(CaseStatus.PROPOSED, engineer);
        assertThatThrownBy(() -> fx.run(manager, () -> promotions.decline(id, fx.version(id), "")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("Give the reason for declining");
        fx.run(manager, () -> promotions.decline(id, fx.version(id), "Let's build the design evidence first."));
        var view = fx.as(engineer, () -> promotions.details(id));
        assertThat(view.status()).isEqualTo(CaseStatus.DECLINED);
        assertThat(view.closingNote()).isEqualTo("Let's build the design evidence first.");
        assertThat(view.timeline().getLast().note()).isEqualTo("Let's build the design evidence first.");
    }

    @Test
    void notYetNeedsWrittenFeedback() {
        var engineer = fx.newEngineer("Pavel Novak", "DSE-2", manager);
        var id = caseIn(CaseStatus.IN_CALIBRATION, engineer);
        assertThatThrownBy(() -> fx.run(DemoUsers.ADMIN, () -> promotions.notYet(id, fx.version(id), "  ")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("Write the feedback");
        fx.run(DemoUsers.ADMIN, () -> promotions.notYet(id, fx.version(id), "Lead one cross-team design."));
        var view = fx.as(engineer, () -> promotions.details(id));
        assertThat(view.status()).isEqualTo(CaseStatus.NOT_YET);
        assertThat(view.closingNote()).isEqualTo("Lead one cross-team design.");
    }

    @Test
    void anAdminWhoIsTheEngineerOfACaseActsOnlyAsTheEngineer() {
        var adminEngineer = SystemAuthentication.call(() -> {
            var email = fx.newEngineer("Quinn Admin", "DSE-2", manager);
            var account = accounts.findByUsername(email).orElseThrow();
            accounts.update(
                    account.id(),
                    account.version(),
                    account.displayName(),
                    EnumSet.of(Role.ADMIN, Role.ENGINEER),
                    true);
            return email;
        });
        var id = caseIn(CaseStatus.IN_CALIBRATION, adminEngineer);
        assertThatThrownBy(() ->
                        fx.run(adminEngineer, () -> promotions.approve(id, fx.version(id), LocalDate.now(), null)))
                .isInstanceOf(AccessDeniedException.class);
        var own = fx.as(adminEngineer, () -> promotions.details(id));
        assertThat(own.may()).containsExactlyInAnyOrder(CaseAction.WITHDRAW, CaseAction.COMMENT);
    }

    @Test
    void aStaleVersionIsAConcurrentEdit() {
        var engineer = fx.newEngineer("Uma Reyes", "DSE-2", manager);
        var id = caseIn(CaseStatus.DRAFT, engineer);
        var stale = fx.version(id);
        fx.run(manager, () -> content.setNarrative(id, stale, "fault-tolerance", "First"));
        assertThatThrownBy(() -> fx.run(manager, () -> promotions.submit(id, stale, null)))
                .isInstanceOf(app.rungs.shared.service.ConcurrentEditException.class);
    }
}
