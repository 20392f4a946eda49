package app.rungs.ladder.service;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.ladder.domain.VersionStatus;
import app.rungs.ladder.service.LadderDiff.Change;
import app.rungs.ladder.service.LadderDocument.AreaDoc;
import app.rungs.ladder.service.LadderDocument.CompetencyDoc;
import app.rungs.ladder.service.LadderDocument.ExpectationDoc;
import app.rungs.ladder.service.LadderDocument.LevelDoc;
import app.rungs.ladder.service.LadderDocument.TierDoc;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Document validation and the diff between two versions, as pure rules without Spring or a database. */
class LadderDocumentRulesTest {

    private static List<String> problems(LadderDocument doc) {
        return LadderDocumentValidator.validate(doc, (pointer, field) -> "Field " + field);
    }

    @Test
    void theTemplateAndTheSmallLadderAreValid() {
        assertThat(problems(Documents.template())).isEmpty();
        assertThat(problems(Documents.small("Writes unit tests"))).isEmpty();
    }

    @Test
    void everyProblemIsReportedAtOnceWithItsField() {
        var good = Documents.small("Writes unit tests");
        var bad = new LadderDocument(
                "rungs.ladder/v0",
                " ",
                null,
                List.of(new TierDoc(
                        "IC",
                        "Individual contributor",
                        null,
                        List.of(
                                new LevelDoc("l1", "Engineer", null, null, null),
                                new LevelDoc("L2", "Two", null, null, null),
                                new LevelDoc("L2", "Again", null, null, null)))),
                good.areas());
        var found = problems(bad);
        assertThat(found)
                .anyMatch(p -> p.startsWith("Field schema") && p.contains("'rungs.ladder/v0' is not supported"))
                .anyMatch(p -> p.startsWith("Field name") && p.contains("is missing"))
                .anyMatch(p -> p.contains("'l1' is not a valid level key"))
                .anyMatch(p -> p.contains("the level key 'L2' is used twice"));
    }

    @Test
    void anExpectationAtAnUnknownLevelIsAProblem() {
        var doc = new LadderDocument(
                LadderDocument.SCHEMA,
                "Ladder",
                null,
                List.of(new TierDoc("IC", "IC", null, List.of(new LevelDoc("L1", "One", null, null, null)))),
                List.of(new AreaDoc(
                        "craft",
                        "Craft",
                        null,
                        List.of(new CompetencyDoc(
                                "testing",
                                "Testing",
                                null,
                                null,
                                List.of(new ExpectationDoc("L7", "Something", null, null)))))));
        assertThat(problems(doc)).anyMatch(p -> p.contains("'L7' is not a level of this ladder"));
    }

    @Test
    void aDiffNamesWhatWasAddedChangedAndRemoved() {
        var before = Documents.content(Documents.small("Writes unit tests"), 1, VersionStatus.RETIRED);
        var smallAfter = Documents.small("Writes unit and integration tests");
        var after = Documents.content(
                new LadderDocument(
                        smallAfter.schema(),
                        smallAfter.name(),
                        smallAfter.description(),
                        List.of(new TierDoc(
                                "IC",
                                "Individual contributor",
                                null,
                                List.of(
                                        new LevelDoc("L1", "Engineer", "Own tasks", null, "0-2 years"),
                                        new LevelDoc("L3", "Staff engineer", null, null, null)))),
                        smallAfter.areas().stream()
                                .map(a -> new AreaDoc(
                                        a.key(),
                                        a.name(),
                                        a.description(),
                                        a.competencies().stream()
                                                .map(c -> new CompetencyDoc(
                                                        c.key(),
                                                        c.name(),
                                                        c.description(),
                                                        c.specializations(),
                                                        c.expectations().stream()
                                                                .filter(e -> e.level()
                                                                        .equals("L1"))
                                                                .toList()))
                                                .toList()))
                                .toList()),
                2,
                VersionStatus.PUBLISHED);
        var diff = LadderDiff.between(before, after);
        assertThat(diff.levels())
                .extracting(LadderDiff.LevelChange::change, LadderDiff.LevelChange::key)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(Change.REMOVED, "L2"),
                        org.assertj.core.groups.Tuple.tuple(Change.ADDED, "L3"));
        assertThat(diff.expectations())
                .anyMatch(e -> e.change() == Change.CHANGED && e.levelKey().equals("L1"));
        assertThat(diff.from().number()).isEqualTo(1);
        assertThat(diff.to().number()).isEqualTo(2);
    }

    @Test
    void aVersionComparedWithItselfHasNoChanges() {
        var content = Documents.content(Documents.template(), 5, VersionStatus.PUBLISHED);
        var diff = LadderDiff.between(content, content);
        assertThat(diff.isEmpty()).isTrue();
        assertThat(diff.count(Change.ADDED) + diff.count(Change.CHANGED) + diff.count(Change.REMOVED))
                .isZero();
    }
}
