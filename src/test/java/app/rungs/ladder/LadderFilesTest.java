package app.rungs.ladder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rungs.ladder.domain.ExpectationKind;
import app.rungs.ladder.domain.SpecializationTrack;
import app.rungs.ladder.service.ImportException;
import app.rungs.ladder.service.LadderCompetencyService;
import app.rungs.ladder.service.LadderDraftService;
import app.rungs.ladder.service.LadderFileService;
import app.rungs.ladder.service.LadderFormat;
import app.rungs.ladder.service.LadderLifecycleService;
import app.rungs.ladder.service.LadderService;
import app.rungs.ladder.service.LadderStructureService;
import app.rungs.ladder.service.LadderTemplates;
import app.rungs.shared.service.ConcurrentEditException;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/** Ladder files in and out: lossless YAML, flat CSV, Markdown, and imports that are all or nothing. */
@IntegrationTest
@WithUserDetails(DemoUsers.ADMIN)
class LadderFilesTest {

    @Autowired
    LadderService ladders;

    @Autowired
    LadderDraftService drafts;

    @Autowired
    LadderFileService files;

    @Autowired
    LadderLifecycleService lifecycle;

    @Autowired
    LadderStructureService structure;

    @Autowired
    LadderCompetencyService competencies;

    private Long adoptTemplate() {
        return lifecycle.createFromTemplate(LadderTemplates.DISTRIBUTED_SYSTEMS, "Files " + UUID.randomUUID());
    }

    private Long publishedVersion(Long ladderId) {
        return ladders.published(ladderId).orElseThrow().version().id();
    }

    private String export(Long versionId, LadderFormat format) {
        return new String(files.export(versionId, format).content(), StandardCharsets.UTF_8);
    }

    /** Exports a version, imports it as the ladder's next draft, exports that draft: the two files must be equal. */
    private void assertRoundTrip(Long ladderId, Long versionId, LadderFormat format) {
        var first = files.export(versionId, format).content();
        var draftId = files.importIntoDraft(
                ladderId,
                ladders.draftOf(ladderId)
                        .map(id -> ladders.content(id).version().version())
                        .orElse(null),
                "round-trip." + format.extension(),
                first);
        var second = files.export(draftId, format).content();
        assertThat(new String(second, StandardCharsets.UTF_8)).isEqualTo(new String(first, StandardCharsets.UTF_8));
        assertThat(second).isEqualTo(first);
    }

    /** A published version 2 with explicit "not expected" cells and multi-line, quote- and formula-like text. */
    private Long editedLadder() {
        var ladderId = adoptTemplate();
        var draftId = lifecycle.startDraft(ladderId);
        var draft = ladders.content(draftId);
        var competency = draft.competencies().get(3).key();
        var other = draft.competencies().get(7).key();
        setCell(
                draftId,
                competency,
                "DSE-3",
                ExpectationKind.EXPECTED,
                """
                Leads the design review for the subsystem:
                - writes the design doc, "with quotes" and 'apostrophes'
                - keeps trailing spaces here  \s

                and a blank line above; # not a comment: really""",
                "=SUM(A1:A3) is not a formula\n@mention\n+1 idea");
        setCell(draftId, competency, "SPE-2", ExpectationKind.NOT_EXPECTED, null, null);
        setCell(draftId, other, "DE-1", ExpectationKind.NOT_EXPECTED, null, null);
        setCell(draftId, other, "DSE-1", ExpectationKind.EXPECTED, "-leading dash, null, true, 12", "yes");
        var version = ladders.content(draftId).version().version();
        version = structure.updateLevel(
                draftId, version, "DSE-2", "Engineer II", "Scope line one\nline two", null, "2 – 5 years");
        version = competencies.addCompetency(
                draftId,
                version,
                draft.areas().getFirst().key(),
                null,
                "Plain: Competency, with comma",
                "Multi-line\ndescription",
                List.of(SpecializationTrack.SECURITY_COMPLIANCE, SpecializationTrack.CLOUD_INFRASTRUCTURE));
        setCell(
                draftId,
                "plain-competency-with-comma",
                "SPE-1",
                ExpectationKind.EXPECTED,
                "Asked: from Staff on.",
                null);
        lifecycle.publish(draftId, version, "Edited for the round trip");
        return ladderId;
    }

