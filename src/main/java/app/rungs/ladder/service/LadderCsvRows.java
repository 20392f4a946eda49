package app.rungs.ladder.service;

import app.rungs.ladder.domain.SpecializationTrack;
import app.rungs.ladder.service.LadderDocument.AreaDoc;
import app.rungs.ladder.service.LadderDocument.CompetencyDoc;
import app.rungs.ladder.service.LadderDocument.ExpectationDoc;
import app.rungs.ladder.service.LadderDocument.LevelDoc;
import app.rungs.ladder.service.LadderDocument.TierDoc;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Collects the rows of a CSV ladder file into tiers, levels, areas, competencies and expectations, in file order,
 * remembering the spreadsheet row of every part and every problem found; {@link LadderCsvReader} drives it row by row.
 * The spreadsheet reading rules (fill-down of blank cells, names that look like typos) are {@link LadderCsvSheetRules}.
 */
final class LadderCsvRows {

    final Map<String, Integer> lines = new HashMap<>();
    private final Map<String, TierAcc> tiers = new LinkedHashMap<>();
    private final Map<String, LevelAcc> levels = new HashMap<>();
    private final Map<String, AreaAcc> areas = new LinkedHashMap<>();
    private final Map<String, CompetencyAcc> competencies = new HashMap<>();
    private final Map<String, TierDoc> baseTiers = new HashMap<>();
    private final Map<String, LevelDoc> baseLevels = new HashMap<>();
    private final Map<String, AreaDoc> baseAreas = new HashMap<>();
    private final Map<String, CompetencyDoc> baseCompetencies = new HashMap<>();
    private final List<NearMiss.Problem> problems = new ArrayList<>();
    private final LadderCsvSheetRules.FillDown fillDown = new LadderCsvSheetRules.FillDown();
    // Branch columns (track, electives, applicability, weight, rule) live in LadderCsvBranches.
    private final LadderDocument base;
    private final LadderCsvBranches branches = new LadderCsvBranches(this::problem);
    private int width = LadderCsv.COLUMNS.size();

    LadderCsvRows(LadderDocument base) {
        this.base = base;
        if (base != null) {
            for (var t : base.tiers()) {
                baseTiers.put(t.key(), t);
                for (var l : t.levels()) {
                    baseLevels.put(l.key(), l);
                }
            }
            for (var a : base.areas() == null ? List.<AreaDoc>of() : base.areas()) {
                baseAreas.put(a.key(), a);
                for (var c : a.competencies() == null ? List.<CompetencyDoc>of() : a.competencies()) {
                    baseCompetencies.put(c.key(), c);
                }
            }
        }
    }

    void header(CsvGrid.Row record) {
        var found = record.cells().stream()
                .map(s -> s.strip().toLowerCase(Locale.ROOT))
                .toList();
        if (!found.isEmpty() && found.getFirst().startsWith("\uFEFF")) {
            found = new ArrayList<>(found);
            found.set(0, found.getFirst().substring(1));
        }
        if (found.equals(LadderCsv.WITH_BRANCHES)) {
            width = LadderCsv.WITH_BRANCHES.size();
        } else if (!found.equals(LadderCsv.COLUMNS)) {
            throw new ImportException("Row " + record.number() + ": the header row must be exactly "
                    + String.join(",", LadderCsv.COLUMNS) + " (optionally followed by "
                    + String.join(",", LadderCsvBranches.COLUMNS) + ") (found " + String.join(",", record.cells())
                    + "); or, for a sheet with one criterion per row, level, competency and criterion (area and tier"
                    + " optional).");
        }
    }

