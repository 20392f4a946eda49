package app.rungs.ladder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rungs.ladder.domain.ExpectationKind;
import app.rungs.ladder.service.LadderCompetencyService;
import app.rungs.ladder.service.LadderDiff;
import app.rungs.ladder.service.LadderDiff.Change;
import app.rungs.ladder.service.LadderDraftService;
import app.rungs.ladder.service.LadderLifecycleService;
import app.rungs.ladder.service.LadderService;
import app.rungs.ladder.service.LadderStructureService;
import app.rungs.ladder.service.LadderTemplates;
import app.rungs.ladder.service.LevelComparison;
import app.rungs.shared.service.ValidationException;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/** What changed between two versions, and what changes between two levels of one version. */
@IntegrationTest
@WithUserDetails(DemoUsers.ADMIN)
class LadderDiffTest {

    @Autowired
    LadderService ladders;

    @Autowired
    LadderDraftService drafts;

    @Autowired
    LadderLifecycleService lifecycle;

    @Autowired
    LadderStructureService structure;

    @Autowired
    LadderCompetencyService competencies;

    @Test
    void theDiffListsExactlyTheAddedRemovedAndChangedParts() {
        var ladderId = lifecycle.createFromTemplate(LadderTemplates.DISTRIBUTED_SYSTEMS, "Diff " + UUID.randomUUID());
        var v1 = ladders.published(ladderId).orElseThrow();
        var draftId = lifecycle.startDraft(ladderId);
        var draft = ladders.content(draftId);
        var changed = firstExplicit(draft, draft.competencies().get(0).key());
        drafts.setExpectation(
                draftId,
                changed.competencyKey(),
                changed.levelKey(),
                ExpectationKind.EXPECTED,
                "A sharper statement",
                null,
                changed.version());
        var cleared = firstExplicit(draft, draft.competencies().get(1).key());
        drafts.clearExpectation(draftId, cleared.competencyKey(), cleared.levelKey(), cleared.version());
        var removedCompetency = draft.competencies().get(5);
        long version = draft.version().version();
        version = competencies.removeCompetency(draftId, version, removedCompetency.key());
        version = structure.addLevel(draftId, version, "DIST", "DE-2", "Fellow");
        version = competencies.addCompetency(
                draftId,
                version,
                draft.areas().getFirst().key(),
                "chaos-engineering",
                "Chaos Engineering",
                null,
                List.of());
        drafts.setExpectation(
                draftId, "chaos-engineering", "DSE-3", ExpectationKind.EXPECTED, "Runs game days.", null, null);
        drafts.setExpectation(draftId, "chaos-engineering", "DE-2", ExpectationKind.NOT_EXPECTED, null, null, null);
        lifecycle.publish(draftId, version, "Version two");
        var v2 = ladders.published(ladderId).orElseThrow();

        LadderDiff diff = ladders.diff(v2.version().id(), v1.version().id());

        assertThat(diff.from().number()).as("older version is always 'from'").isEqualTo(1);
        assertThat(diff.to().number()).isEqualTo(2);
        assertThat(diff.levels()).extracting(l -> l.change() + " " + l.key()).containsExactly("ADDED DE-2");
        assertThat(diff.competencies())
                .extracting(c -> c.change() + " " + c.key())
                .containsExactlyInAnyOrder("REMOVED " + removedCompetency.key(), "ADDED chaos-engineering");
        var removedCells = v1.expectations().stream()
                .filter(e -> e.competencyKey().equals(removedCompetency.key()))
                .count();
        assertThat(diff.expectations())
                .filteredOn(e -> e.change() == Change.REMOVED)
                .hasSize((int) removedCells + 1);
        assertThat(diff.expectations())
                .filteredOn(e -> e.change() == Change.ADDED)
                .extracting(e -> e.competencyKey() + "@" + e.levelKey())
                .containsExactly("chaos-engineering@DSE-3", "chaos-engineering@DE-2");
        assertThat(diff.expectations())
                .filteredOn(e -> e.change() == Change.CHANGED)
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.competencyKey()).isEqualTo(changed.competencyKey());
                    assertThat(e.before().statement()).isEqualTo(changed.statement());
                    assertThat(e.after().statement()).isEqualTo("A sharper statement");
                });
    }

    private static app.rungs.ladder.service.LadderContent.ExpectationView firstExplicit(
            app.rungs.ladder.service.LadderContent content, String competencyKey) {
        return content.levels().stream()
                .flatMap(l -> content.explicit(competencyKey, l.key()).stream())
                .findFirst()
                .orElseThrow();
    }

    @Test
    void anExpectationSetWhereALevelUsedToInheritSaysWhatItCarriedBefore() {
        var ladderId =
                lifecycle.createFromTemplate(LadderTemplates.DISTRIBUTED_SYSTEMS, "Carried " + UUID.randomUUID());
        var draftId = lifecycle.startDraft(ladderId);
        var draft = ladders.content(draftId);
        var inherited = draft.competencies().stream()
                .flatMap(c -> draft.levels().stream().map(l -> draft.resolve(c.key(), l.key())))
                .filter(r -> r.inherited() && r.expected())
                .findFirst()
                .orElseThrow();
        drafts.setExpectation(
                draftId,
                inherited.competency().key(),
                inherited.level().key(),
                ExpectationKind.EXPECTED,
                "Now set explicitly",
                null,
                null);
        lifecycle.publish(draftId, ladders.content(draftId).version().version(), "Explicit now");
        var v2 = ladders.published(ladderId).orElseThrow().version().id();

        var change = ladders.diff(v2, ladders.history(ladderId).getLast().id())
                .expectations()
                .getFirst();

        assertThat(change.change()).isEqualTo(Change.ADDED);
        assertThat(change.carriedBefore().fromLevel())
                .isEqualTo(inherited.definedAt().key());
        assertThat(change.carriedBefore().statement().statement())
                .isEqualTo(inherited.expectation().statement());
        assertThat(change.after().statement()).isEqualTo("Now set explicitly");
    }

    @Test
    void aVersionComparedWithItselfHasNoChanges() {
        var ladderId = lifecycle.createFromTemplate(LadderTemplates.DISTRIBUTED_SYSTEMS, "Same " + UUID.randomUUID());
        var id = ladders.published(ladderId).orElseThrow().version().id();
        assertThat(ladders.diff(id, id).isEmpty()).isTrue();
    }

    @Test
    void versionsOfDifferentLaddersCannotBeCompared() {
        var a = lifecycle.createFromTemplate(LadderTemplates.DISTRIBUTED_SYSTEMS, "A " + UUID.randomUUID());
        var b = lifecycle.createFromTemplate(LadderTemplates.DISTRIBUTED_SYSTEMS, "B " + UUID.randomUUID());
        assertThatThrownBy(() -> ladders.diff(
                        ladders.published(a).orElseThrow().version().id(),
                        ladders.published(b).orElseThrow().version().id()))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void comparingTwoLevelsShowsWhatIsNewRaisedUnchangedAndNoLongerAsked() {
        var ladderId =
                lifecycle.createFromTemplate(LadderTemplates.DISTRIBUTED_SYSTEMS, "Compare " + UUID.randomUUID());
        var draftId = lifecycle.startDraft(ladderId);
        var content = ladders.content(draftId);
        // A competency asked at DSE-2 that SPE-1 explicitly no longer asks.
        var askedAtDse2 = content.competencies().stream()
                .filter(c -> content.resolve(c.key(), "DSE-2").expected())
                .findFirst()
                .orElseThrow();
        var existing = content.explicit(askedAtDse2.key(), "SPE-1");
        drafts.setExpectation(
                draftId,
                askedAtDse2.key(),
                "SPE-1",
                ExpectationKind.NOT_EXPECTED,
                null,
                null,
                existing.map(e -> e.version()).orElse(null));
        var after = ladders.content(draftId);

        var comparison = LevelComparison.of(after, "SPE-1", "DSE-2");

        assertThat(comparison.lower().key()).isEqualTo("DSE-2");
        assertThat(comparison.higher().key()).isEqualTo("SPE-1");
        var row = comparison.rows().stream()
                .filter(r -> r.lower().competency().key().equals(askedAtDse2.key()))
                .findFirst()
                .orElseThrow();
        assertThat(row.change()).isEqualTo(LevelComparison.Change.NO_LONGER);
        for (var r : comparison.rows()) {
            var lower = after.resolve(r.lower().competency().key(), "DSE-2");
            var higher = after.resolve(r.lower().competency().key(), "SPE-1");
            switch (r.change()) {
                case NEW -> assertThat(lower.expected()).isFalse();
                case NO_LONGER -> assertThat(higher.expected()).isFalse();
                case UNCHANGED ->
                    assertThat(higher.expectation().statement())
                            .isEqualTo(lower.expectation().statement());
                case RAISED ->
                    assertThat(higher.expectation().statement())
                            .isNotEqualTo(lower.expectation().statement());
            }
        }
        assertThat(comparison.count(LevelComparison.Change.RAISED)).isPositive();
        assertThat(comparison.count(LevelComparison.Change.NEW)).isPositive();
        assertThat(comparison.rows()).hasSize((int) (comparison.count(LevelComparison.Change.NEW)
                + comparison.count(LevelComparison.Change.RAISED)
                + comparison.count(LevelComparison.Change.UNCHANGED)
                + comparison.count(LevelComparison.Change.NO_LONGER)));
    }
}
