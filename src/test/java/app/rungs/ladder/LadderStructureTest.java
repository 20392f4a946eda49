package app.rungs.ladder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rungs.ladder.domain.SpecializationTrack;
import app.rungs.ladder.service.LadderCompetencyService;
import app.rungs.ladder.service.LadderContent;
import app.rungs.ladder.service.LadderLifecycleService;
import app.rungs.ladder.service.LadderService;
import app.rungs.ladder.service.LadderStructureService;
import app.rungs.ladder.service.LadderTemplates;
import app.rungs.people.service.NewPerson;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonEditingService;
import app.rungs.shared.service.ConcurrentEditException;
import app.rungs.shared.service.ValidationException;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import app.rungs.support.StatementCounter;
import jakarta.persistence.EntityManagerFactory;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;

/** Editing the structure of a draft: tiers, levels, areas, competencies; stale edits and held levels are refused. */
@IntegrationTest
@WithUserDetails(DemoUsers.ADMIN)
class LadderStructureTest {

    @Autowired
    LadderService ladders;

    @Autowired
    LadderLifecycleService lifecycle;

    @Autowired
    LadderStructureService structure;

    @Autowired
    LadderCompetencyService competencies;

    @Autowired
    PeopleService people;

    @Autowired
    PersonEditingService peopleEditing;

    @Autowired
    EntityManagerFactory emf;

    private Long ladder() {
        return lifecycle.createFromTemplate(LadderTemplates.DISTRIBUTED_SYSTEMS, "Structure " + UUID.randomUUID());
    }

    private static List<String> levelKeys(LadderContent c) {
        return c.levels().stream().map(LadderContent.LevelView::key).toList();
    }

    @Test
    void levelsAreAddedRenamedReorderedAndRemovedWithinTheirTier() {
        var draftId = lifecycle.startDraft(ladder());
        long v = ladders.content(draftId).version().version();
        v = structure.addLevel(draftId, v, "IC", null, "Distributed Systems Engineer IV");
        var content = ladders.content(draftId);
        assertThat(levelKeys(content))
                .containsExactly(
                        "DSE-1", "DSE-2", "DSE-3", "DISTRIBUTED-SYSTEMS-ENGINEER-IV", "SPE-1", "SPE-2", "DE-1", "RS-1");

        v = structure.moveLevel(draftId, v, "DISTRIBUTED-SYSTEMS-ENGINEER-IV", -1);
        v = structure.updateLevel(
                draftId, v, "DISTRIBUTED-SYSTEMS-ENGINEER-IV", "Senior II", "Owns two subsystems.", null, "6+ years");
        content = ladders.content(draftId);
        assertThat(levelKeys(content))
                .containsSubsequence("DSE-2", "DISTRIBUTED-SYSTEMS-ENGINEER-IV", "DSE-3", "SPE-1");
        assertThat(content.level("DISTRIBUTED-SYSTEMS-ENGINEER-IV")
                        .orElseThrow()
                        .title())
                .isEqualTo("Senior II");

        long stale = v;
        assertThatThrownBy(() -> structure.moveLevel(draftId, stale, "DSE-1", -1))
                .isInstanceOf(ValidationException.class)
                .hasMessage("Level DSE-1 is already first.");
        v = structure.removeLevel(draftId, v, "DISTRIBUTED-SYSTEMS-ENGINEER-IV");
        assertThat(levelKeys(ladders.content(draftId)))
                .containsExactly("DSE-1", "DSE-2", "DSE-3", "SPE-1", "SPE-2", "DE-1", "RS-1");
    }

    @Test
    void movingATierMovesItsLevelsAlong() {
        var draftId = lifecycle.startDraft(ladder());
        long v = ladders.content(draftId).version().version();
        v = structure.moveTier(draftId, v, "DIST", -1);
        var content = ladders.content(draftId);
        assertThat(content.tiers()).extracting(LadderContent.TierView::key).containsExactly("IC", "DIST", "STAFF");
        assertThat(levelKeys(content)).containsExactly("DSE-1", "DSE-2", "DSE-3", "DE-1", "RS-1", "SPE-1", "SPE-2");
    }

