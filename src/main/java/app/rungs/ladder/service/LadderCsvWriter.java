package app.rungs.ladder.service;

import app.rungs.ladder.service.LadderDocument.AreaDoc;
import app.rungs.ladder.service.LadderDocument.LevelDoc;
import app.rungs.ladder.service.LadderDocument.TierDoc;
import app.rungs.ladder.service.LadderDocument.TrackDoc;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;

/** Writes a ladder document as flat CSV (see {@link LadderCsv}); every cell is neutralized against formulas. */
public final class LadderCsvWriter {
    /** Writes a ladder document as CSV; every cell is neutralized against spreadsheet formulas. */
    public String write(LadderDocument doc) {
        var out = new StringWriter();
        try (var printer = new CSVPrinter(out, LadderCsv.WRITE)) {
            printer.printRecord(LadderCsv.WITH_BRANCHES);
            var tracks = new HashMap<String, TrackDoc>();
            if (doc.tracks() != null) {
                doc.tracks().forEach(t -> tracks.put(t.key(), t));
            }
            var ruleCell = LadderCsvBranches.ruleCell(doc.readinessRule());
            var none = List.of("", "", "", "", "", "");
            var tierOfLevel = new HashMap<String, TierDoc>();
            var levelByKey = new HashMap<String, LevelDoc>();
            var levelOrder = new ArrayList<String>();
            for (var tier : doc.tiers()) {
                if (tier.levels() == null || tier.levels().isEmpty()) {
                    row(printer, List.of(LadderCsv.label(tier.key(), tier.name()), "", "", "", "", "", ""), none);
                    continue;
                }
                for (var level : tier.levels()) {
                    tierOfLevel.put(level.key(), tier);
                    levelByKey.put(level.key(), level);
                    levelOrder.add(level.key());
                    var branch = new ArrayList<>(LadderCsvBranches.levelCells(level, tracks));
                    if (ruleCell != null) {
                        branch.set(LadderCsvBranches.RULE, ruleCell);
                        ruleCell = null;
                    }
                    row(
                            printer,
                            List.of(
                                    LadderCsv.label(tier.key(), tier.name()),
                                    LadderCsv.label(level.key(), level.title()),
                                    "",
                                    "",
                                    "",
                                    "",
                                    ""),
                            branch);
                }
            }
            for (var area : doc.areas() == null ? List.<AreaDoc>of() : doc.areas()) {
                var areaLabel = LadderCsv.label(area.key(), area.name());
                if (area.competencies() == null || area.competencies().isEmpty()) {
                    row(printer, List.of("", "", areaLabel, "", "", "", ""), none);
                    continue;
                }
                for (var c : area.competencies()) {
                    var competencyLabel = LadderCsv.label(c.key(), c.name());
                    var specs = c.specializations() == null ? "" : String.join("; ", c.specializations());
                    var branch = LadderCsvBranches.competencyCells(c);
                    if (c.expectations() == null || c.expectations().isEmpty()) {
                        row(printer, List.of("", "", areaLabel, competencyLabel, specs, "", ""), branch);
                        continue;
                    }
                    var sorted = c.expectations().stream()
                            .sorted((a, b) ->
                                    Integer.compare(levelOrder.indexOf(a.level()), levelOrder.indexOf(b.level())))
                            .toList();
                    for (var e : sorted) {
                        var tier = tierOfLevel.get(e.level());
                        var level = levelByKey.get(e.level());
                        boolean notExpected = Boolean.TRUE.equals(e.notExpected());
                        row(
                                printer,
                                List.of(
                                        tier == null ? "" : LadderCsv.label(tier.key(), tier.name()),
                                        level == null ? e.level() : LadderCsv.label(level.key(), level.title()),
                                        areaLabel,
                                        competencyLabel,
                                        specs,
                                        notExpected ? LadderCsv.NOT_EXPECTED : nullToEmpty(e.statement()),
                                        notExpected ? "" : nullToEmpty(e.examples())),
                                branch);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** One row: the seven matrix cells, then the branch cells. */
    private static void row(CSVPrinter printer, List<String> matrix, List<String> branch) throws IOException {
        printer.printRecord(java.util.stream.Stream.concat(matrix.stream(), branch.stream())
                .map(LadderCsv::neutralize)
                .toList());
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