    void row(CsvGrid.Row record) {
        int line = record.number();
        if (record.size() > width) {
            problem(
                    line,
                    null,
                    "the row has " + record.size() + " cells but the header names " + width
                            + "; is there a delimiter inside a cell that is not quoted?");
            return;
        }
        var branchCells = new String[LadderCsvBranches.COLUMNS.size()];
        for (int i = 0; i < branchCells.length; i++) {
            branchCells[i] = i + LadderCsv.COLUMNS.size() < width
                    ? LadderCsv.unneutralize(record.cell(i + LadderCsv.COLUMNS.size()))
                            .strip()
                    : "";
        }
        branches.rule(line, branchCells);
        var cells = new String[LadderCsv.COLUMNS.size()];
        for (int i = 0; i < cells.length; i++) {
            var raw = LadderCsv.unneutralize(record.cell(i));
            cells[i] = i == LadderCsv.EXPECTATION || i == LadderCsv.EXAMPLES ? raw : raw.strip();
            if (cells[i].length() > LadderYaml.MAX_VALUE_CHARS) {
                problem(
                        line,
                        LadderCsv.COLUMNS.get(i),
                        "the cell is " + cells[i].length() + " characters long; at most " + LadderYaml.MAX_VALUE_CHARS
                                + " are allowed");
                return;
            }
        }
        fillDown.fill(cells);
        boolean tier = !cells[LadderCsv.TIER].isBlank();
        boolean level = !cells[LadderCsv.LEVEL].isBlank();
        boolean area = !cells[LadderCsv.AREA].isBlank();
        boolean competency = !cells[LadderCsv.COMPETENCY].isBlank();
        boolean specialization = !cells[LadderCsv.SPECIALIZATION].isBlank();
        boolean expectation = !cells[LadderCsv.EXPECTATION].isBlank();
        boolean examples = !cells[LadderCsv.EXAMPLES].isBlank();
        if (!tier && !level && !area && !competency && !specialization && !expectation && !examples) {
            return;
        }
        if (level && !tier) {
            problem(line, "tier", "level " + cells[LadderCsv.LEVEL] + " needs its tier");
            return;
        }
        if (competency && !area) {
            problem(line, "area", "competency " + cells[LadderCsv.COMPETENCY] + " needs its area");
            return;
        }
        if ((specialization || expectation || examples) && !competency) {
            problem(
                    line,
                    "competency",
                    (expectation || examples ? "an expectation" : "a specialization") + " needs a competency");
            return;
        }
        if (examples && !expectation) {
            problem(line, "expectation", "examples need a statement in the expectation column");
            return;
        }
        if (expectation && !level) {
            problem(line, "level", "an expectation needs the level it belongs to");
            return;
        }
        if (level && competency && !expectation) {
            problem(
                    line,
                    "expectation",
                    "write what " + cells[LadderCsv.LEVEL] + " asks, or " + LadderCsv.NOT_EXPECTED
                            + "; leave tier and level empty to list a competency without expectations");
            return;
        }
        if (tier && !level && (area || competency)) {
            problem(line, "level", "a row that names a tier and an area needs a level too");
            return;
        }
        if (level && area && !competency) {
            problem(line, "competency", "a row that names a level and an area needs a competency too");
            return;
        }
        TierAcc tierAcc = null;
        LevelAcc levelAcc = null;
        if (tier) {
            tierAcc = tier(line, cells[LadderCsv.TIER]);
            if (tierAcc == null) {
                return;
            }
            tierAcc.used(line);
        }
        if (level) {
            levelAcc = level(line, cells[LadderCsv.LEVEL], tierAcc);
            if (levelAcc == null) {
                return;
            }
            levelAcc.used(line);
            if (!competency) {
                branches.level(line, levelAcc.key, branchCells);
            }
        }
        AreaAcc areaAcc = null;
        if (area) {
            areaAcc = area(line, cells[LadderCsv.AREA]);
            if (areaAcc == null) {
                return;
            }
            areaAcc.used(line);
        }
        if (competency) {
            var competencyAcc = competency(line, cells[LadderCsv.COMPETENCY], areaAcc, cells[LadderCsv.SPECIALIZATION]);
            if (competencyAcc != null) {
                competencyAcc.used(line);
                branches.competency(line, competencyAcc.key, branchCells);
            }
            if (competencyAcc == null || !expectation) {
                return;
            }
            boolean notExpected = cells[LadderCsv.EXPECTATION].strip().equalsIgnoreCase(LadderCsv.NOT_EXPECTED);
            if (notExpected && examples) {
                problem(line, "examples", "a level marked " + LadderCsv.NOT_EXPECTED + " has no examples");
                return;
            }
            competencyAcc.expectations.add(new ExpectationAcc(
                    levelAcc.key,
                    notExpected ? null : cells[LadderCsv.EXPECTATION].strip(),
                    notExpected || !examples ? null : cells[LadderCsv.EXAMPLES].strip(),
                    notExpected,
                    line));
        }
    }

