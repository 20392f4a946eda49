package app.rungs.ladder.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rungs.ladder.service.LadderDocument.CompetencyDoc;
import app.rungs.ladder.service.LadderDocument.ExpectationDoc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The import adapters for frameworks an organization may already have: the Financial Times engineering-progression
 * YAML (real files from the FT repository, MIT licence, see ladder-imports/ft/ATTRIBUTION.md) and a levels ×
 * competencies sheet with one criterion per row.
 */
class ImportAdaptersTest {

    private static final Path FIXTURES = Path.of("src/test/resources/ladder-imports");

    private final LadderImportReader reader = new LadderImportReader();

    private static byte[] fixture(String name) throws IOException {
        return Files.readAllBytes(FIXTURES.resolve(name));
    }

    private static List<CompetencyDoc> competencies(LadderDocument doc) {
        return doc.areas().stream().flatMap(a -> a.competencies().stream()).toList();
    }

    private static ExpectationDoc expectation(LadderDocument doc, String competency, String level) {
        return competencies(doc).stream()
                .filter(c -> c.key().equals(competency))
                .flatMap(c -> c.expectations().stream())
                .filter(e -> e.level().equals(level))
                .findFirst()
                .orElseThrow(() -> new AssertionError(competency + " has no expectation for " + level));
    }

    @Test
    void theFtEngineeringFamilyBecomesEightLevelsAndNineThemesWithProficiencies() throws IOException {
        var bytes = fixture("ft/engineering.yml");
        assertThat(ImportFormat.detect("engineering.yml", bytes)).isEqualTo(ImportFormat.FT_PROGRESSION);
        var doc = reader.newLadder(ImportFormat.FT_PROGRESSION, bytes, null);

        assertThat(doc.name()).isEqualTo("Engineering");
        assertThat(doc.description()).startsWith("Competencies for engineers within the CTO organisation");
        assertThat(doc.tiers())
                .singleElement()
                .satisfies(t -> assertThat(t.levels())
                        .extracting("key")
                        .containsExactly(
                                "JUNIOR",
                                "ENGINEER",
                                "SENIOR-1",
                                "SENIOR-2-IC",
                                "SENIOR-2-PM",
                                "PRINCIPAL-IC",
                                "PRINCIPAL-PM",
                                "TECH-DIRECTOR"));
        assertThat(doc.areas()).hasSize(9).extracting("name").contains("Planning and Organising", "Technical");
        // 72 FT competencies, one per level and theme: every cell of the 8 × 9 matrix is filled.
        assertThat(competencies(doc))
                .hasSize(9)
                .allSatisfy(c -> assertThat(c.expectations()).hasSize(8));
        assertThat(expectation(doc, "planning-organising", "JUNIOR").statement())
                .isEqualTo("Aware of how the team delivers and the best practices they use. Plans and delivers own"
                        + " work tasks. (Awareness)");
        assertThat(competencies(doc).getFirst().description()).startsWith("Effectively manages activities");
    }

    @Test
    void theLegacyFtFamilyListsSeveralCompetenciesPerCellWithExamplesAndLinks() throws IOException {
        var doc = reader.newLadder(ImportFormat.FT_PROGRESSION, fixture("ft/engineering-v1.yml"), "FT legacy");
        assertThat(doc.name()).isEqualTo("FT legacy");
        assertThat(doc.tiers().getFirst().levels())
                .extracting("key")
                .containsExactly("JUNIOR", "ENGINEER", "SENIOR-1", "SENIOR-2");
        var technicalJunior = expectation(doc, "technical", "JUNIOR");
        assertThat(technicalJunior.statement())
                .startsWith("- Is responsible for and maintains their computer and local development environment"
                        + " (Working knowledge)\n- Uses version control to manage routine development workflow");
        assertThat(technicalJunior.examples()).startsWith("- Keeps their local tools up to date\n");
        assertThat(competencies(doc).stream()
                        .flatMap(c -> c.expectations().stream())
                        .filter(e -> e.examples() != null)
                        .anyMatch(e -> e.examples().contains("](https://www.owasp.org/)")))
                .as("supporting URLs become Markdown links")
                .isTrue();
    }

    @Test
    void anFtFileImportedIntoADraftKeepsTheLaddersName() throws IOException {
        var doc = reader.draft(
                ImportFormat.FT_PROGRESSION,
                fixture("ft/engineering.yml"),
                "Our ladder",
                "Ours",
                null,
                java.util.Map.of());
        assertThat(doc.name()).isEqualTo("Our ladder");
        assertThat(doc.description()).isEqualTo("Ours");
    }

