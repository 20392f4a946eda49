package app.rungs.promotion.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The promotion state machine without Spring: who may do what from which status, and what a refusal says. */
class CaseActionTest {

    private static final Set<CaseRole> ADMIN = EnumSet.of(CaseRole.ADMIN);
    private static final Set<CaseRole> MANAGER = EnumSet.of(CaseRole.LINE_MANAGER);
    private static final Set<CaseRole> ENGINEER = EnumSet.of(CaseRole.ENGINEER);
    private static final Set<CaseRole> REVIEWER = EnumSet.of(CaseRole.REVIEWER);
    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");

    @Test
    void nobodyUnrelatedToACaseLearnsItExists() {
        for (var action : CaseAction.values()) {
            assertThat(action.check(CaseStatus.DRAFT, Set.of())).isEqualTo(CaseAction.Refusal.NOT_VISIBLE);
        }
    }

    @Test
    void theEngineerMayOnlyWithdrawAndCommentOnTheirOwnCase() {
        assertThat(CaseAction.allowed(CaseStatus.SUBMITTED, ENGINEER))
                .containsExactlyInAnyOrder(CaseAction.WITHDRAW, CaseAction.COMMENT);
        assertThat(CaseAction.SUBMIT.check(CaseStatus.DRAFT, ENGINEER)).isEqualTo(CaseAction.Refusal.NOT_PERMITTED);
        assertThat(CaseAction.COMMITTEE_NOTE.check(CaseStatus.SUBMITTED, ENGINEER))
                .isEqualTo(CaseAction.Refusal.NOT_PERMITTED);
    }

    @Test
    void onlyAdminsMoveCasesIntoCalibrationAndDecide() {
        for (var action : EnumSet.of(CaseAction.START_CALIBRATION, CaseAction.APPROVE, CaseAction.NOT_YET)) {
            assertThat(action.check(action.from().iterator().next(), MANAGER))
                    .as(action.name())
                    .isEqualTo(CaseAction.Refusal.NOT_PERMITTED);
            assertThat(action.check(action.from().iterator().next(), ADMIN))
                    .as(action.name())
                    .isEqualTo(CaseAction.Refusal.NONE);
        }
    }

    @Test
    void approvalNeedsTheCaseInCalibration() {
        assertThat(CaseAction.APPROVE.check(CaseStatus.SUBMITTED, ADMIN)).isEqualTo(CaseAction.Refusal.WRONG_STATUS);
        assertThat(CaseAction.APPROVE.wrongStatusMessage(CaseStatus.SUBMITTED))
                .isEqualTo("The case is submitted; \"Approve\" is possible only when it is in calibration.");
    }

    @Test
    void theContentIsFrozenInCalibrationWithAMessageThatSaysHowToChangeIt() {
        assertThat(CaseAction.EDIT.check(CaseStatus.IN_CALIBRATION, MANAGER))
                .isEqualTo(CaseAction.Refusal.WRONG_STATUS);
        assertThat(CaseAction.EDIT.wrongStatusMessage(CaseStatus.IN_CALIBRATION))
                .contains("frozen")
                .contains("Return it for changes first");
        assertThat(CaseAction.EDIT.check(CaseStatus.SUBMITTED, MANAGER)).isEqualTo(CaseAction.Refusal.NONE);
    }

    @Test
    void onlyReviewersSignOffAndOnlyWhileTheCaseIsBeforeTheCommittee() {
        assertThat(CaseAction.SIGN_OFF.check(CaseStatus.SUBMITTED, REVIEWER)).isEqualTo(CaseAction.Refusal.NONE);
        assertThat(CaseAction.SIGN_OFF.check(CaseStatus.DRAFT, REVIEWER)).isEqualTo(CaseAction.Refusal.WRONG_STATUS);
        assertThat(CaseAction.SIGN_OFF.check(CaseStatus.SUBMITTED, ADMIN)).isEqualTo(CaseAction.Refusal.NOT_PERMITTED);
    }

