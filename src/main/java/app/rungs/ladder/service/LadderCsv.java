package app.rungs.ladder.service;

import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;

/**
 * The flat CSV form of a ladder version: its columns and the rules for its cells, shared by {@link LadderCsvWriter}
 * and {@link LadderCsvReader}. One row per explicit expectation, plus rows that declare levels, areas and competencies
 * that have no expectation of their own. The exact rules are in docs/ladder-yaml-schema.md ("Flat CSV").
 *
 * <p>Cells that a spreadsheet would run as a formula (starting with = + - @, tab or carriage return) are written with a
 * leading apostrophe, and reading removes that apostrophe again, so export → import → export is stable.
 */
final class LadderCsv {
    public static final List<String> COLUMNS =
            List.of("tier", "level", "area", "competency", "specialization", "expectation", "examples");

    /** The matrix columns followed by the branch columns ({@link LadderCsvBranches}); what export writes. */
    public static final List<String> WITH_BRANCHES = java.util.stream.Stream.concat(
                    COLUMNS.stream(), LadderCsvBranches.COLUMNS.stream())
            .toList();

    /** The expectation cell that marks a level as explicitly not expected for a competency. */
    public static final String NOT_EXPECTED = "(not expected)";

    static final int MAX_ROWS = 20_000;

    static final int TIER = 0;
    static final int LEVEL = 1;
    static final int AREA = 2;
    static final int COMPETENCY = 3;
    static final int SPECIALIZATION = 4;
    static final int EXPECTATION = 5;
    static final int EXAMPLES = 6;

    private static final Pattern FORMULA = Pattern.compile("^'*[=+\\-@\t\r].*", Pattern.DOTALL);
    private static final Pattern NEUTRALIZED = Pattern.compile("^'+[=+\\-@\t\r].*", Pattern.DOTALL);

    static final CSVFormat WRITE =
            CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();
    // The pay bands column is split off comma files before the reader's dialect detection (LadderCsvPayBands).
    static final CSVFormat READ = CSVFormat.RFC4180
            .builder()
            .setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(false)
            .setTrim(false)
            .get();

    private LadderCsv() {}

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

    /** The CSV column a YAML pointer maps to, for messages about content. */
    static String column(String pointer) {
        var branch = branchColumn(pointer);
        if (branch != null) {
            return branch;
        }
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

    private static String branchColumn(String pointer) {
        if (pointer.startsWith("/readinessRule")) {
            return "readiness rule";
        }
        if (pointer.startsWith("/tracks")) {
            return pointer.endsWith("/forksFrom") ? "forks from" : "track";
        }
        if (pointer.endsWith("/track")) {
            return "track";
        }
        if (pointer.endsWith("/electivesRequired")) {
            return "electives required";
        }
        if (pointer.endsWith("/applicability")) {
            return "applicability";
        }
        return pointer.endsWith("/weight") ? "weight" : null;
    }

    record Label(String key, String name) {}

    /**
     * Splits "KEY: Name" into key and name. Without a key prefix the whole cell is the name and the key is derived from
     * it. Returns null when there is no name.
     */
    static Label parseLabel(String cell, Pattern keyPattern, Function<String, String> deriveKey) {
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
}
