package app.rungs.evidence.service;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.evidence.domain.EvidenceStatus;
import app.rungs.ladder.domain.Applicability;
import app.rungs.ladder.service.LadderContent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which evidence counts for an expectation and how far the expectation is backed, without Spring. */
class CoverageRulesTest {

    private static final LadderContent.LevelView DSE1 = level("DSE-1", 1);
    private static final LadderContent.LevelView DSE2 = level("DSE-2", 2);
    private static final Map<String, Integer> POSITIONS = Map.of("DSE-1", 1, "DSE-2", 2, "DSE-3", 3);

    private static LadderContent.LevelView level(String key, int position) {
        return new LadderContent.LevelView((long) position, key, key, "IC", position, null, null, null, null, 0);
    }

    /** An expectation of observability at DSE-3, defined (inherited) at DSE-2. */
    private static LadderContent.Resolved observabilityDefinedAt(LadderContent.LevelView definedAt) {
        var competency = new LadderContent.CompetencyView(
                1L, "observability", "Observability", null, "ops", List.of(), 1, Applicability.CORE, 1);
        return new LadderContent.Resolved(competency, level("DSE-3", 3), null, definedAt, true);
    }

    @Test
    void evidenceCountsForTheCompetencyAtTheDefiningLevelOrHigher() {
        var r = observabilityDefinedAt(DSE2);
        assertThat(CoverageRules.counts(r, List.of("observability"), "DSE-2", POSITIONS))
                .isTrue();
        assertThat(CoverageRules.counts(r, List.of("rpc", "observability"), "DSE-3", POSITIONS))
                .isTrue();
        assertThat(CoverageRules.counts(r, List.of("observability"), "DSE-1", POSITIONS))
                .isFalse();
        assertThat(CoverageRules.counts(r, List.of("rpc"), "DSE-2", POSITIONS)).isFalse();
        // A level the ladder no longer has never counts.
        assertThat(CoverageRules.counts(r, List.of("observability"), "GONE", POSITIONS))
                .isFalse();
        assertThat(CoverageRules.counts(observabilityDefinedAt(DSE1), List.of("observability"), "DSE-1", POSITIONS))
                .isTrue();
    }

    @Test
    void acknowledgedWinsOverInReviewWhichWinsOverDrafts() {
        assertThat(CoverageRules.state(List.of())).isEqualTo(Coverage.State.GAP);
        assertThat(CoverageRules.state(List.of(EvidenceStatus.DRAFT, EvidenceStatus.RETURNED)))
                .isEqualTo(Coverage.State.IN_PROGRESS);
        assertThat(CoverageRules.state(List.of(EvidenceStatus.DRAFT, EvidenceStatus.SUBMITTED)))
                .isEqualTo(Coverage.State.IN_REVIEW);
        assertThat(CoverageRules.state(List.of(EvidenceStatus.SUBMITTED, EvidenceStatus.ACKNOWLEDGED)))
                .isEqualTo(Coverage.State.ACKNOWLEDGED);
    }

    @Test
    void percentIsRoundedAndZeroWithoutExpectations() {
        assertThat(CoverageRules.percent(0, 0)).isZero();
        assertThat(CoverageRules.percent(1, 3)).isEqualTo(33);
        assertThat(CoverageRules.percent(2, 3)).isEqualTo(67);
        assertThat(CoverageRules.percent(14, 53)).isEqualTo(26);
    }
}