    @Test
    void aCriterionPerRowSheetBecomesAMatrixWithListsWhereACellHasSeveralRows() throws IOException {
        var bytes = fixture("criteria-per-row.csv");
        assertThat(ImportFormat.detect("criteria-per-row.csv", bytes)).isEqualTo(ImportFormat.CRITERIA_SHEET);
        var doc = reader.newLadder(ImportFormat.CRITERIA_SHEET, bytes, "Criteria ladder");

        assertThat(doc.tiers())
                .singleElement()
                .satisfies(
                        t -> assertThat(t.levels()).extracting("title").containsExactly("Engineer I", "Engineer II"));
        assertThat(doc.areas()).extracting("name").containsExactly("Craft", "Delivery");
        assertThat(competencies(doc)).extracting("name").containsExactly("Testing", "Code review", "Planning");
        assertThat(expectation(doc, "testing", "ENGINEER-I").statement())
                .isEqualTo("- Writes unit tests for their changes\n- Runs the test suite before asking for review");
        assertThat(expectation(doc, "testing", "ENGINEER-II").statement())
                .isEqualTo("- Designs the test strategy for a feature\n- Adds property-based tests where\n"
                        + "  examples are not enough");
        assertThat(expectation(doc, "code-review", "ENGINEER-I").statement()).isEqualTo("Asks for review early");
    }

    @Test
    void aCriteriaSheetImportedIntoALadderKeepsItsKeysByNameAndCatchesTyposOfItsNames() {
        var base = Documents.small("Writes tests");
        var sheet =
                "Level,Competency,Criterion\nEngineer,Testing,Writes tests\nSenior engineer,Testing,Designs tests\n";
        var doc = reader.draft(
                ImportFormat.CRITERIA_SHEET, sheet.getBytes(), "Small ladder", null, base, java.util.Map.of());
        assertThat(doc.tiers().getFirst().levels()).extracting("key").containsExactly("L1", "L2");
        assertThat(competencies(doc)).extracting("key").containsExactly("testing");
        assertThat(doc.areas())
                .extracting("key")
                .as("the ladder's area, not a catch-all")
                .containsExactly("craft");

        var typo = "Level,Competency,Criterion\nEngineer,Tseting,Writes tests\n";
        assertThatThrownBy(() -> reader.draft(
                        ImportFormat.CRITERIA_SHEET, typo.getBytes(), "Small ladder", null, base, java.util.Map.of()))
                .isInstanceOf(ImportException.class)
                .hasMessage("Row 2, column competency: the competency 'Tseting' looks like a typo of 'Testing'"
                        + " (testing in the ladder); did you mean 'Testing'?");
    }

    @Test
    void theLaddersOwnFilesAreStillDetectedAsSuch() {
        var csv = new LadderCsvWriter().write(Documents.small("Writes tests")).getBytes();
        var yaml = new LadderYaml().write(Documents.small("Writes tests")).getBytes();
        assertThat(ImportFormat.detect("x.csv", csv)).isEqualTo(ImportFormat.LADDER_CSV);
        assertThat(ImportFormat.detect("x.yaml", yaml)).isEqualTo(ImportFormat.LADDER_YAML);
        assertThat(ImportFormat.detect("x.csv", "Grade;Skill;Behaviour\nL1;Testing;Writes tests\n".getBytes()))
                .isEqualTo(ImportFormat.CRITERIA_SHEET);
        assertThatThrownBy(() -> ImportFormat.detect("x.xlsx", csv))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("Choose a .yaml, .yml or .csv file");
    }

    @Test
    void aChosenFormatThatDoesNotFitTheFileIsRefusedWithTheReason() throws IOException {
        assertThatThrownBy(() -> reader.newLadder(
                        ImportFormat.CRITERIA_SHEET, "name,email\nAda,ada@example.com\n".getBytes(), "X"))
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith("Row 1: a criteria sheet needs the columns level, competency and criterion");
        assertThatThrownBy(() -> reader.newLadder(ImportFormat.FT_PROGRESSION, yamlOfSmallLadder(), null))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("unknown field 'schema'");
    }

    private static byte[] yamlOfSmallLadder() {
        return new LadderYaml().write(Documents.small("Writes tests")).getBytes();
    }
}