    private void setCell(
            Long draftId, String competency, String level, ExpectationKind kind, String statement, String examples) {
        var existing = ladders.content(draftId).explicit(competency, level);
        drafts.setExpectation(
                draftId,
                competency,
                level,
                kind,
                statement,
                examples,
                existing.map(e -> e.version()).orElse(null));
    }

    @Test
    void theTemplateSurvivesAYamlRoundTripByteForByte() {
        var ladderId = adoptTemplate();
        assertRoundTrip(ladderId, publishedVersion(ladderId), LadderFormat.YAML);
    }

    @Test
    void anEditedLadderSurvivesAYamlRoundTripByteForByte() {
        var ladderId = editedLadder();
        var yaml = export(publishedVersion(ladderId), LadderFormat.YAML);
        assertThat(yaml).contains("notExpected: true").contains("Leads the design review for the subsystem:");
        assertRoundTrip(ladderId, publishedVersion(ladderId), LadderFormat.YAML);
    }

    @Test
    void theTemplateAndAnEditedLadderSurviveACsvRoundTripByteForByte() {
        var template = adoptTemplate();
        assertRoundTrip(template, publishedVersion(template), LadderFormat.CSV);
        var edited = editedLadder();
        assertRoundTrip(edited, publishedVersion(edited), LadderFormat.CSV);
    }

    @Test
    void aDraftWithAnEmptyCompetencyAndALevelWithoutOwnExpectationsSurvivesACsvRoundTrip() {
        var ladderId = adoptTemplate();
        var draftId = lifecycle.startDraft(ladderId);
        var content = ladders.content(draftId);
        long version = content.version().version();
        version = structure.addLevel(draftId, version, "DIST", "DE-2", "Fellow");
        version = competencies.addCompetency(
                draftId, version, content.areas().getLast().key(), "empty-one", "Not yet written", null, List.of());
        version = competencies.addArea(draftId, version, "empty-area", "An area without competencies", null);
        var first = export(draftId, LadderFormat.CSV);
        assertThat(first)
                // The matrix cells of each row; the six branch columns follow them.
                .containsPattern("\r\n\"\",,empty-area: An area without competencies,,,,[^\r\n]*\r\n")
                .containsPattern("\r\nDIST: Distinguished Engineer / Research Scientist,DE-2: Fellow,,,,,[^\r\n]*\r\n")
                .containsPattern(",empty-one: Not yet written,,,[^\r\n]*\r\n");
        var reimported = files.importIntoDraft(ladderId, version, "draft.csv", first.getBytes(StandardCharsets.UTF_8));
        assertThat(export(reimported, LadderFormat.CSV)).isEqualTo(first);
        assertThat(ladders.content(reimported).competency("empty-one")).isPresent();
    }

    @Test
    void aCsvImportIntoAnExistingLadderKeepsEverythingTheCsvDoesNotCarry() {
        var ladderId = editedLadder();
        var published = publishedVersion(ladderId);
        var draftId = files.importIntoDraft(
                ladderId,
                null,
                "matrix.csv",
                files.export(published, LadderFormat.CSV).content());
        assertThat(export(draftId, LadderFormat.YAML)).isEqualTo(export(published, LadderFormat.YAML));
    }

    @Test
    void aYamlFileImportsAsANewLadderWithItsOwnName() {
        var source = publishedVersion(adoptTemplate());
        var yaml = export(source, LadderFormat.YAML);
        var name = "Imported " + UUID.randomUUID();
        var draftId = files.importNewLadder("ladder.yaml", yaml.getBytes(StandardCharsets.UTF_8), name);
        var imported = ladders.content(draftId);
        assertThat(imported.version().ladderName()).isEqualTo(name);
        assertThat(imported.version().number()).isEqualTo(1);
        assertThat(imported.version().status().name()).isEqualTo("DRAFT");
        var sourceName = ladders.content(source).version().ladderName();
        assertThat(export(draftId, LadderFormat.YAML).replace(name, sourceName)).isEqualTo(yaml);
    }

