package app.rungs.ladder.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a flat CSV ladder file (see {@link LadderCsv}) into a ladder document, all or nothing. The file is read as a
 * spreadsheet shows it ({@link CsvGrid}: comma, semicolon or tab; blank rows and trailing empty cells ignored), and
 * every problem of the file — syntax, rows, typos and content — is reported in one pass, in row order, each with its
 * spreadsheet row and column.
 */
public final class LadderCsvReader {

    static final int MAX_PROBLEMS = 50;
    private static final Pattern ROW_PREFIX = Pattern.compile("^Row (\\d+)");

    /** A parsed CSV file as a ladder document, with the row of every part and the problems found reading it. */
    public record Parsed(LadderDocument document, Map<String, Integer> lines, List<NearMiss.Problem> problems) {
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
        var problems = new ArrayList<>(parsed.problems());
        var content = LadderDocumentValidator.validate(
                parsed.document(),
                (pointer, field) -> "Row " + parsed.lineOf(pointer) + ", column " + LadderCsv.column(pointer));
        for (var p : content) {
            var m = ROW_PREFIX.matcher(p);
            int row = m.find() ? Integer.parseInt(m.group(1)) : 1;
            // Whole-file findings (no tiers, no name) only repeat what the row problems already say.
            if (parsed.problems().isEmpty() || row > 1) {
                problems.add(new NearMiss.Problem(row, p));
            }
        }
        if (!problems.isEmpty()) {
            throw new ImportException(report(problems));
        }
        return parsed.document();
    }

    Parsed read(byte[] bytes, String name, String description, LadderDocument base) {
        var text = LadderFileText.decode(bytes);
        var grid = CsvGrid.parse(text, LadderCsv.MAX_ROWS + 1);
        if (grid.rows.isEmpty()) {
            throw new ImportException(
                    grid.syntaxProblem != null
                            ? grid.syntaxProblem
                            : "Row 1: the file has no header row; the first row must be "
                                    + String.join(",", LadderCsv.COLUMNS) + ".");
        }
        var reader = new LadderCsvRows(base);
        reader.header(grid.rows.getFirst());
        for (var row : grid.rows.subList(1, grid.rows.size())) {
            reader.row(row);
        }
        if (grid.syntaxProblem != null) {
            var m = ROW_PREFIX.matcher(grid.syntaxProblem);
            reader.problem(m.find() ? Integer.parseInt(m.group(1)) : 1, grid.syntaxProblem);
        }
        var problems = reader.finish();
        return new Parsed(reader.document(name, description), reader.lines, problems);
    }

    /**
     * The problems in row order, the same message on several rows (a mistake filled down a block) said once with its
     * other rows, and at most {@value #MAX_PROBLEMS} of them.
     */
    static List<String> report(List<NearMiss.Problem> problems) {
        var sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparingInt(NearMiss.Problem::row));
        var byMessage = new LinkedHashMap<String, List<Integer>>();
        var first = new LinkedHashMap<String, String>();
        for (var p : sorted) {
            var key = ROW_PREFIX.matcher(p.text()).replaceFirst("");
            byMessage.computeIfAbsent(key, k -> new ArrayList<>()).add(p.row());
            first.putIfAbsent(key, p.text());
        }
        var result = new ArrayList<String>();
        for (var e : first.entrySet()) {
            if (result.size() == MAX_PROBLEMS) {
                result.add("… " + (first.size() - MAX_PROBLEMS) + " more problems not shown; fix these first.");
                break;
            }
            var rows = byMessage.get(e.getKey()).stream().distinct().toList();
            result.add(
                    rows.size() == 1
                            ? e.getValue()
                            : e.getValue() + " The same on row" + (rows.size() > 2 ? "s " : " ")
                                    + String.join(
                                            ", ",
                                            rows.subList(1, rows.size()).stream()
                                                    .map(String::valueOf)
                                                    .toList())
                                    + ".");
        }
        return result;
    }
}
