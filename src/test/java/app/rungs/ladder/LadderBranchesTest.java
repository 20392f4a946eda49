package app.rungs.ladder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rungs.ladder.domain.Applicability;
import app.rungs.ladder.service.LadderBranchService;
import app.rungs.ladder.service.LadderContent;
import app.rungs.ladder.service.LadderLifecycleService;
import app.rungs.ladder.service.LadderService;
import app.rungs.ladder.service.LadderTemplates;
import app.rungs.ladder.service.ReadinessRule;
import app.rungs.shared.service.ConcurrentEditException;
import app.rungs.shared.service.ValidationException;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;

/** Tracks, electives, applicability and the rule in drafts: copied, edited with clear refusals, published, diffed. */
@IntegrationTest
@WithUserDetails(DemoUsers.ADMIN)
class LadderBranchesTest {

    @Autowired
    LadderService ladders;

    @Autowired
    LadderLifecycleService lifecycle;

    @Autowired
    LadderBranchService branches;

    private Long ladder() {
        return lifecycle.createFromTemplate(LadderTemplates.DISTRIBUTED_SYSTEMS, "Branches " + UUID.randomUUID());
    }

    @Test
    void aNewDraftCopiesTracksElectivesApplicabilityWeightsAndTheRule() {
        var ladderId = ladder();
        var published = ladders.published(ladderId).orElseThrow();
        var draft = ladders.content(lifecycle.startDraft(ladderId));
        assertThat(draft.tracks())
                .extracting(LadderContent.TrackView::key, LadderContent.TrackView::forksFromLevelKey)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("DE", "SPE-2"),
                        org.assertj.core.groups.Tuple.tuple("RS", "SPE-2"));
        assertThat(draft.level("RS-1").orElseThrow().trackKey()).isEqualTo("RS");
        assertThat(draft.level("SPE-2").orElseThrow().electivesRequired()).isEqualTo(1);
        assertThat(draft.competency("publications-research").orElseThrow().applicability())
                .isEqualTo(Applicability.ELECTIVE);
        assertThat(draft.competency("architecture-tradeoff-analysis")
                        .orElseThrow()
                        .weight())
                .isEqualTo(3);
        assertThat(draft.rule()).isEqualTo(published.rule());
        assertThat(draft.publishChecks()).isEmpty();
    }

    @Test
    void anAdminChangesTheRuleAndATrackPublishesAndTheDiffShowsBoth() {
        var ladderId = ladder();
        var before = ladders.published(ladderId).orElseThrow();
        var draftId = lifecycle.startDraft(ladderId);
        long v = ladders.content(draftId).version().version();
        v = branches.setRule(draftId, v, true, 75, true);
        v = branches.updateTrack(draftId, v, "RS", "Research Scientist (IC)", "SPE-2", null);
        v = branches.setApplicability(draftId, v, "benchmarking", Applicability.CORE, List.of(), 2);
        lifecycle.publish(draftId, v, "Stricter readiness");
        var after = ladders.published(ladderId).orElseThrow();
        assertThat(after.rule()).isEqualTo(new ReadinessRule(true, 75, true));

        var diff = ladders.diff(before.version().id(), after.version().id());
        assertThat(diff.rule().before()).isEqualTo(ReadinessRule.DEFAULT);
        assertThat(diff.rule().after().targetPercent()).isEqualTo(75);
        assertThat(diff.tracks())
                .singleElement()
                .satisfies(t -> assertThat(t.fields()).containsExactly("name", "description"));
        assertThat(diff.competencies())
                .filteredOn(c -> c.key().equals("benchmarking"))
                .singleElement()
                .satisfies(c -> assertThat(c.fields()).contains("weight 1 → 2"));
    }

    @Test
    void badBranchEditsAreRefusedWithClearMessagesAndChangeNothing() {
        var draftId = lifecycle.startDraft(ladder());
        long v = ladders.content(draftId).version().version();
        long stale = v;
        assertThatThrownBy(() -> branches.setRule(draftId, stale, true, 120, false))
                .isInstanceOf(ValidationException.class)
                .hasMessage("The share of the target level is a percentage from 0 to 100 (got 120).");
        assertThatThrownBy(() ->
                        branches.setApplicability(draftId, stale, "benchmarking", Applicability.TRACK, List.of(), 1))
                .hasMessageContaining("A track-specific competency needs at least one specialization");
        assertThatThrownBy(() -> branches.removeTrack(
                        draftId, ladders.content(draftId).version().version(), "RS"))
                .hasMessage("Track Research Scientist still has level RS-1; move them to another track or make them"
                        + " shared first.");
        assertThatThrownBy(() -> branches.setLevelBranch(
                        draftId, ladders.content(draftId).version().version(), "SPE-2", "RS", 1))
                .hasMessageContaining("Track Research Scientist forks from SPE-2, so SPE-2 cannot be on it");
        var content = ladders.content(draftId);
        assertThat(content.rule()).isEqualTo(ReadinessRule.DEFAULT);
        assertThat(content.tracks()).hasSize(2);

        long current = content.version().version();
        long next = branches.setLevelBranch(draftId, current, "SPE-2", null, 5);
        assertThatThrownBy(() -> branches.setRule(draftId, current, true, 50, false))
                .isInstanceOf(ConcurrentEditException.class);
        assertThat(ladders.content(draftId).publishChecks())
                .contains("Level SPE-2 asks for at least 5 electives, but only 3 electives are expected there; lower"
                        + " the number or expect more electives at SPE-2.");
        next = branches.addTrack(draftId, next, "MGR", "Engineering manager", "DSE-3", null);
        assertThat(ladders.content(draftId).publishChecks())
                .contains("Track \"Engineering manager\" has no levels; put a level on it or remove it.");
        assertThat(next).isGreaterThan(current);
    }

    @Test
    @WithUserDetails(DemoUsers.MANAGER)
    void aManagerCannotChangeTheReadinessRule() {
        assertThatThrownBy(() -> branches.setRule(1L, 0, true, 10, false)).isInstanceOf(AccessDeniedException.class);
    }
}
