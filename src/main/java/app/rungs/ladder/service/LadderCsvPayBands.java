package app.rungs.ladder.service;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The optional "pay bands" column of the flat CSV, kept apart from the matrix columns: a level's row carries its
 * bands as "EUR 80000 / 95000 / 110000 from 2026-01-01; USD …". Export adds the column only when the version has bands
 * (and only in admins' files); import takes the column off before the matrix is read, so files without it read as
 * before. A file without the column keeps the bands the ladder already has for levels it keeps.
 */
final class LadderCsvPayBands {

    static final String COLUMN = "pay bands";

    private static final Pattern BAND = Pattern.compile(
            "^([A-Za-z]{3})\\s+(\\d{1,13})\\s*/\\s*(\\d{1,13})\\s*/\\s*(\\d{1,13})\\s+from\\s+(\\S+)$",
            Pattern.CASE_INSENSITIVE);

    private LadderCsvPayBands() {}

    /** The written CSV with the pay bands column, when the document has any bands. */
    static String addColumn(String csv, LadderDocument doc) {
        var byLevel = PayBandStore.of(doc);
        if (byLevel.isEmpty()) {
            return csv;
        }
        var out = new StringWriter();
        try (var parser = CSVParser.parse(csv, LadderCsv.READ);
                var printer = new CSVPrinter(out, LadderCsv.WRITE)) {
            boolean header = true;
            for (var record : parser) {
                var cells = new ArrayList<>(record.toList());
                if (header) {
                    cells.add(COLUMN);
                    header = false;
                } else {
                    boolean declaresLevel = !cells.get(LadderCsv.LEVEL).isEmpty()
                            && cells.get(LadderCsv.COMPETENCY).isEmpty();
                    var bands = declaresLevel ? byLevel.get(levelKey(cells.get(LadderCsv.LEVEL))) : null;
                    cells.add(bands == null ? "" : format(bands));
                }
                printer.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** "EUR 80000 / 95000 / 110000 from 2026-01-01; USD …". */
    static String format(List<PayBand> bands) {
        return String.join("; ", bands.stream().map(PayBand::describe).toList());
    }

    /**
     * Reads a CSV file with {@code reader} after taking off the pay bands column, then puts the bands on the levels.
     * Without the column, levels keep {@code keptBands} (the ladder's current bands) where their key is unchanged.
     */
    static LadderDocument read(
            byte[] bytes, Function<byte[], LadderDocument> reader, Map<String, List<PayBand>> keptBands) {
        var text = LadderFileText.decode(bytes);
        var cells = new ArrayList<Cell>();
        String stripped = strip(text, cells);
        if (stripped == null) {
            var doc = reader.apply(bytes);
            var kept = new HashMap<String, List<PayBand>>();
            keptBands.forEach((k, v) -> kept.put(k, v));
            return PayBandStore.withBands(doc, kept);
        }
        var doc = reader.apply(stripped.getBytes(StandardCharsets.UTF_8));
        var problems = new ArrayList<String>();
        var byLevel = new LinkedHashMap<String, List<PayBand>>();
        var lineOfLevel = new HashMap<String, Long>();
        for (var cell : cells) {
            var key = findLevel(doc, cell.level());
            var where = "Line " + cell.line() + ", column " + COLUMN;
            if (key == null) {
                problems.add(where + ": the row names no level of the file (" + cell.level() + ").");
                continue;
            }
            var parsed = parse(cell.text(), key, where, problems);
            if (lineOfLevel.containsKey(key)) {
                problems.add(where + ": " + key + " already has pay bands on line " + lineOfLevel.get(key)
                        + "; give a level's bands once.");
                continue;
            }
            lineOfLevel.put(key, cell.line());
            byLevel.put(key, parsed);
        }
        if (!problems.isEmpty()) {
            throw new ImportException(problems);
        }
        return PayBandStore.withBands(doc, byLevel);
    }

    private record Cell(long line, String level, String text) {}

    /** The CSV without the pay bands column, or null when it has none; non-empty band cells go to {@code cells}. */
    private static String strip(String text, List<Cell> cells) {
        var out = new StringWriter();
        try (var parser = CSVParser.parse(text, LadderCsv.READ);
                var printer = new CSVPrinter(out, LadderCsv.WRITE)) {
            int column = -1;
            boolean header = true;
            for (CSVRecord record : parser) {
                var row = new ArrayList<>(record.toList());
                if (header) {
                    for (int i = 0; i < row.size(); i++) {
                        if (row.get(i).strip().toLowerCase(Locale.ROOT).equals(COLUMN)) {
                            column = i;
                        }
                    }
                    if (column < 0) {
                        return null;
                    }
                    header = false;
                } else if (column < row.size()) {
                    var band = LadderCsv.unneutralize(row.get(column)).strip();
                    if (!band.isEmpty()) {
                        var level = LadderCsv.LEVEL < row.size() ? row.get(LadderCsv.LEVEL) : "";
                        cells.add(new Cell(record.getRecordNumber(), level.strip(), band));
                    }
                }
                if (column < row.size()) {
                    row.remove(column);
                }
                printer.printRecord(row);
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // Not readable as CSV: leave the file to the reader, whose message names the line.
            return null;
        }
        return out.toString();
    }

    private static List<PayBand> parse(String cell, String levelKey, String where, List<String> problems) {
        var bands = new ArrayList<PayBand>();
        var docs = new ArrayList<LadderDocument.PayBandDoc>();
        for (var part : cell.split(";")) {
            var text = part.strip();
            if (text.isEmpty()) {
                continue;
            }
            var m = BAND.matcher(text);
            if (!m.matches()) {
                problems.add(where + ": '" + text + "' is not a pay band; write it as"
                        + " CUR min / mid / max from YYYY-MM-DD, e.g. EUR 80000 / 95000 / 110000 from 2026-01-01.");
                continue;
            }
            docs.add(new LadderDocument.PayBandDoc(
                    m.group(1).toUpperCase(Locale.ROOT),
                    Long.parseLong(m.group(2)),
                    Long.parseLong(m.group(3)),
                    Long.parseLong(m.group(4)),
                    m.group(5)));
        }
        int before = problems.size();
        PayBandRules.check(
                docs,
                (i, field, message) -> problems.add(where + ": " + levelKey + " "
                        + docs.get(i).currency() + " band: " + (field.isEmpty() ? "" : field + " ") + message + "."));
        if (problems.size() > before) {
            return List.of();
        }
        for (var d : docs) {
            try {
                bands.add(
                        new PayBand(levelKey, d.currency(), d.min(), d.mid(), d.max(), LocalDate.parse(d.effective())));
            } catch (DateTimeParseException e) {
                // Reported by PayBandRules above.
            }
        }
        return bands;
    }

    /** The level a row's level cell names: "KEY: Title", "KEY" or the title. */
    private static String findLevel(LadderDocument doc, String cell) {
        var key = levelKey(cell);
        for (var t : doc.tiers()) {
            for (var l : t.levels()) {
                if (l.key().equals(key) || l.title().equalsIgnoreCase(cell)) {
                    return l.key();
                }
            }
        }
        return null;
    }

    private static String levelKey(String cell) {
        int colon = cell.indexOf(':');
        return (colon > 0 ? cell.substring(0, colon) : cell).strip();
    }
}
