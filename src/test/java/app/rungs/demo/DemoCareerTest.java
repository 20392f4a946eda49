package app.rungs.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rungs.demo.DemoData.Hire;
import app.rungs.ladder.domain.CommunityAxis;
import app.rungs.ladder.domain.FocusAxis;
import app.rungs.ladder.domain.ScopeAxis;
import app.rungs.ladder.domain.SpecializationTrack;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DemoCareerTest {

    private static final List<String> LEVELS = List.of("DSE-1", "DSE-2", "DSE-3", "SPE-1", "SPE-2", "DE-1");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    private static Hire hire(String level, int yearsAgo) {
        return new Hire(
                "Ravi Iyer", "Principal Engineer", level, SpecializationTrack.DATA_INFRASTRUCTURE, yearsAgo, null);
    }

    @Test
    void longTenureStartsLowerWithOnePromotionPerThreeYears() {
        var career = DemoCareer.of(hire("SPE-2", 11), LEVELS, TODAY, new Random(1));
        assertThat(career.entryLevel()).isEqualTo("DSE-2");
        assertThat(career.promotions())
                .extracting(DemoCareer.Promotion::level)
                .containsExactly("DSE-3", "SPE-1", "SPE-2");
        assertThat(career.start())
                .isBetween(
                        TODAY.minusYears(11).minusDays(219),
                        TODAY.minusYears(11).minusDays(20));
        var previous = career.start();
        for (var p : career.promotions()) {
            assertThat(p.date()).isAfter(previous).isBeforeOrEqualTo(TODAY.minusMonths(2));
            previous = p.date();
        }
    }

    @Test
    void aShortTenureKeepsTheLevelTheyJoinedAt() {
        var career = DemoCareer.of(hire("DSE-2", 2), LEVELS, TODAY, new Random(1));
        assertThat(career.entryLevel()).isEqualTo("DSE-2");
        assertThat(career.promotions()).isEmpty();
    }

    @Test
    void theSameSeedGivesTheSameCareer() {
        assertThat(DemoCareer.of(hire("SPE-1", 9), LEVELS, TODAY, new Random(20261126L)))
                .isEqualTo(DemoCareer.of(hire("SPE-1", 9), LEVELS, TODAY, new Random(20261126L)));
    }

    @Test
    void aLevelOutsideTheLadderIsRefused() {
        assertThatThrownBy(() -> DemoCareer.of(hire("L7", 3), LEVELS, TODAY, new Random(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Ravi Iyer has level L7");
    }

    @Test
    void theTrackDecidesTheAxes() {
        assertThat(DemoCareer.scope(null)).isEqualTo(ScopeAxis.GENERALIST);
        assertThat(DemoCareer.scope(SpecializationTrack.SECURITY_COMPLIANCE)).isEqualTo(ScopeAxis.SPECIALIST);
        assertThat(DemoCareer.focus(SpecializationTrack.CLOUD_INFRASTRUCTURE)).isEqualTo(FocusAxis.PLATFORM);
        assertThat(DemoCareer.focus(SpecializationTrack.SECURITY_COMPLIANCE)).isEqualTo(FocusAxis.PRODUCT);
        assertThat(DemoCareer.community(SpecializationTrack.RESEARCH_PROTOCOL_DESIGN))
                .isEqualTo(CommunityAxis.OPEN_SOURCE_STANDARDS);
        assertThat(DemoCareer.community(null)).isEqualTo(CommunityAxis.INDUSTRY);
    }
}
