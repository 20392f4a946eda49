package app.rungs.shared.service;

import static app.rungs.shared.service.SmallGroups.Reason.COMPLEMENTARY;
import static app.rungs.shared.service.SmallGroups.Reason.SHOWN;
import static app.rungs.shared.service.SmallGroups.Reason.TOO_SMALL;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SmallGroupsTest {

    @Test
    void aGroupOfThreeIsSuppressedAndAGroupOfFiveIsShown() {
        var s = SmallGroups.suppress(List.of(3L, 5L, 9L), 5);
        assertThat(s.reasons().get(0)).isEqualTo(TOO_SMALL);
        assertThat(s.label(0)).isEqualTo("fewer than 5");
        // The total minus 9 would reveal the 3: the smallest shown group (5) goes too.
        assertThat(s.reasons()).containsExactly(TOO_SMALL, COMPLEMENTARY, SHOWN);
        assertThat(s.totalShown()).isTrue();
    }

    @Test
    void twoSmallGroupsProtectEachOtherWithoutAComplement() {
        var s = SmallGroups.suppress(List.of(2L, 4L, 6L, 7L), 5);
        assertThat(s.reasons()).containsExactly(TOO_SMALL, TOO_SMALL, SHOWN, SHOWN);
    }

    @Test
    void aLoneSmallGroupHidesTheTotal() {
        var s = SmallGroups.suppress(List.of(3L, 0L), 5);
        assertThat(s.reasons()).containsExactly(TOO_SMALL, SHOWN);
        assertThat(s.totalShown()).isFalse();
    }

    @Test
    void groupsAtTheMinimumAreShownWithTheirTotal() {
        var s = SmallGroups.suppress(List.of(5L, 6L), 5);
        assertThat(s.anySuppressed()).isFalse();
        assertThat(s.totalShown()).isTrue();
    }

    @Test
    void theMinimumIsTheOrganizations() {
        assertThat(SmallGroups.suppress(List.of(5L, 7L, 8L), 6).reasons())
                .containsExactly(TOO_SMALL, COMPLEMENTARY, SHOWN);
    }
}