    @Test
    void anAdminIsToldWhyALevelCannotBeRemovedWhilePeopleHoldIt() {
        var ladderId = ladder();
        peopleEditing.create(
                new NewPerson(
                        "Held " + UUID.randomUUID(),
                        UUID.randomUUID() + "@held.test",
                        "Engineer",
                        null,
                        null,
                        ladderId,
                        "DSE-2",
                        null,
                        null,
                        null,
                        null,
                        LocalDate.now()),
                LocalDate.now());
        var draftId = lifecycle.startDraft(ladderId);
        long v = ladders.content(draftId).version().version();
        assertThatThrownBy(() -> structure.removeLevel(draftId, v, "DSE-2"))
                .isInstanceOf(ValidationException.class)
                .hasMessage("Level DSE-2 cannot be removed: DSE-2 is held by 1 person."
                        + " Move those people to another level first, then remove it.");
        assertThatThrownBy(() -> structure.removeTier(draftId, v, "IC"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("DSE-2 is held by 1 person");
        assertThat(levelKeys(ladders.content(draftId))).contains("DSE-2");
        assertThatThrownBy(() -> lifecycle.retire(ladderId))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("cannot be retired while 1 person holds one of its levels");
    }

    @Test
    void areasAndCompetenciesAreEditedAndRemovedWithTheirExpectations() {
        var draftId = lifecycle.startDraft(ladder());
        long v = ladders.content(draftId).version().version();
        v = competencies.addArea(draftId, v, null, "Leadership & Influence", "How engineers lead without authority.");
        v = competencies.addCompetency(
                draftId,
                v,
                "leadership-influence",
                null,
                "Mentoring",
                null,
                List.of(SpecializationTrack.SECURITY_COMPLIANCE));
        v = competencies.updateCompetency(
                draftId,
                v,
                "mentoring",
                "Mentoring & Coaching",
                "Grows others.",
                List.of(SpecializationTrack.DATA_INFRASTRUCTURE, SpecializationTrack.CLOUD_INFRASTRUCTURE));
        var content = ladders.content(draftId);
        var mentoring = content.competency("mentoring").orElseThrow();
        assertThat(mentoring.name()).isEqualTo("Mentoring & Coaching");
        assertThat(mentoring.specializations())
                .containsExactly(SpecializationTrack.CLOUD_INFRASTRUCTURE, SpecializationTrack.DATA_INFRASTRUCTURE);
        assertThat(content.areas().getLast().key()).isEqualTo("leadership-influence");

        v = competencies.moveArea(draftId, v, "leadership-influence", -1);
        assertThat(ladders.content(draftId)
                        .areas()
                        .get(content.areas().size() - 2)
                        .key())
                .isEqualTo("leadership-influence");

        var first = content.competencies().getFirst();
        long cells = content.expectations().stream()
                .filter(e -> e.competencyKey().equals(first.key()))
                .count();
        assertThat(cells).isPositive();
        v = competencies.removeCompetency(draftId, v, first.key());
        var after = ladders.content(draftId);
        assertThat(after.competency(first.key())).isEmpty();
        assertThat(after.expectations()).hasSize(content.expectations().size() - (int) cells);

        v = competencies.removeArea(draftId, v, "leadership-influence");
        assertThat(ladders.content(draftId).area("leadership-influence")).isEmpty();
        assertThat(lifecycle.publishChecks(draftId)).isEmpty();
    }

    @Test
    void aStaleStructureEditIsRefusedAndChangesNothing() {
        var draftId = lifecycle.startDraft(ladder());
        long seen = ladders.content(draftId).version().version();
        structure.updateTier(draftId, seen, "IC", "Engineers", null);
        assertThatThrownBy(() -> structure.updateTier(draftId, seen, "IC", "Someone else's name", null))
                .isInstanceOf(ConcurrentEditException.class);
        assertThat(ladders.content(draftId).tier("IC").orElseThrow().name()).isEqualTo("Engineers");
    }

    @Test
    void keysAreUniqueAndWellFormed() {
        var draftId = lifecycle.startDraft(ladder());
        long v = ladders.content(draftId).version().version();
        assertThatThrownBy(() -> structure.addLevel(draftId, v, "IC", "DSE-2", "Again"))
                .hasMessage("This ladder already has a level with the key DSE-2.");
        assertThatThrownBy(() -> competencies.addArea(draftId, v, "Bad Key", "Area", null))
                .hasMessageContaining("'Bad Key' is not a valid area key");
        assertThatThrownBy(() -> competencies.addCompetency(draftId, v, "foundations", null, " ", null, List.of()))
                .hasMessage("Give the competency a name.");
    }

    @Test
    void publishChecksNameEveryLevelWithoutExpectationsAndEveryEmptyCompetency() {
        var versionId = lifecycle.createBlank("Blank " + UUID.randomUUID(), null);
        long v = ladders.content(versionId).version().version();
        v = structure.addTier(versionId, v, "IC", "Engineers", null);
        v = structure.addLevel(versionId, v, "IC", "E1", "Engineer");
        v = competencies.addArea(versionId, v, "craft", "Craft", null);
        v = competencies.addCompetency(versionId, v, "craft", "testing", "Testing", null, List.of());
        assertThat(lifecycle.publishChecks(versionId))
                .containsExactly(
                        "Level E1 (Engineer) has no expectations.",
                        "Competency \"Testing\" is not expected at any level.");
        long finalV = v;
        assertThatThrownBy(() -> lifecycle.publish(versionId, finalV, "Too early"))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void theLaddersListTakesTheSameNumberOfStatementsForOneOrManyLadders() {
        var counter = new StatementCounter(emf);
        long few = counter.count(() -> ladders.list(0, 1));
        ladder();
        ladder();
        long many = counter.count(() -> ladders.list(0, 50));
        assertThat(many).isEqualTo(few).isLessThanOrEqualTo(3);
        assertThat(counter.count(() -> ladders.count())).isEqualTo(1);
    }

    @Test
    @WithUserDetails(DemoUsers.ENGINEER)
    void engineersCannotEditStructure() {
        assertThatThrownBy(() -> structure.addTier(1L, 0, "X", "X", null)).isInstanceOf(AccessDeniedException.class);
    }
}