    @ParameterizedTest
    @EnumSource(
            value = CaseAction.class,
            names = {"DECLINE", "NOT_YET", "RETURN_TO_DRAFT", "RETURN_TO_SUBMITTED", "COMMENT", "COMMITTEE_NOTE"})
    void stepsThatNeedANoteRefuseABlankOne(CaseAction action) {
        assertThat(action.lacksNote(null)).isTrue();
        assertThat(action.lacksNote("  ")).isTrue();
        assertThat(action.lacksNote("Because.")).isFalse();
        assertThat(action.missingNoteMessage("Lena", "DSE-3")).isNotBlank();
    }

    @Test
    void optionalNotesMayBeLeftOut() {
        assertThat(CaseAction.SUBMIT.lacksNote(null)).isFalse();
        assertThat(CaseAction.APPROVE.lacksNote("")).isFalse();
        assertThat(CaseAction.DECLINE.missingNoteMessage("Lena", "DSE-3")).contains("Lena knows why");
        assertThat(CaseAction.NOT_YET.missingNoteMessage("Lena", "DSE-3")).contains("missing for DSE-3");
    }

    @Test
    void aCaseIsReturnedToSubmittedOrToDraftOnly() {
        assertThat(CaseAction.returnTo(CaseStatus.SUBMITTED)).contains(CaseAction.RETURN_TO_SUBMITTED);
        assertThat(CaseAction.returnTo(CaseStatus.DRAFT)).contains(CaseAction.RETURN_TO_DRAFT);
        assertThat(CaseAction.returnTo(CaseStatus.APPROVED)).isEmpty();
        assertThat(CaseAction.returnTo(null)).isEmpty();
    }

    @Test
    void theEngineerReadsDecisionsButNotTheReasonsForReturningTheirCase() {
        assertThat(CaseAction.NOT_YET.noteShownToEngineer()).isTrue();
        assertThat(CaseAction.DECLINE.noteShownToEngineer()).isTrue();
        assertThat(CaseAction.RETURN_TO_DRAFT.noteShownToEngineer()).isFalse();
        assertThat(CaseAction.RETURN_TO_SUBMITTED.noteShownToEngineer()).isFalse();
    }

    @Test
    void aCaseMovesOnlyAlongTheTable() {
        var c = newCase(CaseStatus.DRAFT);
        c.take(CaseAction.SUBMIT, MANAGER, NOW);
        assertThat(c.getStatus()).isEqualTo(CaseStatus.SUBMITTED);
        c.take(CaseAction.START_CALIBRATION, ADMIN, NOW);
        assertThat(c.getStatus()).isEqualTo(CaseStatus.IN_CALIBRATION);
        assertThatThrownBy(() -> c.take(CaseAction.SUBMIT, MANAGER, NOW)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> c.take(CaseAction.APPROVE, MANAGER, NOW)).isInstanceOf(IllegalStateException.class);
        assertThat(c.getStatus()).isEqualTo(CaseStatus.IN_CALIBRATION);
        c.take(CaseAction.APPROVE, ADMIN, NOW);
        assertThat(c.getStatus()).isEqualTo(CaseStatus.APPROVED);
        assertThat(CaseAction.allowed(c.getStatus(), ADMIN))
                .containsOnly(CaseAction.COMMENT, CaseAction.COMMITTEE_NOTE);
    }

    @Test
    void actionsThatKeepTheStatusOnlyMarkTheCaseChanged() {
        var c = newCase(CaseStatus.SUBMITTED);
        c.take(CaseAction.SIGN_OFF, REVIEWER, NOW.plusSeconds(60));
        assertThat(c.getStatus()).isEqualTo(CaseStatus.SUBMITTED);
        assertThat(c.getUpdatedAt()).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void onlyApprovalAndNotYetAreDecisions() {
        assertThat(EnumSet.allOf(CaseStatus.class).stream().filter(CaseStatus::decided))
                .containsExactlyInAnyOrder(CaseStatus.APPROVED, CaseStatus.NOT_YET);
    }

    @Test
    void concernsNeedACommentApprovalsDoNot() {
        assertThat(SignOff.CONCERNS.needsComment()).isTrue();
        assertThat(SignOff.APPROVE.needsComment()).isFalse();
    }

    private static PromotionCase newCase(CaseStatus status) {
        return new PromotionCase(
                1L, "Lena", 2L, "DSE-2", "DSE-3", "2026-H1", status, false, 3L, "Daniel", "Ready.", NOW);
    }
}