    private TierAcc tier(int line, String cell) {
        var label = LadderCsv.parseLabel(cell, LadderDocumentValidator.LEVEL_OR_TIER_KEY, LadderFileText::upperKey);
        if (label == null) {
            problem(line, "tier", "'" + cell + "' has no name");
            return null;
        }
        var existing = tiers.get(label.key());
        if (existing == null) {
            existing = new TierAcc(label.key(), label.name(), line);
            existing.typed = cell;
            tiers.put(label.key(), existing);
        } else if (!existing.name.equals(label.name())) {
            problem(line, "tier", sameKeyMessage("tier", label, existing.name, existing.line));
            return null;
        }
        return existing;
    }

    private LevelAcc level(int line, String cell, TierAcc tier) {
        var label = LadderCsv.parseLabel(cell, LadderDocumentValidator.LEVEL_OR_TIER_KEY, LadderFileText::upperKey);
        if (label == null) {
            problem(line, "level", "'" + cell + "' has no title");
            return null;
        }
        var existing = levels.get(label.key());
        if (existing == null) {
            existing = new LevelAcc(label.key(), label.name(), tier.key, line);
            existing.typed = cell;
            levels.put(label.key(), existing);
            tier.levels.add(existing);
        } else if (!existing.title.equals(label.name())) {
            problem(line, "level", sameKeyMessage("level", label, existing.title, existing.line));
            return null;
        } else if (!existing.tierKey.equals(tier.key)) {
            problem(
                    line,
                    "tier",
                    "level " + label.key() + " is in tier " + existing.tierKey + " on row " + existing.line
                            + ", not in " + tier.key);
            return null;
        }
        return existing;
    }

    private AreaAcc area(int line, String cell) {
        var label = LadderCsv.parseLabel(cell, LadderDocumentValidator.AREA_KEY, n -> LadderFileText.lowerKey(n, 60));
        if (label == null) {
            problem(line, "area", "'" + cell + "' has no name");
            return null;
        }
        var existing = areas.get(label.key());
        if (existing == null) {
            existing = new AreaAcc(label.key(), label.name(), line);
            existing.typed = cell;
            areas.put(label.key(), existing);
        } else if (!existing.name.equals(label.name())) {
            problem(line, "area", sameKeyMessage("area", label, existing.name, existing.line));
            return null;
        }
        return existing;
    }

    private CompetencyAcc competency(int line, String cell, AreaAcc area, String specCell) {
        var label =
                LadderCsv.parseLabel(cell, LadderDocumentValidator.COMPETENCY_KEY, n -> LadderFileText.lowerKey(n, 80));
        if (label == null) {
            problem(line, "competency", "'" + cell + "' has no name");
            return null;
        }
        var existing = competencies.get(label.key());
        if (existing == null) {
            existing = new CompetencyAcc(label.key(), label.name(), area.key, line);
            existing.typed = cell;
            competencies.put(label.key(), existing);
            area.competencies.add(existing);
        } else if (!existing.name.equals(label.name())) {
            problem(line, "competency", sameKeyMessage("competency", label, existing.name, existing.line));
            return null;
        } else if (!existing.areaKey.equals(area.key)) {
            problem(
                    line,
                    "area",
                    "competency " + label.key() + " is in area " + existing.areaKey + " on row " + existing.line
                            + ", not in " + area.key);
            return null;
        }
        if (!specCell.isBlank()) {
            var specs = specializations(line, specCell);
            if (specs == null) {
                return null;
            }
            if (existing.specializations == null) {
                existing.specializations = specs;
                existing.specializationLine = line;
            } else if (!existing.specializations.equals(specs)) {
                problem(
                        line,
                        "specialization",
                        "competency " + label.key() + " has specializations "
                                + String.join("; ", existing.specializations) + " on row "
                                + existing.specializationLine + "; leave the cell empty or repeat them exactly");
                return null;
            }
        }
        return existing;
    }

