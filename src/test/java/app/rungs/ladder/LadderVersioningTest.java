package app.rungs.ladder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rungs.ladder.domain.ExpectationKind;
import app.rungs.ladder.domain.VersionStatus;
import app.rungs.ladder.service.LadderDraftService;
import app.rungs.ladder.service.LadderLifecycleService;
import app.rungs.ladder.service.LadderService;
import app.rungs.ladder.service.LadderTemplates;
import app.rungs.shared.service.ConcurrentEditException;
import app.rungs.shared.service.NotFoundException;
import app.rungs.shared.service.ValidationException;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import app.rungs.support.StatementCounter;
import jakarta.persistence.EntityManagerFactory;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;

@IntegrationTest
@WithUserDetails(DemoUsers.ADMIN)
class LadderVersioningTest {

    @Autowired
    LadderService ladders;

    @Autowired
    LadderDraftService drafts;

    @Autowired
    LadderLifecycleService lifecycle;

    @Autowired
    EntityManagerFactory emf;

    private Long adoptTemplate() {
        return lifecycle.createFromTemplate(LadderTemplates.DISTRIBUTED_SYSTEMS, "DS " + UUID.randomUUID());
    }

    @Test
    void adoptingTheTemplatePublishesVersionOne() {
        var ladderId = adoptTemplate();
        var content = ladders.published(ladderId).orElseThrow();
        assertThat(content.version().number()).isEqualTo(1);
        assertThat(content.version().status()).isEqualTo(VersionStatus.PUBLISHED);
        assertThat(content.tiers()).hasSize(3);
        assertThat(content.competencies()).hasSizeGreaterThanOrEqualTo(40);
    }

    @Test
    void aPublishedVersionNeverChanges() {
        var ladderId = adoptTemplate();
        var published = ladders.published(ladderId).orElseThrow();
        var cell = published.expectations().getFirst();
        assertThatThrownBy(() -> drafts.setExpectation(
                        published.version().id(),
                        cell.competencyKey(),
                        cell.levelKey(),
                        ExpectationKind.EXPECTED,
                        "changed",
                        null,
                        cell.version()))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("cannot be changed; start a new draft");
        assertThat(ladders.published(ladderId)
                        .orElseThrow()
                        .explicit(cell.competencyKey(), cell.levelKey())
                        .orElseThrow()
                        .statement())
                .isEqualTo(cell.statement());
    }

    @Test
    void editingStartsADraftAndPublishingKeepsTheOldVersionReadable() {
        var ladderId = adoptTemplate();
        var v1 = ladders.published(ladderId).orElseThrow();
        var draftId = lifecycle.startDraft(ladderId);
        assertThat(lifecycle.startDraft(ladderId)).as("one draft at a time").isEqualTo(draftId);

        var draft = ladders.content(draftId);
        var cell = draft.expectations().getFirst();
        drafts.setExpectation(
                draftId,
                cell.competencyKey(),
                cell.levelKey(),
                ExpectationKind.EXPECTED,
                "Raised bar",
                "An example",
                cell.version());
        lifecycle.publish(draftId, ladders.content(draftId).version().version(), "Raise the bar");

        var v2 = ladders.published(ladderId).orElseThrow();
        assertThat(v2.version().number()).isEqualTo(2);
        assertThat(v2.explicit(cell.competencyKey(), cell.levelKey())
                        .orElseThrow()
                        .statement())
                .isEqualTo("Raised bar");
        var old = ladders.content(v1.version().id());
        assertThat(old.version().status()).isEqualTo(VersionStatus.RETIRED);
        assertThat(old.explicit(cell.competencyKey(), cell.levelKey())
                        .orElseThrow()
                        .statement())
                .isEqualTo(cell.statement());
        assertThat(v2.levels())
                .extracting(l -> l.key())
                .isEqualTo(v1.levels().stream().map(l -> l.key()).toList());
    }

    @Test
    void aStaleEditIsRefusedInsteadOfOverwriting() {
        var ladderId = adoptTemplate();
        var draftId = lifecycle.startDraft(ladderId);
        var cell = ladders.content(draftId).expectations().getFirst();
        drafts.setExpectation(
                draftId,
                cell.competencyKey(),
                cell.levelKey(),
                ExpectationKind.EXPECTED,
                "First edit",
                null,
                cell.version());
        assertThatThrownBy(() -> drafts.setExpectation(
                        draftId,
                        cell.competencyKey(),
                        cell.levelKey(),
                        ExpectationKind.EXPECTED,
                        "Second edit from a stale screen",
                        null,
                        cell.version()))
                .isInstanceOf(ConcurrentEditException.class);
        assertThat(ladders.content(draftId)
                        .explicit(cell.competencyKey(), cell.levelKey())
                        .orElseThrow()
                        .statement())
                .isEqualTo("First edit");
    }

    @Test
    void expectationsCarryUpwardUntilReplaced() {
        var content = ladders.published(adoptTemplate()).orElseThrow();
        var competency = content.competencies().getFirst();
        var first = content.expectations().stream()
                .filter(e -> e.competencyKey().equals(competency.key()))
                .findFirst()
                .orElseThrow();
        var levelIndex =
                content.levels().indexOf(content.level(first.levelKey()).orElseThrow());
        var above = content.levels().get(levelIndex + 1);
        var resolved = content.resolve(competency.key(), above.key());
        if (content.explicit(competency.key(), above.key()).isEmpty()) {
            assertThat(resolved.inherited()).isTrue();
            assertThat(resolved.definedAt().key()).isEqualTo(first.levelKey());
        } else {
            assertThat(resolved.inherited()).isFalse();
        }
        if (levelIndex > 0) {
            var below = content.levels().get(levelIndex - 1);
            assertThat(content.resolve(competency.key(), below.key()).expected())
                    .isFalse();
        }
    }

    @Test
    void loadingAWholeLadderTakesAFixedNumberOfStatements() {
        var ladderId = adoptTemplate();
        var counter = new StatementCounter(emf);
        long statements = counter.count(() -> ladders.published(ladderId));
        // version row, then tiers, levels, tracks, areas, competencies, expectations
        assertThat(statements).isLessThanOrEqualTo(7);
    }

    @Test
    @WithUserDetails(DemoUsers.ENGINEER)
    void engineersReadPublishedLaddersButNotDraftsOrEdits() {
        var ladderId = ladders.list().getFirst().id();
        assertThat(ladders.published(ladderId)).isPresent();
        assertThatThrownBy(() -> lifecycle.startDraft(ladderId)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> lifecycle.createFromTemplate(LadderTemplates.DISTRIBUTED_SYSTEMS, "Mine"))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aDuplicateLadderNameIsRefused() {
        var name = "Unique " + UUID.randomUUID();
        lifecycle.createBlank(name, null);
        assertThatThrownBy(() -> lifecycle.createBlank(name.toUpperCase(), null))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("already exists");
    }

    @Test
    void unknownVersionsAreNotFound() {
        assertThatThrownBy(() -> ladders.content(-1L)).isInstanceOf(NotFoundException.class);
    }
}
