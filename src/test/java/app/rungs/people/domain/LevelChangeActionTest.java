package app.rungs.people.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The status rules of a recorded level change, without Spring. */
class LevelChangeActionTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    private static LevelAssignment change(LocalDate effective) {
        return new LevelAssignment(1L, 2L, "DSE-3", effective, AssignmentReason.PROMOTION, "admin", null, null);
    }

    @Test
    void aChangeDatedAfterTodayIsScheduledAndOneDatedTodayIsInEffect() {
        assertThat(change(TODAY.plusDays(1)).status(TODAY)).isEqualTo(LevelChangeStatus.SCHEDULED);
        assertThat(change(TODAY).status(TODAY)).isEqualTo(LevelChangeStatus.IN_EFFECT);
        assertThat(change(TODAY.minusYears(1)).status(TODAY)).isEqualTo(LevelChangeStatus.IN_EFFECT);
    }

    @Test
    void onlyAScheduledChangeMayBeCancelled() {
        assertThat(LevelChangeAction.CANCEL.allowedFrom(LevelChangeStatus.SCHEDULED))
                .isTrue();
        assertThat(LevelChangeAction.CANCEL.allowedFrom(LevelChangeStatus.IN_EFFECT))
                .isFalse();
        assertThat(LevelChangeAction.CANCEL.allowedFrom(LevelChangeStatus.CANCELLED))
                .isFalse();
        assertThat(LevelChangeAction.CANCEL.to()).isEqualTo(LevelChangeStatus.CANCELLED);
    }

    @Test
    void cancellingAScheduledChangeMarksItCancelledAndKeepsIt() {
        var scheduled = change(TODAY.plusMonths(2));
        scheduled.cancel("admin", Instant.parse("2026-11-30T10:00:00Z"), TODAY);
        assertThat(scheduled.status(TODAY)).isEqualTo(LevelChangeStatus.CANCELLED);
        assertThat(scheduled.isCancelled()).isTrue();
        assertThat(scheduled.isScheduled(TODAY)).isFalse();
    }

    @Test
    void theEntityRefusesToCancelAChangeInEffectOrOneAlreadyCancelled() {
        var inEffect = change(TODAY);
        assertThatThrownBy(() -> inEffect.cancel("admin", Instant.now(), TODAY))
                .isInstanceOf(IllegalStateException.class);
        assertThat(inEffect.isCancelled()).isFalse();

        var cancelled = change(TODAY.plusDays(3));
        cancelled.cancel("admin", Instant.now(), TODAY);
        assertThatThrownBy(() -> cancelled.cancel("someone else", Instant.now(), TODAY))
                .isInstanceOf(IllegalStateException.class);
    }
}