    private List<String> specializations(int line, String cell) {
        var result = new ArrayList<String>();
        for (var part : cell.split("[;,]")) {
            var wanted = part.strip();
            if (wanted.isEmpty()) {
                continue;
            }
            var match = Arrays.stream(SpecializationTrack.values())
                    .filter(t -> t.name().equalsIgnoreCase(wanted.replace(' ', '_'))
                            || t.label().equalsIgnoreCase(wanted))
                    .findFirst();
            if (match.isEmpty()) {
                problem(
                        line,
                        "specialization",
                        "'" + wanted + "' is not a specialization; use one of "
                                + Arrays.stream(SpecializationTrack.values())
                                        .map(Enum::name)
                                        .collect(Collectors.joining(", ")));
                return null;
            }
            if (result.contains(match.get().name())) {
                problem(line, "specialization", "'" + wanted + "' is listed twice");
                return null;
            }
            result.add(match.get().name());
        }
        return result;
    }

    private static String sameKeyMessage(String what, LadderCsv.Label label, String earlierName, int earlierLine) {
        return "the " + what + " key " + label.key() + " is named '" + label.name() + "' here but '" + earlierName
                + "' on row " + earlierLine
                + (NearMiss.similar(label.name(), earlierName) ? "; did you mean '" + earlierName + "'?" : "");
    }

    private void problem(int line, String column, String message) {
        var text = "Row " + line + (column == null ? "" : ", column " + column) + ": " + message;
        problems.add(new NearMiss.Problem(line, text.endsWith("?") ? text : text + "."));
    }

    /** A problem that is not about one row's cells, such as a syntax error that ended the file. */
    void problem(int row, String text) {
        problems.add(new NearMiss.Problem(row, text));
    }

