package app.rungs.ladder.service;

import app.rungs.shared.service.CsvDialect;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

/**
 * A CSV file as a spreadsheet shows it: rows numbered as the spreadsheet numbers them (a quoted cell that spans
 * several text lines is one row; blank rows count but are dropped), the delimiter detected, line breaks inside cells
 * normalized to {@code \n}, and trailing empty cells removed. A syntax error ends the grid; the rows before it are
 * kept so that their problems can be reported together with it.
 */
final class CsvGrid {

    /** One non-blank row: its spreadsheet row number and its cells, without trailing empty ones. */
    record Row(int number, List<String> cells) {
        String cell(int i) {
            return i < cells.size() ? cells.get(i) : "";
        }

        int size() {
            return cells.size();
        }
    }

    private static final CSVFormat BASE = CSVFormat.RFC4180
            .builder()
            .setIgnoreEmptyLines(false)
            .setIgnoreSurroundingSpaces(false)
            .setTrim(false)
            .get();

    final CsvDialect dialect;
    final List<Row> rows = new ArrayList<>();
    /** The syntax error that ended the file early ("Row 7: a quoted cell is never closed; …"), or null. */
    String syntaxProblem;

    private CsvGrid(CsvDialect dialect) {
        this.dialect = dialect;
    }

    /** Reads the text; more than {@code maxRows} non-blank rows is refused outright. */
    static CsvGrid parse(String text, int maxRows) {
        var dialect = CsvDialect.detect(text);
        var grid = new CsvGrid(dialect);
        var body = text;
        if (dialect.sepLine()) {
            // Excel hides its "sep=;" line, so the header is row 1 there and here.
            int newline = text.indexOf('\n');
            body = newline < 0 ? "" : text.substring(newline + 1);
        }
        long lastRow = 0;
        try (var parser = CSVParser.parse(body, dialect.apply(BASE))) {
            for (var record : parser) {
                lastRow = record.getRecordNumber();
                var cells = new ArrayList<String>(record.size());
                for (var value : record) {
                    cells.add(normalizeBreaks(value));
                }
                while (!cells.isEmpty() && cells.getLast().isBlank()) {
                    cells.removeLast();
                }
                if (cells.isEmpty()) {
                    continue;
                }
                if (grid.rows.size() >= maxRows) {
                    throw new ImportException("Row " + lastRow + ": the file has more than " + maxRows
                            + " rows; split the ladder or use YAML.");
                }
                grid.rows.add(new Row((int) lastRow, List.copyOf(cells)));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            grid.syntaxProblem = describeSyntax(e, lastRow + 1, dialect);
        }
        return grid;
    }

    /** The cells of the first non-blank row (the header), or none when the start of the file has none. */
    static List<String> firstRow(String start) {
        var dialect = CsvDialect.detect(start);
        var body = start;
        if (dialect.sepLine()) {
            int newline = start.indexOf('\n');
            body = newline < 0 ? "" : start.substring(newline + 1);
        }
        try (var parser = CSVParser.parse(body, dialect.apply(BASE))) {
            for (var record : parser) {
                var cells = record.toList();
                if (cells.stream().anyMatch(c -> !c.isBlank())) {
                    return cells;
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            return List.of();
        }
        return List.of();
    }

    static String normalizeBreaks(String cell) {
        return cell.indexOf('\r') < 0 ? cell : cell.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static String describeSyntax(Exception e, long row, CsvDialect dialect) {
        var message = e.getCause() != null && e instanceof UncheckedIOException
                ? e.getCause().getMessage()
                : e.getMessage();
        message = message == null ? "" : message;
        if (message.contains("EOF reached before encapsulated token finished")) {
            return "Row " + row + ": a quoted cell is never closed; a cell that starts with \" must end with \".";
        }
        if (message.contains("Invalid character between encapsulated token and delimiter")) {
            return "Row " + row + ": a quoted cell must be followed by a " + dialect.delimiterName()
                    + " or the end of the row; write a quote inside a quoted cell as \"\".";
        }
        return "Row " + row + ": not valid CSV ("
                + message.replaceAll("\\s+", " ").strip() + ").";
    }
}
