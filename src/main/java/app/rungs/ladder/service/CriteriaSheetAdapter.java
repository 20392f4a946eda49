package app.rungs.ladder.service;

import app.rungs.ladder.service.LadderDocument.AreaDoc;
import app.rungs.ladder.service.LadderDocument.CompetencyDoc;
import app.rungs.ladder.service.LadderDocument.ExpectationDoc;
import app.rungs.ladder.service.LadderDocument.LevelDoc;
import app.rungs.ladder.service.LadderDocument.TierDoc;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Imports a "levels × competencies" spreadsheet with one criterion per row — the shape most companies keep their
 * ladder in before any tool: columns level, competency and criterion, optionally area and tier, in any order and under
 * common synonyms (grade, skill, behaviour…). Several rows for the same level and competency are that cell's criteria
 * and become a Markdown list. Level, area and competency may be given once per block and left blank below. Levels and
 * areas come in the order the sheet first names them; a sheet without a tier column puts every level in one tier.
 */
final class CriteriaSheetAdapter {

    static final String TIER = "tier";
    static final String LEVEL = "level";
    static final String AREA = "area";
    static final String COMPETENCY = "competency";
    static final String CRITERION = "criterion";

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("tier", TIER),
            Map.entry("track", TIER),
            Map.entry("level", LEVEL),
            Map.entry("grade", LEVEL),
            Map.entry("band", LEVEL),
            Map.entry("rank", LEVEL),
            Map.entry("area", AREA),
            Map.entry("theme", AREA),
            Map.entry("category", AREA),
            Map.entry("pillar", AREA),
            Map.entry("competency", COMPETENCY),
            Map.entry("skill", COMPETENCY),
            Map.entry("dimension", COMPETENCY),
            Map.entry("criterion", CRITERION),
            Map.entry("criteria", CRITERION),
            Map.entry("expectation", CRITERION),
            Map.entry("behaviour", CRITERION),
            Map.entry("behavior", CRITERION),
            Map.entry("description", CRITERION),
            Map.entry("statement", CRITERION));

    private CriteriaSheetAdapter() {}

    /** The columns of a header row, by role; null when it is not a criteria sheet's header. */
    static Map<String, Integer> columns(List<String> header) {
        var columns = new HashMap<String, Integer>();
        for (int i = 0; i < header.size(); i++) {
            var role =
                    ALIASES.get(header.get(i).strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z]", ""));
            if (role != null && columns.putIfAbsent(role, i) != null) {
                return null;
            }
        }
        return columns.containsKey(LEVEL) && columns.containsKey(COMPETENCY) && columns.containsKey(CRITERION)
                ? columns
                : null;
    }

    private static final class Cell {
        final int row;
        final List<String> criteria = new ArrayList<>();

        Cell(int row) {
            this.row = row;
        }
    }

    /**
     * Converts and validates a criteria sheet; every problem names its spreadsheet row. Level and competency names
     * close to one in {@code base} (the ladder imported into, or null) are caught as typos too.
     */
    static LadderDocument read(byte[] bytes, String name, String description, LadderDocument base) {
        var grid = CsvGrid.parse(LadderFileText.decode(bytes), LadderCsv.MAX_ROWS + 1);
        if (grid.rows.isEmpty()) {
            throw new ImportException(grid.syntaxProblem != null ? grid.syntaxProblem : "The file has no rows.");
        }
        var header = grid.rows.getFirst();
        var columns = columns(header.cells());
        if (columns == null) {
            throw new ImportException("Row " + header.number() + ": a criteria sheet needs the columns level,"
                    + " competency and criterion, each once (area and tier optional); found "
                    + String.join(", ", header.cells()) + ".");
        }
        var problems = new ArrayList<NearMiss.Problem>();
        var baseKeys = baseKeys(base);
        var rowOf = new HashMap<String, Integer>();
        var tiers = new LinkedHashMap<String, LadderCsv.Label>();
        var levelsByTier = new LinkedHashMap<String, List<String>>();
        var levels = new LinkedHashMap<String, LadderCsv.Label>();
        var areas = new LinkedHashMap<String, LadderCsv.Label>();
        var competencies = new LinkedHashMap<String, LadderCsv.Label>();
        var areaOf = new HashMap<String, String>();
        var used = new HashMap<String, NearMiss.Named>();
        // competency key → level key → criteria
        var cells = new LinkedHashMap<String, Map<String, Cell>>();
        String tierAbove = "", levelAbove = "", areaAbove = "", competencyAbove = "";
        for (var row : grid.rows.subList(1, grid.rows.size())) {
            int n = row.number();
            var tierCell = cell(row, columns, TIER);
            var levelCell = cell(row, columns, LEVEL);
            var areaCell = cell(row, columns, AREA);
            var competencyCell = cell(row, columns, COMPETENCY);
            var criterion =
                    LadderCsv.unneutralize(cell(row, columns, CRITERION)).strip();
            if (!tierCell.isEmpty() && !tierCell.equals(tierAbove)) {
                levelAbove = "";
            }
            if (!areaCell.isEmpty() && !areaCell.equals(areaAbove)) {
                competencyAbove = "";
            }
            tierCell = tierCell.isEmpty() ? tierAbove : tierCell;
            levelCell = levelCell.isEmpty() ? levelAbove : levelCell;
            areaCell = areaCell.isEmpty() ? areaAbove : areaCell;
            competencyCell = competencyCell.isEmpty() ? competencyAbove : competencyCell;
            tierAbove = tierCell;
            levelAbove = levelCell;
            areaAbove = areaCell;
            competencyAbove = competencyCell;
            if (levelCell.isEmpty()) {
                problems.add(problem(n, LEVEL, "name the level this criterion belongs to"));
                continue;
            }
            if (competencyCell.isEmpty()) {
                problems.add(problem(n, COMPETENCY, "name the competency this criterion belongs to"));
                continue;
            }
            if (criterion.isEmpty()) {
                problems.add(problem(
                        n,
                        CRITERION,
                        "write what " + levelCell + " asks for " + competencyCell + ", or delete the row"));
                continue;
            }
            if (criterion.length() > LadderYaml.MAX_VALUE_CHARS) {
                problems.add(problem(
                        n,
                        CRITERION,
                        "the cell is " + criterion.length() + " characters long; at most " + LadderYaml.MAX_VALUE_CHARS
                                + " are allowed"));
                continue;
            }
            var tier = tierCell.isEmpty()
                    ? new LadderCsv.Label("LEVELS", "Levels")
                    : LadderCsv.parseLabel(
                            tierCell, LadderDocumentValidator.LEVEL_OR_TIER_KEY, LadderFileText::upperKey);
            var level = known(
                    LadderCsv.parseLabel(
                            levelCell, LadderDocumentValidator.LEVEL_OR_TIER_KEY, LadderFileText::upperKey),
                    levelCell,
                    baseKeys,
                    "level:");
            var area = areaCell.isEmpty()
                    ? defaultArea(competencyCell, baseKeys)
                    : known(
                            LadderCsv.parseLabel(
                                    areaCell, LadderDocumentValidator.AREA_KEY, s -> LadderFileText.lowerKey(s, 60)),
                            areaCell,
                            baseKeys,
                            "area:");
            var competency = known(
                    LadderCsv.parseLabel(
                            competencyCell,
                            LadderDocumentValidator.COMPETENCY_KEY,
                            s -> LadderFileText.lowerKey(s, 80)),
                    competencyCell,
                    baseKeys,
                    "competency:");
            if (!same(problems, n, TIER, "tier", tiers, tier, rowOf)
                    || !same(problems, n, LEVEL, "level", levels, level, rowOf)
                    || !same(problems, n, AREA, "area", areas, area, rowOf)
                    || !same(problems, n, COMPETENCY, "competency", competencies, competency, rowOf)) {
                continue;
            }
            var levelsOfTier = levelsByTier.computeIfAbsent(tier.key(), k -> new ArrayList<>());
            if (!levelsOfTier.contains(level.key())) {
                var otherTier = levelsByTier.entrySet().stream()
                        .filter(e -> e.getValue().contains(level.key()))
                        .map(Map.Entry::getKey)
                        .findFirst();
                if (otherTier.isPresent()) {
                    problems.add(problem(
                            n,
                            TIER,
                            "level " + levelCell + " is in tier " + otherTier.get() + " on row "
                                    + rowOf.get("level:" + level.key()) + ", not in " + tier.key()));
                    continue;
                }
                levelsOfTier.add(level.key());
            }
            var earlierArea = areaOf.putIfAbsent(competency.key(), area.key());
            if (earlierArea != null && !earlierArea.equals(area.key())) {
                problems.add(problem(
                        n,
                        AREA,
                        "competency " + competencyCell + " is in area " + earlierArea + " on row "
                                + rowOf.get("competency:" + competency.key()) + ", not in " + area.key()));
                continue;
            }
            track(used, "level:", level, levelCell, n);
            track(used, "competency:", competency, competencyCell, n);
            cells.computeIfAbsent(competency.key(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(level.key(), k -> new Cell(n))
                    .criteria
                    .add(criterion);
        }
        if (grid.syntaxProblem != null) {
            problems.add(new NearMiss.Problem(Integer.MAX_VALUE, grid.syntaxProblem));
        }
        var baseLevels = base == null
                ? List.<NearMiss.Named>of()
                : base.tiers().stream()
                        .flatMap(t -> t.levels().stream())
                        .map(l -> new NearMiss.Named(l.key(), l.title(), l.title(), List.of()))
                        .toList();
        var baseCompetencies = base == null || base.areas() == null
                ? List.<NearMiss.Named>of()
                : base.areas().stream()
                        .flatMap(a ->
                                a.competencies() == null ? java.util.stream.Stream.of() : a.competencies().stream())
                        .map(c -> new NearMiss.Named(c.key(), c.name(), c.name(), List.of()))
                        .toList();
        problems.addAll(NearMiss.check("level", LEVEL, named(used, "level:"), baseLevels));
        problems.addAll(NearMiss.check("competency", COMPETENCY, named(used, "competency:"), baseCompetencies));
        if (problems.isEmpty() && levels.isEmpty()) {
            problems.add(new NearMiss.Problem(2, "Row 2: the sheet has no criteria below its header."));
        }
        if (!problems.isEmpty()) {
            throw new ImportException(LadderCsvReader.report(problems));
        }
        var doc = document(name, description, tiers, levelsByTier, levels, areas, competencies, areaOf, cells, rowOf);
        var content = LadderDocumentValidator.validate(doc.document, (pointer, field) -> {
            var p = pointer;
            while (!p.isEmpty() && !doc.rows.containsKey(p)) {
                p = p.substring(0, p.lastIndexOf('/'));
            }
            return "Row " + doc.rows.getOrDefault(p, 1) + ", column " + LadderCsv.column(pointer);
        });
        if (!content.isEmpty()) {
            throw new ImportException(content);
        }
        return doc.document;
    }

    /** The ladder's keys by kind and name, so that a sheet naming the ladder's parts by name keeps their keys. */
    private static Map<String, String> baseKeys(LadderDocument base) {
        var keys = new HashMap<String, String>();
        if (base == null) {
            return keys;
        }
        base.tiers().forEach(t -> t.levels().forEach(l -> keys.putIfAbsent("level:" + l.title(), l.key())));
        if (base.areas() != null) {
            for (var a : base.areas()) {
                keys.putIfAbsent("area:" + a.name(), a.key());
                keys.putIfAbsent("area-name:" + a.key(), a.name());
                if (a.competencies() != null) {
                    a.competencies().forEach(c -> {
                        keys.putIfAbsent("competency:" + c.name(), c.key());
                        keys.putIfAbsent("area-of:" + c.name(), a.key());
                    });
                }
            }
        }
        return keys;
    }

    /** Without an area column a competency stays in the ladder's area for it, or goes to one area for all. */
    private static LadderCsv.Label defaultArea(String competencyCell, Map<String, String> baseKeys) {
        var key = baseKeys.get("area-of:" + competencyCell.strip());
        return key == null
                ? new LadderCsv.Label("competencies", "Competencies")
                : new LadderCsv.Label(key, baseKeys.get("area-name:" + key));
    }

    /** A label typed without a key ("Senior Engineer") takes the key the ladder gives that name, if any. */
    private static LadderCsv.Label known(
            LadderCsv.Label label, String cell, Map<String, String> baseKeys, String kind) {
        var key = baseKeys.get(kind + label.name());
        return key != null && label.name().equals(cell.strip()) ? new LadderCsv.Label(key, label.name()) : label;
    }

    private record Built(LadderDocument document, Map<String, Integer> rows) {}

    private static Built document(
            String name,
            String description,
            Map<String, LadderCsv.Label> tiers,
            Map<String, List<String>> levelsByTier,
            Map<String, LadderCsv.Label> levels,
            Map<String, LadderCsv.Label> areas,
            Map<String, LadderCsv.Label> competencies,
            Map<String, String> areaOf,
            Map<String, Map<String, Cell>> cells,
            Map<String, Integer> rowOf) {
        var rows = new HashMap<String, Integer>();
        var levelOrder = new ArrayList<String>();
        var tierDocs = new ArrayList<TierDoc>();
        for (var tier : levelsByTier.entrySet()) {
            var t = tiers.get(tier.getKey());
            var levelDocs = new ArrayList<LevelDoc>();
            for (var key : tier.getValue()) {
                rows.put("/tiers/" + tierDocs.size() + "/levels/" + levelDocs.size(), rowOf.get("level:" + key));
                levelDocs.add(new LevelDoc(key, levels.get(key).name(), null, null, null));
                levelOrder.add(key);
            }
            rows.put("/tiers/" + tierDocs.size(), rowOf.get("tier:" + tier.getKey()));
            tierDocs.add(new TierDoc(t.key(), t.name(), null, levelDocs));
        }
        var areaDocs = new ArrayList<AreaDoc>();
        for (var area : areas.values()) {
            var competencyDocs = new ArrayList<CompetencyDoc>();
            var ap = "/areas/" + areaDocs.size();
            rows.put(ap, rowOf.get("area:" + area.key()));
            for (var competency : competencies.values()) {
                if (!area.key().equals(areaOf.get(competency.key()))) {
                    continue;
                }
                var cp = ap + "/competencies/" + competencyDocs.size();
                rows.put(cp, rowOf.get("competency:" + competency.key()));
                var expectations = new ArrayList<ExpectationDoc>();
                var byLevel = cells.get(competency.key());
                for (var levelKey : levelOrder) {
                    var cell = byLevel.get(levelKey);
                    if (cell == null) {
                        continue;
                    }
                    rows.put(cp + "/expectations/" + expectations.size(), cell.row);
                    expectations.add(new ExpectationDoc(levelKey, statement(cell.criteria), null, null));
                }
                competencyDocs.add(new CompetencyDoc(
                        competency.key(), competency.name(), null, null, expectations.isEmpty() ? null : expectations));
            }
            areaDocs.add(new AreaDoc(area.key(), area.name(), null, competencyDocs));
        }
        rows.put("/name", 1);
        rows.put("/tiers", 1);
        return new Built(new LadderDocument(LadderDocument.SCHEMA, name, description, tierDocs, areaDocs), rows);
    }

    /** One criterion stays as written; several become a Markdown list (a criterion's own line breaks indented). */
    static String statement(List<String> criteria) {
        if (criteria.size() == 1) {
            return criteria.getFirst();
        }
        var sb = new StringBuilder();
        for (var c : criteria) {
            if (!sb.isEmpty()) {
                sb.append('\n');
            }
            sb.append(c.matches("(?s)^[-*] .*") ? c : "- " + c.replace("\n", "\n  "));
        }
        return sb.toString();
    }

    private static boolean same(
            List<NearMiss.Problem> problems,
            int row,
            String column,
            String what,
            Map<String, LadderCsv.Label> known,
            LadderCsv.Label label,
            Map<String, Integer> rowOf) {
        var earlier = known.putIfAbsent(label.key(), label);
        if (earlier == null) {
            rowOf.put(what + ":" + label.key(), row);
            return true;
        }
        if (earlier.name().equals(label.name())) {
            return true;
        }
        problems.add(problem(
                row,
                column,
                "the " + what + " key " + label.key() + " is named '" + label.name() + "' here but '" + earlier.name()
                        + "' on row " + rowOf.get(what + ":" + label.key())
                        + (NearMiss.similar(label.name(), earlier.name())
                                ? "; did you mean '" + earlier.name() + "'?"
                                : "")));
        return false;
    }

    private static void track(
            Map<String, NearMiss.Named> used, String kind, LadderCsv.Label label, String typed, int row) {
        var named = used.computeIfAbsent(
                kind + label.key(), k -> new NearMiss.Named(label.key(), label.name(), typed, new ArrayList<>()));
        if (named.rows().isEmpty() || named.rows().getLast() != row) {
            named.rows().add(row);
        }
    }

    private static List<NearMiss.Named> named(Map<String, NearMiss.Named> used, String kind) {
        return used.entrySet().stream()
                .filter(e -> e.getKey().startsWith(kind))
                .map(Map.Entry::getValue)
                .sorted(java.util.Comparator.comparingInt(n -> n.rows().getFirst()))
                .toList();
    }

    private static String cell(CsvGrid.Row row, Map<String, Integer> columns, String role) {
        var index = columns.get(role);
        return index == null ? "" : row.cell(index).strip();
    }

    private static NearMiss.Problem problem(int row, String column, String message) {
        var text = "Row " + row + ", column " + column + ": " + message;
        return new NearMiss.Problem(row, text.endsWith("?") ? text : text + ".");
    }
}