    /**
     * Checks the file as a whole (names that look like typos of other names in the file or the ladder) and returns
     * every problem found, in row order.
     */
    List<NearMiss.Problem> finish() {
        if (problems.isEmpty() && tiers.isEmpty()) {
            problems.add(
                    new NearMiss.Problem(2, "Row 2: the file declares no levels; add rows with a tier and a level."));
        }
        problems.addAll(LadderCsvSheetRules.typos(
                named(levels.values().stream().sorted(Comparator.comparingInt(l -> l.line)), l -> l.key, l -> l.title),
                named(
                        competencies.values().stream().sorted(Comparator.comparingInt(c -> c.line)),
                        c -> c.key,
                        c -> c.name),
                named(areas.values().stream(), a -> a.key, a -> a.name),
                named(tiers.values().stream(), t -> t.key, t -> t.name),
                baseLevels.values(),
                baseCompetencies.values(),
                baseAreas.values(),
                baseTiers.values()));
        var sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparingInt(NearMiss.Problem::row));
        return sorted;
    }

    private static <T extends Used> List<NearMiss.Named> named(
            java.util.stream.Stream<T> parts,
            java.util.function.Function<T, String> key,
            java.util.function.Function<T, String> name) {
        return parts.map(p -> new NearMiss.Named(key.apply(p), name.apply(p), p.typed, p.rows))
                .toList();
    }

    LadderDocument document(String name, String description) {
        lines.put("/name", 1);
        lines.put("/tiers", 1);
        var tierDocs = new ArrayList<TierDoc>();
        int t = 0;
        for (var tier : tiers.values()) {
            var p = "/tiers/" + t++;
            lines.put(p, tier.line);
            var baseTier = baseTiers.get(tier.key);
            var levelDocs = new ArrayList<LevelDoc>();
            int l = 0;
            for (var level : tier.levels) {
                lines.put(p + "/levels/" + l++, level.line);
                var baseLevel = baseLevels.get(level.key);
                levelDocs.add(new LevelDoc(
                        level.key,
                        level.title,
                        baseLevel == null ? null : baseLevel.scope(),
                        baseLevel == null ? null : baseLevel.impact(),
                        baseLevel == null ? null : baseLevel.typicalExperience()));
            }
            tierDocs.add(new TierDoc(tier.key, tier.name, baseTier == null ? null : baseTier.description(), levelDocs));
        }
        var areaDocs = new ArrayList<AreaDoc>();
        int a = 0;
        for (var area : areas.values()) {
            var p = "/areas/" + a++;
            lines.put(p, area.line);
            var baseArea = baseAreas.get(area.key);
            var competencyDocs = new ArrayList<CompetencyDoc>();
            int c = 0;
            for (var competency : area.competencies) {
                var cp = p + "/competencies/" + c++;
                lines.put(cp, competency.line);
                if (competency.specializationLine > 0) {
                    lines.put(cp + "/specializations", competency.specializationLine);
                }
                var baseCompetency = baseCompetencies.get(competency.key);
                var expectationDocs = new ArrayList<ExpectationDoc>();
                int e = 0;
                for (var exp : competency.expectations) {
                    lines.put(cp + "/expectations/" + e++, exp.line);
                    expectationDocs.add(new ExpectationDoc(
                            exp.levelKey, exp.statement, exp.examples, exp.notExpected ? Boolean.TRUE : null));
                }
                competencyDocs.add(new CompetencyDoc(
                        competency.key,
                        competency.name,
                        baseCompetency == null ? null : baseCompetency.description(),
                        competency.specializations == null || competency.specializations.isEmpty()
                                ? null
                                : competency.specializations,
                        expectationDocs.isEmpty() ? null : expectationDocs));
            }
            areaDocs.add(new AreaDoc(
                    area.key,
                    area.name,
                    baseArea == null ? null : baseArea.description(),
                    competencyDocs.isEmpty() ? null : competencyDocs));
        }
        return branches.apply(
                new LadderDocument(
                        LadderDocument.SCHEMA, name, description, tierDocs, areaDocs.isEmpty() ? null : areaDocs),
                base,
                lines);
    }

    private static final class TierAcc extends Used {
        final String key;
        final String name;
        final int line;
        final List<LevelAcc> levels = new ArrayList<>();

        TierAcc(String key, String name, int line) {
            this.key = key;
            this.name = name;
            this.line = line;
        }
    }

    private static final class LevelAcc extends Used {
        final String key;
        final String title;
        final String tierKey;
        final int line;

        LevelAcc(String key, String title, String tierKey, int line) {
            this.key = key;
            this.title = title;
            this.tierKey = tierKey;
            this.line = line;
        }
    }

    private static final class AreaAcc extends Used {
        final String key;
        final String name;
        final int line;
        final List<CompetencyAcc> competencies = new ArrayList<>();

        AreaAcc(String key, String name, int line) {
            this.key = key;
            this.name = name;
            this.line = line;
        }
    }

    private static final class CompetencyAcc extends Used {
        final String key;
        final String name;
        final String areaKey;
        final int line;
        List<String> specializations;
        int specializationLine;
        final List<ExpectationAcc> expectations = new ArrayList<>();

        CompetencyAcc(String key, String name, String areaKey, int line) {
            this.key = key;
            this.name = name;
            this.areaKey = areaKey;
            this.line = line;
        }
    }

    /** The cell as typed where a part first appears, and every row that uses it, for messages about typos. */
    private abstract static class Used {
        String typed;
        final List<Integer> rows = new ArrayList<>();

        void used(int row) {
            if (rows.isEmpty() || rows.getLast() != row) {
                rows.add(row);
            }
        }
    }

    private record ExpectationAcc(String levelKey, String statement, String examples, boolean notExpected, int line) {
        ExpectationAcc {
            Objects.requireNonNull(levelKey);
        }
    }
}
