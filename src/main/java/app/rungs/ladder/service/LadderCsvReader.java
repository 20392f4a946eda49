package app.rungs.ladder.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.commons.csv.CSVParser;

/**
 * Reads a flat CSV ladder file (see {@link LadderCsv}) into a ladder document, all or nothing: syntax problems and
 * content problems are reported together, each with its line and column.
 */
public final class LadderCsvReader {
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
                (pointer, field) -> "Line " + parsed.lineOf(pointer) + ", column " + LadderCsv.column(pointer));
        if (!problems.isEmpty()) {
            throw new ImportException(problems);
        }
        return parsed.document();
    }

    Parsed read(byte[] bytes, String name, String description, LadderDocument base) {
        var text = LadderFileText.decode(bytes);
        var reader = new LadderCsvRows(text, base);
        try (var parser = CSVParser.parse(text, LadderCsv.READ)) {
            boolean header = true;
            for (var record : parser) {
                if (record.getRecordNumber() > LadderCsv.MAX_ROWS + 1) {
                    throw new ImportException("Line " + reader.line(record) + ": the file has more than "
                            + LadderCsv.MAX_ROWS + " rows; split the ladder or use YAML.");
                }
                if (header) {
                    reader.header(record);
                    header = false;
                } else {
                    reader.row(record);
                }
            }
            if (header) {
                throw new ImportException("Line 1: the file has no header row; the first row must be "
                        + String.join(",", LadderCsv.COLUMNS) + ".");
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
        var m = LadderCsv.CSV_LINE.matcher(message);
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
}
