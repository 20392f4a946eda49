package app.rungs.ladder.service;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rungs.ladder.domain.VersionStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The YAML, CSV and Markdown forms of a ladder, without Spring or a database. */
class LadderFilesRoundTripTest {

    private final LadderYaml yaml = new LadderYaml();
    private final LadderCsvWriter csvWriter = new LadderCsvWriter();
    private final LadderCsvReader csvReader = new LadderCsvReader();

    @Test
    void yamlExportImportExportIsByteIdenticalAndLossless() {
        var doc = Documents.template();
        var text = yaml.write(doc);
        var back = yaml.readValidated(text.getBytes(UTF_8));
        assertThat(back).isEqualTo(doc);
        assertThat(yaml.write(back)).isEqualTo(text);
    }

    @Test
    void csvExportImportExportIsStableAndKeepsTheMatrix() {
        var doc = Documents.template();
        var text = csvWriter.write(doc);
        var back = csvReader.readValidated(text.getBytes(UTF_8), doc.name(), doc.description(), doc);
        assertThat(csvWriter.write(back)).isEqualTo(text);
        assertThat(back.tiers()).isEqualTo(doc.tiers());
        assertThat(matrix(back)).isEqualTo(matrix(doc));
    }

    /** Every competency's key with its area, specializations and expectations: what a CSV carries. */
    private static List<String> matrix(LadderDocument doc) {
        return doc.areas().stream()
                .flatMap(a -> a.competencies().stream()
                        .map(c -> a.key() + "/" + c.key() + " "
                                + (c.specializations() == null ? List.of() : c.specializations()) + " "
                                + c.expectations()))
                .toList();
    }

    @Test
    void csvWithoutABaseCarriesTheMatrixButNotTheDescriptions() {
        var doc = Documents.small("Writes unit tests");
        var back = csvReader.readValidated(csvWriter.write(doc).getBytes(UTF_8), "Small ladder", null, null);
        var competency = back.areas().getFirst().competencies().getFirst();
        assertThat(competency.expectations())
                .isEqualTo(doc.areas().getFirst().competencies().getFirst().expectations());
        assertThat(competency.description())
                .as("descriptions live in YAML only")
                .isNull();
        assertThat(back.tiers().getFirst().levels().getFirst().scope()).isNull();
    }

    @Test
    void aFormulaInACellIsNeutralizedOnExportAndRestoredOnImport() {
        var doc = Documents.small("=HYPERLINK(\"http://evil\")");
        var text = csvWriter.write(doc);
        assertThat(text).contains("\"'=HYPERLINK(\"\"http://evil\"\")\"").doesNotContain(",=HYPERLINK");
        var back = csvReader.readValidated(text.getBytes(UTF_8), "Small ladder", null, null);
        assertThat(back.areas()
                        .getFirst()
                        .competencies()
                        .getFirst()
                        .expectations()
                        .getFirst()
                        .statement())
                .isEqualTo("=HYPERLINK(\"http://evil\")");
    }

    @Test
    void aCsvProblemNamesItsRow() {
        // Header, two level rows, two expectation rows: the long row added is row 6.
        var text = csvWriter.write(Documents.small("Writes unit tests"))
                + "IC: Individual contributor,L1: Engineer,,,,,,,,,,,x,y,z\r\n";
        assertThatThrownBy(() -> csvReader.readValidated(text.getBytes(UTF_8), "Small ladder", null, null))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("Row 6: the row has 15 cells but the header names 13");
    }

    @Test
    void aCsvWithAnotherHeaderIsRefusedAsAWhole() {
        var text = "tier,level\nIC: Individual contributor,L1: Engineer\n";
        assertThatThrownBy(() -> csvReader.readValidated(text.getBytes(UTF_8), "Small ladder", null, null))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("Row 1: the header row must be exactly " + String.join(",", LadderCsv.COLUMNS));
    }

    @Test
    void markdownIsAHandbookPageWithEveryLevelAndExpectation() {
        var content = Documents.content(Documents.small("Writes *unit* tests"), 3, VersionStatus.PUBLISHED);
        var md = new LadderMarkdown().write(content);
        assertThat(md).startsWith("# Small ladder\n");
        assertThat(md).contains("_Version 3, published ");
        assertThat(md).contains("#### L1 — Engineer").contains("#### L2 — Senior engineer");
        assertThat(md).contains("**Scope.** Own tasks");
        assertThat(md).as("markdown in a statement is escaped").contains("Writes \\*unit\\* tests");
        assertThat(md).contains("- **L2:** _Not expected at this level._");
    }

    @Test
    void markdownOfADraftSaysItIsNotPublished() {
        var content = Documents.content(Documents.small("Writes unit tests"), 4, VersionStatus.DRAFT);
        assertThat(new LadderMarkdown().write(content)).contains("_Version 4 (draft, not yet published)._");
    }
}
