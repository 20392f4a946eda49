package app.rungs.ladder.service;

import app.rungs.ladder.domain.SpecializationTrack;
import app.rungs.ladder.service.LadderDocument.AreaDoc;
import app.rungs.ladder.service.LadderDocument.CompetencyDoc;
import app.rungs.ladder.service.LadderDocument.ExpectationDoc;
import app.rungs.ladder.service.LadderDocument.LevelDoc;
import app.rungs.ladder.service.LadderDocument.TierDoc;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The flat CSV form of a ladder version, read and written with Apache Commons CSV. One row per explicit expectation,
 * plus rows that declare levels, areas and competencies that have no expectation of their own. The exact rules are in
 * docs/ladder-yaml-schema.md ("Flat CSV").
 *
 * <p>Cells that a spreadsheet would run as a formula (starting with = + - @, tab or carriage return) are written with a
 * leading apostrophe, and reading removes that apostrophe again, so export → import → export is stable.
 */
public final class LadderCsv {

    public static final List<String> COLUMNS =
            List.of("tier", "level", "area", "competency", "specialization", "expectation", "examples");

    /** The expectation cell that marks a level as explicitly not expected for a competency. */
    public static final String NOT_EXPECTED = "(not expected)";

    static final int MAX_ROWS = 20_000;

    private static final int TIER = 0;
    private static final int LEVEL = 1;
    private static final int AREA = 2;
    private static final int COMPETENCY = 3;
    private static final int SPECIALIZATION = 4;
    private static final int EXPECTATION = 5;
    private static final int EXAMPLES = 6;

    private static final Pattern FORMULA = Pattern.compile("^'*[=+\\-@\t\r].*", Pattern.DOTALL);
    private static final Pattern NEUTRALIZED = Pattern.compile("^'+[=+\\-@\t\r].*", Pattern.DOTALL);
    private static final Pattern CSV_LINE = Pattern.compile("(?:startline|line:?)\\s*(\\d+)");

    private static final CSVFormat WRITE =
            CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();
    private static final CSVFormat READ = CSVFormat.RFC4180
            .builder()
            .setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(false)
            .setTrim(false)
            .get();

    // ---------------------------------------------------------------- writing