    @Test
    void csvExportNeutralizesSpreadsheetFormulasAndImportRestoresThem() throws IOException {
        var ladderId = adoptTemplate();
        var draftId = lifecycle.startDraft(ladderId);
        var c = ladders.content(draftId).competencies().getFirst().key();
        var statements = List.of(
                "=HYPERLINK(\"http://evil\")",
                "+1 more",
                "-dash",
                "@SUM(A1)",
                "\tTabbed",
                "\rReturn",
                "'=already quoted");
        var levels = List.of("DSE-1", "DSE-2", "DSE-3", "SPE-1", "SPE-2", "DE-1");
        for (int i = 0; i < levels.size(); i++) {
            setCell(
                    draftId,
                    c,
                    levels.get(i),
                    ExpectationKind.EXPECTED,
                    statements.get(i) + " text",
                    i == 0 ? "=1+1" : null);
        }
        var csv = export(draftId, LadderFormat.CSV);
        var cells = CSVFormat.RFC4180.parse(new StringReader(csv)).getRecords().stream()
                .flatMap(r -> r.toList().stream())
                .toList();
        assertThat(cells)
                .contains(
                        "'=HYPERLINK(\"http://evil\") text", "'+1 more text", "'-dash text", "'@SUM(A1) text", "'=1+1");
        assertThat(cells).noneMatch(cell -> !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0);

        var reimported = files.importIntoDraft(
                ladderId, ladders.content(draftId).version().version(), "x.csv", csv.getBytes(StandardCharsets.UTF_8));
        var content = ladders.content(reimported);
        assertThat(content.explicit(c, "DSE-1").orElseThrow().statement())
                .isEqualTo("=HYPERLINK(\"http://evil\") text");
        assertThat(content.explicit(c, "DSE-1").orElseThrow().examples()).isEqualTo("=1+1");
        assertThat(content.explicit(c, "SPE-1").orElseThrow().statement()).isEqualTo("@SUM(A1) text");
    }

    @Test
    void theMarkdownExportReadsAsAHandbookPage() {
        var ladderId = editedLadder();
        var md = export(publishedVersion(ladderId), LadderFormat.MARKDOWN);
        assertThat(md).startsWith("# Files ");
        assertThat(md)
                .contains(
                        "## Levels",
                        "### Distributed Systems Engineer (IC)",
                        "#### DSE-1 — Distributed Systems Engineer I",
                        "**Scope.**",
                        "**Impact.**",
                        "## What each level asks",
                        "_Not expected at this level._",
                        "**Typical experience:** 2 – 5 years");
        assertThat(md).contains("_Examples:_ =SUM(A1:A3) is not a formula").contains("\\- writes the design doc");
        assertThat(md.indexOf("## Levels")).isLessThan(md.indexOf("## What each level asks"));
    }

    @Test
    void importingIntoALadderWhoseDraftChangedMeanwhileIsRefused() {
        var ladderId = adoptTemplate();
        var yaml = files.export(publishedVersion(ladderId), LadderFormat.YAML).content();
        lifecycle.startDraft(ladderId);
        assertThatThrownBy(() -> files.importIntoDraft(ladderId, null, "x.yaml", yaml))
                .isInstanceOf(ConcurrentEditException.class);
    }

    @Test
    void aCsvForANewLadderNeedsAName() {
        assertThatThrownBy(() -> files.importNewLadder("x.csv", "tier,level\n".getBytes(StandardCharsets.UTF_8), " "))
                .hasMessageContaining("Give the new ladder a name");
    }

    @Test
    void aFileWithSeveralProblemsNamesEveryOne() {
        var csv = """
                tier,level,area,competency,specialization,expectation,examples
                ,L2: Senior,,,,,
                IC: Engineers,L1: Engineer,,,,,
                IC: Engineers,L1: Engineer,craft: Craft,testing: Testing,NOPE,Tests.,
                """;
        assertThatThrownBy(() -> files.importNewLadder(
                        "m.csv", csv.getBytes(StandardCharsets.UTF_8), "Multi " + UUID.randomUUID()))
                .isInstanceOfSatisfying(
                        ImportException.class,
                        e -> assertThat(e.problems())
                                .containsExactly(
                                        "Row 2, column tier: level L2: Senior needs its tier.",
                                        "Row 4, column specialization: 'NOPE' is not a specialization; use one of CLOUD_INFRASTRUCTURE, DATA_INFRASTRUCTURE, RESEARCH_PROTOCOL_DESIGN, SECURITY_COMPLIANCE."));
    }
}
