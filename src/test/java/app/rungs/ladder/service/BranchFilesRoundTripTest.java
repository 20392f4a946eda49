package app.rungs.ladder.service;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rungs.ladder.domain.VersionStatus;
import org.junit.jupiter.api.Test;

/** Tracks, electives, applicability, weights and the readiness rule survive YAML, CSV and show in Markdown. */
class BranchFilesRoundTripTest {

    private final LadderYaml yaml = new LadderYaml();
    private final LadderCsvWriter csvWriter = new LadderCsvWriter();
    private final LadderCsvReader csvReader = new LadderCsvReader();

    @Test
    void yamlCarriesEveryBranchFieldLosslessly() {
        var doc = Documents.template();
        var text = yaml.write(doc);
        assertThat(text)
                .contains("readinessRule:", "forksFrom: SPE-2", "track: RS", "electivesRequired: 1")
                .contains("applicability: ELECTIVE", "applicability: TRACK", "weight: 3");
        var back = yaml.readValidated(text.getBytes(UTF_8));
        assertThat(back).isEqualTo(doc);
        assertThat(back.tracks()).hasSize(2);
        var content = Documents.content(back, 2, VersionStatus.DRAFT);
        assertThat(content.rule()).isEqualTo(new ReadinessRule(true, 60, false));
        assertThat(content.competency("architecture-tradeoff-analysis")
                        .orElseThrow()
                        .weight())
                .isEqualTo(3);
    }

    @Test
    void csvCarriesEveryBranchFieldLosslessly() {
        var doc = withRule(Documents.template(), new LadderDocument.RuleDoc(false, 75, true));
        var text = csvWriter.write(doc);
        assertThat(text.lines().findFirst().orElseThrow()).isEqualTo(String.join(",", LadderCsv.WITH_BRANCHES));
        var back = csvReader.readValidated(text.getBytes(UTF_8), doc.name(), doc.description(), doc);
        assertThat(back.readinessRule()).isEqualTo(doc.readinessRule());
        assertThat(back.tracks()).isEqualTo(doc.tracks());
        assertThat(back.tiers()).isEqualTo(doc.tiers());
        assertThat(branches(back)).isEqualTo(branches(doc)).contains("internal-platform-adoption ELECTIVE null");
        assertThat(csvWriter.write(back)).isEqualTo(text);
    }

    @Test
    void anOldSevenColumnCsvStillImportsAsCoreCompetenciesOnOneLine() {
        var text = "tier,level,area,competency,specialization,expectation,examples\r\n"
                + "IC: Engineers,L1: Engineer,craft: Craft,testing: Testing,,Writes tests,\r\n";
        var doc = csvReader.readValidated(text.getBytes(UTF_8), "Old", null, null);
        assertThat(doc.tracks()).isNull();
        assertThat(doc.readinessRule()).isNull();
        var content = Documents.content(doc, 1, VersionStatus.DRAFT);
        assertThat(content.competencies().getFirst().applicability().name()).isEqualTo("CORE");
        assertThat(content.rule()).isEqualTo(ReadinessRule.DEFAULT);
    }

    @Test
    void badBranchCellsAreRefusedWithTheirLineAndColumn() {
        var header = String.join(",", LadderCsv.WITH_BRANCHES) + "\r\n";
        var text = header
                + "IC: Engineers,L1: Engineer,,,,,,,,,,,currentCore=maybe\r\n"
                + "IC: Engineers,L2: Senior,,,,,,X: Experts,L9,many,,,\r\n"
                + "IC: Engineers,L1: Engineer,craft: Craft,testing: Testing,,Writes tests,,,,,SOMETIMES,9,\r\n";
        assertThatThrownBy(() -> csvReader.readValidated(text.getBytes(UTF_8), "Bad", null, null))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("Row 2, column readiness rule: write the rule as currentCore=true")
                .hasMessageContaining("Row 3, column electives required: 'many' is not a whole number");
        var second = header
                + "IC: Engineers,L1: Engineer,,,,,,X: Experts,L9,,,,\r\n"
                + "IC: Engineers,L1: Engineer,craft: Craft,testing: Testing,,Writes tests,,,,,SOMETIMES,9,\r\n";
        assertThatThrownBy(() -> csvReader.readValidated(second.getBytes(UTF_8), "Bad", null, null))
                .hasMessageContaining("column forks from: 'L9' is not a level of this ladder")
                .hasMessageContaining("column applicability: 'SOMETIMES' is not an applicability")
                .hasMessageContaining("column weight: must be between 1 and 5 (found 9)");
    }

    @Test
    void markdownStatesTracksElectivesApplicabilityAndTheRule() {
        var md = new LadderMarkdown().write(Documents.content(Documents.template(), 1, VersionStatus.PUBLISHED));
        assertThat(md)
                .contains("Research Scientist")
                .contains("forks from SPE-2")
                .contains("at least 1 elective")
                .contains("Elective")
                .contains("60%");
    }

    /** Each competency's applicability and weight, as the CSV carries them. */
    private static java.util.List<String> branches(LadderDocument doc) {
        return doc.areas().stream()
                .flatMap(a -> a.competencies().stream())
                .map(c -> c.key() + " " + c.applicability() + " " + c.weight())
                .toList();
    }

    private static LadderDocument withRule(LadderDocument doc, LadderDocument.RuleDoc rule) {
        return new LadderDocument(
                doc.schema(), doc.name(), doc.description(), rule, doc.tracks(), doc.tiers(), doc.areas());
    }
}