    /** Writes a ladder document as CSV; every cell is neutralized against spreadsheet formulas. */
    public String write(LadderDocument doc) {
        var out = new StringWriter();
        try (var printer = new CSVPrinter(out, WRITE)) {
            printer.printRecord(COLUMNS);
            var tierOfLevel = new HashMap<String, TierDoc>();
            var levelByKey = new HashMap<String, LevelDoc>();
            var levelOrder = new ArrayList<String>();
            for (var tier : doc.tiers()) {
                if (tier.levels() == null || tier.levels().isEmpty()) {
                    row(printer, label(tier.key(), tier.name()), "", "", "", "", "", "");
                    continue;
                }
                for (var level : tier.levels()) {
                    tierOfLevel.put(level.key(), tier);
                    levelByKey.put(level.key(), level);
                    levelOrder.add(level.key());
                    row(printer, label(tier.key(), tier.name()), label(level.key(), level.title()), "", "", "", "", "");
                }
            }
            for (var area : doc.areas() == null ? List.<AreaDoc>of() : doc.areas()) {
                var areaLabel = label(area.key(), area.name());
                if (area.competencies() == null || area.competencies().isEmpty()) {
                    row(printer, "", "", areaLabel, "", "", "", "");
                    continue;
                }
                for (var c : area.competencies()) {
                    var competencyLabel = label(c.key(), c.name());
                    var specs = c.specializations() == null ? "" : String.join("; ", c.specializations());
                    if (c.expectations() == null || c.expectations().isEmpty()) {
                        row(printer, "", "", areaLabel, competencyLabel, specs, "", "");
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
                                tier == null ? "" : label(tier.key(), tier.name()),
                                level == null ? e.level() : label(level.key(), level.title()),
                                areaLabel,
                                competencyLabel,
                                specs,
                                notExpected ? NOT_EXPECTED : nullToEmpty(e.statement()),
                                notExpected ? "" : nullToEmpty(e.examples()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void row(CSVPrinter printer, String... cells) throws IOException {
        printer.printRecord(Arrays.stream(cells).map(LadderCsv::neutralize).toList());
    }

    /** "IC: Distributed Systems Engineer (IC)" — a key and a name in one cell. */
    static String label(String key, String name) {
        return key + ": " + name;
    }

    /** Prefixes an apostrophe to cells a spreadsheet would evaluate as a formula. */
    static String neutralize(String cell) {
        return cell != null && FORMULA.matcher(cell).matches() ? "'" + cell : cell;
    }

    /** Undoes {@link #neutralize}. */
    static String unneutralize(String cell) {
        return cell != null && NEUTRALIZED.matcher(cell).matches() ? cell.substring(1) : cell;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    // ---------------------------------------------------------------- reading

    /** A parsed CSV file as a ladder document, with the line of every part for messages about content. */
    public record Parsed(LadderDocument document, Map<String, Integer> lines) {
        public int lineOf(String pointer) {
            var p = pointer;
            while (!p.isEmpty()) {
                var line = lines.get(p);
                if (line != null) {
                    return line;
                }
                p = p.substring(0, Math.max(0, p.lastIndexOf('/')));
            }
            return 1;
        }
    }

    /**
     * Reads and validates a CSV ladder file. The CSV carries the matrix only; the ladder's name and description come
     * from the caller, and descriptions, scope and impact of parts whose keys exist in {@code base} are kept from it.
     */
    public LadderDocument readValidated(byte[] bytes, String name, String description, LadderDocument base) {
        var parsed = read(bytes, name, description, base);
        var problems = LadderDocumentValidator.validate(
                parsed.document(),
                (pointer, field) -> "Line " + parsed.lineOf(pointer) + ", column " + column(pointer));
        if (!problems.isEmpty()) {
            throw new ImportException(problems);
        }
        return parsed.document();
    }

    Parsed read(byte[] bytes, String name, String description, LadderDocument base) {
        var text = LadderFileText.decode(bytes);
        var reader = new Reader(text, base);
        try (var parser = CSVParser.parse(text, READ)) {
            boolean header = true;
            for (var record : parser) {
                if (record.getRecordNumber() > MAX_ROWS + 1) {
                    throw new ImportException("Line " + reader.line(record) + ": the file has more than " + MAX_ROWS
                            + " rows; split the ladder or use YAML.");
                }
                if (header) {
                    reader.header(record);
                    header = false;
                } else {
                    reader.row(record);
                }
            }
            if (header) {
                throw new ImportException(
                        "Line 1: the file has no header row; the first row must be " + String.join(",", COLUMNS) + ".");
            }
        } catch (IOException | UncheckedIOException e) {
            throw new ImportException(describeSyntax(e));
        } catch (IllegalStateException e) {
            throw new ImportException(describeSyntax(e));
        }
        reader.finish();
        return new Parsed(reader.document(name, description), reader.lines);
    }

    private static String describeSyntax(Exception e) {
        var message = e.getCause() != null && e instanceof UncheckedIOException
                ? e.getCause().getMessage()
                : e.getMessage();
        message = message == null ? "" : message;
        var m = CSV_LINE.matcher(message);
        var line = m.find() ? m.group(1) : "1";
        if (message.contains("EOF reached before encapsulated token finished")) {
            return "Line " + line + ": a quoted cell is never closed; a cell that starts with \" must end with \".";
        }
        if (message.contains("Invalid character between encapsulated token and delimiter")) {
            return "Line " + line + ": a quoted cell must be followed by a comma or the end of the line; write a quote"
                    + " inside a quoted cell as \"\".";
        }
        return "Line " + line + ": not valid CSV ("
                + message.replaceAll("\\s+", " ").strip() + ").";
    }

    /** The CSV column a YAML pointer maps to, for messages about content. */
    static String column(String pointer) {
        if (pointer.contains("/expectations/")) {
            if (pointer.endsWith("/statement") || pointer.endsWith("/notExpected")) {
                return "expectation";
            }
            if (pointer.endsWith("/examples")) {
                return "examples";
            }
            return pointer.matches(".*/expectations/\\d+$") ? "expectation" : "level";
        }
        if (pointer.contains("/specializations")) {
            return "specialization";
        }
        if (pointer.contains("/competencies")) {
            return "competency";
        }
        if (pointer.startsWith("/areas")) {
            return "area";
        }
        if (pointer.contains("/levels")) {
            return "level";
        }
        if (pointer.startsWith("/tiers")) {
            return "tier";
        }
        return "tier";
    }

    private static final class Reader {

        private final String text;
        private final Map<String, Integer> lines = new HashMap<>();
        private final Map<String, TierAcc> tiers = new LinkedHashMap<>();
        private final Map<String, LevelAcc> levels = new HashMap<>();
        private final Map<String, AreaAcc> areas = new LinkedHashMap<>();
        private final Map<String, CompetencyAcc> competencies = new HashMap<>();
        private final Map<String, TierDoc> baseTiers = new HashMap<>();
        private final Map<String, LevelDoc> baseLevels = new HashMap<>();
        private final Map<String, AreaDoc> baseAreas = new HashMap<>();
        private final Map<String, CompetencyDoc> baseCompetencies = new HashMap<>();
        private final List<String> problems = new ArrayList<>();
        private int[] lineStarts;

        Reader(String text, LadderDocument base) {
            this.text = text;
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

        int line(CSVRecord record) {
            if (lineStarts == null) {
                var starts = new ArrayList<Integer>();
                starts.add(0);
                for (int i = 0; i < text.length(); i++) {
                    if (text.charAt(i) == '\n') {
                        starts.add(i + 1);
                    }
                }
                lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
            }
            int i = Arrays.binarySearch(lineStarts, (int) record.getCharacterPosition());
            return i >= 0 ? i + 1 : -i - 1;
        }

        void header(CSVRecord record) {
            var found = record.toList().stream()
                    .map(s -> s.strip().toLowerCase(Locale.ROOT))
                    .toList();
            if (!found.isEmpty() && found.getFirst().startsWith("\uFEFF")) {
                found = new ArrayList<>(found);
                found.set(0, found.getFirst().substring(1));
            }
            if (!found.equals(COLUMNS)) {
                throw new ImportException("Line " + line(record) + ": the header row must be exactly "
                        + String.join(",", COLUMNS) + " (found " + String.join(",", record.toList()) + ").");
            }
        }

        void row(CSVRecord record) {
            int line = line(record);
            if (record.size() != COLUMNS.size()) {
                problem(line, null, "expected " + COLUMNS.size() + " cells, found " + record.size());
                return;
            }
            var cells = new String[COLUMNS.size()];
            for (int i = 0; i < cells.length; i++) {
                var raw = unneutralize(record.get(i));
                cells[i] = i == EXPECTATION || i == EXAMPLES ? raw : raw.strip();
                if (cells[i].length() > LadderYaml.MAX_VALUE_CHARS) {
                    problem(
                            line,
                            COLUMNS.get(i),
                            "the cell is " + cells[i].length() + " characters long; at most "
                                    + LadderYaml.MAX_VALUE_CHARS + " are allowed");
                    return;
                }
            }
            boolean tier = !cells[TIER].isBlank();
            boolean level = !cells[LEVEL].isBlank();
            boolean area = !cells[AREA].isBlank();
            boolean competency = !cells[COMPETENCY].isBlank();
            boolean specialization = !cells[SPECIALIZATION].isBlank();
            boolean expectation = !cells[EXPECTATION].isBlank();
            boolean examples = !cells[EXAMPLES].isBlank();
            if (!tier && !level && !area && !competency && !specialization && !expectation && !examples) {
                return;
            }
            if (level && !tier) {
                problem(line, "tier", "level " + cells[LEVEL] + " needs its tier");
                return;
            }
            if (competency && !area) {
                problem(line, "area", "competency " + cells[COMPETENCY] + " needs its area");
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
                        "write what " + cells[LEVEL] + " asks, or " + NOT_EXPECTED
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
                tierAcc = tier(line, cells[TIER]);
                if (tierAcc == null) {
                    return;
                }
            }
            if (level) {
                levelAcc = level(line, cells[LEVEL], tierAcc);
                if (levelAcc == null) {
                    return;
                }
            }
            AreaAcc areaAcc = null;
            if (area) {
                areaAcc = area(line, cells[AREA]);
                if (areaAcc == null) {
                    return;
                }
            }
            if (competency) {
                var competencyAcc = competency(line, cells[COMPETENCY], areaAcc, cells[SPECIALIZATION]);
                if (competencyAcc == null || !expectation) {
                    return;
                }
                boolean notExpected = cells[EXPECTATION].strip().equalsIgnoreCase(NOT_EXPECTED);
                if (notExpected && examples) {
                    problem(line, "examples", "a level marked " + NOT_EXPECTED + " has no examples");
                    return;
                }
                competencyAcc.expectations.add(new ExpectationAcc(
                        levelAcc.key,
                        notExpected ? null : cells[EXPECTATION].strip(),
                        notExpected || !examples ? null : cells[EXAMPLES].strip(),
                        notExpected,
                        line));
            }
        }

        private TierAcc tier(int line, String cell) {
            var label = parseLabel(cell, LadderDocumentValidator.LEVEL_OR_TIER_KEY, LadderFileText::upperKey);
            if (label == null) {
                problem(line, "tier", "'" + cell + "' has no name");
                return null;
            }
            var existing = tiers.get(label.key());
            if (existing == null) {
                existing = new TierAcc(label.key(), label.name(), line);
                tiers.put(label.key(), existing);
            } else if (!existing.name.equals(label.name())) {
                problem(line, "tier", sameKeyMessage("tier", label, existing.name, existing.line));
                return null;
            }
            return existing;
        }

        private LevelAcc level(int line, String cell, TierAcc tier) {
            var label = parseLabel(cell, LadderDocumentValidator.LEVEL_OR_TIER_KEY, LadderFileText::upperKey);
            if (label == null) {
                problem(line, "level", "'" + cell + "' has no title");
                return null;
            }
            var existing = levels.get(label.key());
            if (existing == null) {
                existing = new LevelAcc(label.key(), label.name(), tier.key, line);
                levels.put(label.key(), existing);
                tier.levels.add(existing);
            } else if (!existing.title.equals(label.name())) {
                problem(line, "level", sameKeyMessage("level", label, existing.title, existing.line));
                return null;
            } else if (!existing.tierKey.equals(tier.key)) {
                problem(
                        line,
                        "tier",
                        "level " + label.key() + " is in tier " + existing.tierKey + " on line " + existing.line
                                + ", not in " + tier.key);
                return null;
            }
            return existing;
        }

        private AreaAcc area(int line, String cell) {
            var label = parseLabel(cell, LadderDocumentValidator.AREA_KEY, n -> LadderFileText.lowerKey(n, 60));
            if (label == null) {
                problem(line, "area", "'" + cell + "' has no name");
                return null;
            }
            var existing = areas.get(label.key());
            if (existing == null) {
                existing = new AreaAcc(label.key(), label.name(), line);
                areas.put(label.key(), existing);
            } else if (!existing.name.equals(label.name())) {
                problem(line, "area", sameKeyMessage("area", label, existing.name, existing.line));
                return null;
            }
            return existing;
        }

        private CompetencyAcc competency(int line, String cell, AreaAcc area, String specCell) {
            var label = parseLabel(cell, LadderDocumentValidator.COMPETENCY_KEY, n -> LadderFileText.lowerKey(n, 80));
            if (label == null) {
                problem(line, "competency", "'" + cell + "' has no name");
                return null;
            }
            var existing = competencies.get(label.key());
            if (existing == null) {
                existing = new CompetencyAcc(label.key(), label.name(), area.key, line);
                competencies.put(label.key(), existing);
                area.competencies.add(existing);
            } else if (!existing.name.equals(label.name())) {
                problem(line, "competency", sameKeyMessage("competency", label, existing.name, existing.line));
                return null;
            } else if (!existing.areaKey.equals(area.key)) {
                problem(
                        line,
                        "area",
                        "competency " + label.key() + " is in area " + existing.areaKey + " on line " + existing.line
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
                                    + String.join("; ", existing.specializations) + " on line "
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

        private static String sameKeyMessage(String what, Label label, String earlierName, int earlierLine) {
            return "the " + what + " key " + label.key() + " is named '" + label.name() + "' here but '" + earlierName
                    + "' on line " + earlierLine;
        }

        private void problem(int line, String column, String message) {
            if (problems.size() < 50) {
                problems.add("Line " + line + (column == null ? "" : ", column " + column) + ": " + message + ".");
            } else if (problems.size() == 50) {
                problems.add("… more problems not shown; fix these first.");
            }
        }

        void finish() {
            if (problems.isEmpty() && tiers.isEmpty()) {
                problems.add("Line 2: the file declares no levels; add rows with a tier and a level.");
            }
            if (!problems.isEmpty()) {
                throw new ImportException(problems);
            }
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
                tierDocs.add(
                        new TierDoc(tier.key, tier.name, baseTier == null ? null : baseTier.description(), levelDocs));
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
            return new LadderDocument(
                    LadderDocument.SCHEMA, name, description, tierDocs, areaDocs.isEmpty() ? null : areaDocs);
        }
    }

    private record Label(String key, String name) {}

    /**
     * Splits "KEY: Name" into key and name. Without a key prefix the whole cell is the name and the key is derived from
     * it. Returns null when there is no name.
     */
    private static Label parseLabel(String cell, Pattern keyPattern, Function<String, String> deriveKey) {
        var text = cell.strip();
        int colon = text.indexOf(':');
        if (colon > 0) {
            var key = text.substring(0, colon).strip();
            var name = text.substring(colon + 1).strip();
            if (keyPattern.matcher(key).matches()) {
                return name.isEmpty() ? new Label(key, key) : new Label(key, name);
            }
        }
        var key = deriveKey.apply(text);
        return key.isEmpty() ? new Label(text, text) : new Label(key, text);
    }

    private static final class TierAcc {
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

    private static final class LevelAcc {
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

    private static final class AreaAcc {
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

    private static final class CompetencyAcc {
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

    private record ExpectationAcc(String levelKey, String statement, String examples, boolean notExpected, int line) {
        ExpectationAcc {
            Objects.requireNonNull(levelKey);
        }
    }
}
