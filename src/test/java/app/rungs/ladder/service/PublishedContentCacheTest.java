package app.rungs.ladder.service;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.calibration.service.CalibrationSessions;
import app.rungs.evidence.service.EvidenceService;
import app.rungs.ladder.domain.ExpectationKind;
import app.rungs.ladder.domain.VersionStatus;
import app.rungs.people.service.PeopleService;
import app.rungs.promotion.service.PromotionQueries;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import app.rungs.support.StatementCounter;
import jakarta.persistence.EntityManagerFactory;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * Published ladder content is read from the database once per version: the second read costs only the version row
 * (which says which version is current, its status and the ladder's name, all of which can still change), and
 * other features' reads of the same ladder benefit without any change of theirs. Drafts are never cached.
 */
@IntegrationTest
@WithUserDetails(DemoUsers.ADMIN)
class PublishedContentCacheTest {

    /** Tiers, areas, levels, tracks, competencies, expectations: what the cache saves on every warm read. */
    private static final long PART_STATEMENTS = 6;

    @Autowired
    LadderService ladders;

    @Autowired
    LadderLifecycleService lifecycle;

    @Autowired
    LadderDraftService drafts;

    @Autowired
    LadderContentLoader loader;

    @Autowired
    EvidenceService evidence;

    @Autowired
    PromotionQueries promotions;

    @Autowired
    CalibrationSessions calibration;

    @Autowired
    PeopleService people;

    @Autowired
    EntityManagerFactory emf;

    StatementCounter counter;

    @BeforeEach
    void counter() {
        counter = new StatementCounter(emf);
    }

    private Long newLadder() {
        return lifecycle.createFromTemplate(LadderTemplates.DISTRIBUTED_SYSTEMS, "Cached " + UUID.randomUUID());
    }

    @Test
    void theSecondReadOfPublishedContentCostsOnlyTheVersionRow() {
        var ladderId = newLadder();
        long cold = counter.count(() -> ladders.published(ladderId));
        long warm = counter.count(() -> ladders.published(ladderId));
        var versionId = ladders.published(ladderId).orElseThrow().version().id();
        long byId = counter.count(() -> ladders.content(versionId));
        System.out.printf("Published content: cold %d, warm %d, by version id %d statements%n", cold, warm, byId);
        assertThat(cold).isEqualTo(1 + PART_STATEMENTS);
        assertThat(warm).isEqualTo(1);
        assertThat(byId).isEqualTo(1);
        assertThat(ladders.published(ladderId).orElseThrow())
                .as("the cached content is the content")
                .isEqualTo(ladders.content(versionId));
    }

    @Test
    void draftsAreReadFreshEveryTime() {
        var ladderId = newLadder();
        var draftId = lifecycle.startDraft(ladderId);
        var before = ladders.content(draftId);
        assertThat(counter.count(() -> ladders.content(draftId))).isEqualTo(1 + PART_STATEMENTS);
        var cell = before.expectations().getFirst();
        drafts.setExpectation(
                draftId,
                cell.competencyKey(),
                cell.levelKey(),
                ExpectationKind.EXPECTED,
                "A sharper statement",
                null,
                cell.version());
        assertThat(ladders.content(draftId)
                        .explicit(cell.competencyKey(), cell.levelKey())
                        .orElseThrow()
                        .statement())
                .isEqualTo("A sharper statement");
    }

    @Test
    void whatCanStillChangeIsReadFreshFromACachedVersion() {
        var ladderId = newLadder();
        var v1 = ladders.published(ladderId).orElseThrow();
        ladders.content(v1.version().id());
        var row = ladders.list().stream()
                .filter(l -> l.id().equals(ladderId))
                .findFirst()
                .orElseThrow();
        lifecycle.rename(ladderId, row.version(), "Renamed " + UUID.randomUUID(), null);
        var renamed = ladders.content(v1.version().id());
        assertThat(renamed.version().ladderName()).startsWith("Renamed ");

        var draftId = lifecycle.startDraft(ladderId);
        lifecycle.publish(draftId, ladders.content(draftId).version().version(), "Version 2");
        var superseded = ladders.content(v1.version().id());
        assertThat(superseded.version().status()).isEqualTo(VersionStatus.RETIRED);
        assertThat(superseded.expectations()).isEqualTo(v1.expectations());
        assertThat(ladders.published(ladderId).orElseThrow().version().number())
                .as("which version is current is never cached")
                .isEqualTo(2);
    }

    @Test
    @WithUserDetails(DemoUsers.ENGINEER)
    void evidenceCoverageAndPromotionTargetsReadTheLadderFromTheCache() {
        loader.clear();
        long coverageCold = counter.count(() -> evidence.coverage(null, null));
        long coverageWarm = counter.count(() -> evidence.coverage(null, null));
        loader.clear();
        long targetsCold = counter.count(() -> promotions.targetLevels(null));
        long targetsWarm = counter.count(() -> promotions.targetLevels(null));
        System.out.printf(
                "Evidence coverage: cold %d, warm %d; promotion targets: cold %d, warm %d statements%n",
                coverageCold, coverageWarm, targetsCold, targetsWarm);
        assertThat(coverageCold - coverageWarm).isEqualTo(PART_STATEMENTS);
        assertThat(targetsCold - targetsWarm).isEqualTo(PART_STATEMENTS);
    }

    @Test
    void theCalibrationScopeReadsEveryLadderFromTheCache() {
        loader.clear();
        long cold = counter.count(() -> calibration.scopeOptions());
        long warm = counter.count(() -> calibration.scopeOptions());
        System.out.printf("Calibration scope options: cold %d, warm %d statements%n", cold, warm);
        assertThat(cold - warm).isGreaterThanOrEqualTo(PART_STATEMENTS);
        assertThat(loader.cachedVersions()).isPositive();
    }

    @Test
    void thePeopleGridsLevelCatalogReadsEveryLadderInUseFromTheCache() {
        loader.clear();
        long cold = counter.count(() -> people.levelCatalog());
        long warm = counter.count(() -> people.levelCatalog());
        System.out.printf("People grid level catalog: cold %d, warm %d statements%n", cold, warm);
        assertThat(cold - warm).isGreaterThanOrEqualTo(PART_STATEMENTS);
        assertThat((cold - warm) % PART_STATEMENTS)
                .as("six statements saved per ladder")
                .isZero();
    }
}
