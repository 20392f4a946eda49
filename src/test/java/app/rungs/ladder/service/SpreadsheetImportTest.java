package app.rungs.ladder.service;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import app.rungs.ladder.service.LadderDocument.CompetencyDoc;
import app.rungs.ladder.service.LadderDocument.ExpectationDoc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Ladder CSV files as spreadsheets really write them: semicolons and tabs, a byte order mark, CRLF, trailing empty
 * columns, blank rows, fill-down blocks and cells over several lines — and every problem of a file reported at once,
 * in row order, with the spreadsheet's row numbers.
 */
class SpreadsheetImportTest {

    private static final Path FIXTURES = Path.of("src/test/resources/ladder-imports");
    private static final String HEADER = "tier,level,area,competency,specialization,expectation,examples";

    private final LadderCsvReader reader = new LadderCsvReader();
    private final LadderCsvWriter writer = new LadderCsvWriter();

    private LadderDocument read(String text) {
        return reader.readValidated(text.getBytes(UTF_8), "Sheet", null, null);
    }

    private List<String> problems(String text, LadderDocument base) {
        var e = catchThrowableOfType(
                ImportException.class, () -> reader.readValidated(text.getBytes(UTF_8), "Sheet", null, base));
        assertThat(e).as("the file is refused").isNotNull();
        return e.problems();
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
    void semicolonAndTabFilesReadExactlyLikeTheCommaFile() {
        var comma = writer.write(Documents.small("Writes unit tests"));
        var expected = read(comma);
        // The readiness rule cell holds semicolons: rewrite with a CSV printer, which quotes it as a spreadsheet would.
        assertThat(read(withDelimiter(comma, ';'))).isEqualTo(expected);
        assertThat(read(withDelimiter(comma, '\t'))).isEqualTo(expected);
    }

    private static String withDelimiter(String commaCsv, char delimiter) {
        var out = new java.io.StringWriter();
        try (var parser = org.apache.commons.csv.CSVParser.parse(commaCsv, org.apache.commons.csv.CSVFormat.RFC4180);
                var printer = new org.apache.commons.csv.CSVPrinter(
                        out,
                        org.apache.commons.csv.CSVFormat.RFC4180
                                .builder()
                                .setDelimiter(delimiter)
                                .get())) {
            for (var record : parser) {
                printer.printRecord(record.toList());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString();
    }

    @Test
    void anExcelExportWithBomSepLineCrlfTrailingColumnsAndBlankRowsIsRead() {
        var text = "\uFEFFsep=;\r\n" + HEADER.replace(',', ';') + ";;;\r\n"
                + ";;;;;;;;\r\n"
                + "IC: Individual contributors;L1: Engineer I;craft: Craft;testing: Testing;;\"Writes tests\r\nand"
                + " runs them\rbefore review\";;;\r\n"
                + "\r\n"
                + ";L2: Engineer II;;;;Designs the test strategy;;;\r\n";
        var doc = read(text);
        assertThat(doc.tiers().getFirst().levels()).extracting("key").containsExactly("L1", "L2");
        assertThat(expectation(doc, "testing", "L1").statement())
                .as("CR and CRLF inside a cell become \\n")
                .isEqualTo("Writes tests\nand runs them\nbefore review");
        assertThat(expectation(doc, "testing", "L2").statement()).isEqualTo("Designs the test strategy");
    }

    @Test
    void fillDownBlocksNameTierLevelAreaAndCompetencyOnce() throws IOException {
        var doc = reader.readValidated(Files.readAllBytes(FIXTURES.resolve("fill-down.csv")), "Sheet", null, null);
        assertThat(doc.tiers())
                .singleElement()
                .satisfies(t -> assertThat(t.levels()).extracting("key").containsExactly("L1", "L2"));
        assertThat(doc.areas()).extracting("key").containsExactly("craft", "delivery");
        assertThat(competencies(doc)).extracting("key").containsExactly("testing", "code-review", "planning");
        assertThat(expectation(doc, "code-review", "L1").statement()).isEqualTo("Reviews small changes.");
        assertThat(expectation(doc, "planning", "L1").statement()).isEqualTo("Plans own tasks.");
        assertThat(expectation(doc, "code-review", "L2").statement()).isEqualTo("Reviews designs.");
        assertThat(expectation(doc, "planning", "L2").statement()).isEqualTo("Plans the team's iteration.");
    }

    @Test
    void aCompetencyNamedOnceCarriesDownAcrossLevels() {
        var doc = read(HEADER + "\n"
                + "IC: Individual contributors,L1: Engineer I,craft: Craft,testing: Testing,,Writes unit tests.,\n"
                + ",L2: Engineer II,,,,Designs the test strategy.,\n"
                + ",,,code-review: Code review,,Reviews designs.,\n"
                + ",L1: Engineer I,,,,Reviews small changes.,\n");
        assertThat(expectation(doc, "testing", "L2").statement()).isEqualTo("Designs the test strategy.");
        assertThat(expectation(doc, "code-review", "L2").statement()).isEqualTo("Reviews designs.");
        assertThat(expectation(doc, "code-review", "L1").statement()).isEqualTo("Reviews small changes.");
    }

    @Test
    void everyProblemIsReportedInRowOrderWithSpreadsheetRowsNotTextLines() throws IOException {
        var text = Files.readString(FIXTURES.resolve("several-problems.csv"));
        assertThat(problems(text, null))
                .containsExactly(
                        "Row 3, column specialization: 'QUANTUM' is not a specialization; use one of"
                                + " CLOUD_INFRASTRUCTURE, DATA_INFRASTRUCTURE, RESEARCH_PROTOCOL_DESIGN,"
                                + " SECURITY_COMPLIANCE.",
                        // Row 5 is text line 6: row 4 holds a cell over two lines.
                        "Row 5, column level: the level 'Senior Enginer' looks like a typo of 'Senior Engineer' (row"
                                + " 2); did you mean 'Senior Engineer'?",
                        "Row 7, column level: competency testing has two expectations for STAFF-ENGINEER.",
                        "Row 8, column competency: an expectation needs a competency.");
    }

    @Test
    void aNameCloseToOneInTheLadderIsATypoWithItsSuggestion() {
        var base = Documents.small("Writes unit tests");
        var text =
                HEADER + "\n" + "IC: Individual contributor,L1: Engineer,craft: Craft,Tseting,,Writes unit tests.,\n";
        assertThat(problems(text, base))
                .containsExactly("Row 2, column competency: the competency 'Tseting' looks like a typo of 'Testing'"
                        + " (testing in the ladder); did you mean 'Testing'?");
    }

    @Test
    void aMistakeFilledDownABlockIsSaidOnceWithItsOtherRows() {
        var text = HEADER + "\n"
                + "IC: Individual contributors,L1: Engineer I,,,,,\n"
                + "IC: Individual contributors,L1: Junior,craft: Craft,testing: Testing,,Writes tests.,\n"
                + ",,,code-review: Code review,,Reviews.,\n";
        assertThat(problems(text, null))
                .containsExactly("Row 3, column level: the level key L1 is named 'Junior' here but 'Engineer I' on"
                        + " row 2. The same on row 4.");
    }

    @Test
    void namesThatDifferOnPurposeAreNotTypos() {
        assertThat(NearMiss.similar("Engineer I", "Engineer II")).isFalse();
        assertThat(NearMiss.similar("Senior Engineer 1", "Senior Engineer 2")).isFalse();
        assertThat(NearMiss.similar("Principal Engineer (IC)", "Principal Engineer (PM)"))
                .isFalse();
        assertThat(NearMiss.similar("Level1", "Level2")).isFalse();
        assertThat(NearMiss.similar("Frontend", "Backend")).isFalse();
        assertThat(NearMiss.similar("Code review", "Code  Review")).isTrue();
        assertThat(NearMiss.similar("Leader election", "Leaderelection")).isTrue();
        assertThat(NearMiss.similar("Distributed consensus", "Distributed concensus"))
                .isTrue();
        // The built-in template (about 50 competencies, six levels) has no near-miss pair.
        var template = Documents.template();
        assertThat(reader.readValidated(writer.write(template).getBytes(UTF_8), template.name(), null, template))
                .isNotNull();
    }
}
