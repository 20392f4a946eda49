package app.rungs.people.service;

import app.rungs.people.service.ImportPlan.Plan;
import app.rungs.people.service.ImportPlan.RowPlan;
import app.rungs.shared.service.BoundedInputStream;
import app.rungs.shared.service.CsvDialect;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.core.io.InputStreamSource;

/**
 * Reads an HRIS export (CSV, UTF-8) into import rows: the header (with its aliases), one {@link RowPlan} per row,
 * and the problems that make the whole file unreadable. Pure: no database, so its rules are tested without Spring.
 *
 * <p>Read as a spreadsheet wrote it: comma, semicolon or tab (detected from the header, see {@link CsvDialect}), an
 * optional byte order mark and Excel {@code sep=} line, blank rows skipped; rows are numbered as the spreadsheet
 * numbers them, so a quoted cell over several lines is one row and blank rows still count.
 */
final class ImportCsv {

    /** The columns of the file, by normalized header name (lower case, letters and digits only). */
    static final List<String> COLUMNS =
            List.of("name", "email", "title", "team", "manager email", "ladder", "level key", "start date", "role");

    /** The most people one file may hold: an organization of 100,000 in one export. */
    static final int MAX_ROWS = 100_000;
    /**
     * The largest file read: {@link #MAX_ROWS} rows of 150–250 bytes (a typical export) fit with room to spare; the
     * file waits on disk while it is checked, so the limit bounds disk and time, not memory.
     */
    public static final int MAX_FILE_BYTES = 40 * 1024 * 1024;

    static final int MAX_TEXT = 200;

    private static final Map<String, String> HEADER_ALIASES = Map.ofEntries(
            Map.entry("name", "name"),
            Map.entry("fullname", "name"),
            Map.entry("email", "email"),
            Map.entry("emailaddress", "email"),
            Map.entry("title", "title"),
            Map.entry("jobtitle", "title"),
            Map.entry("team", "team"),
            Map.entry("manageremail", "manager email"),
            Map.entry("manager", "manager email"),
            Map.entry("ladder", "ladder"),
            Map.entry("levelkey", "level key"),
            Map.entry("level", "level key"),
            Map.entry("startdate", "start date"),
            Map.entry("role", "role"),
            Map.entry("roles", "role"));

    private ImportCsv() {}

    static Set<String> columns() {
        return new LinkedHashSet<>(COLUMNS);
    }

    /** Rows read between two progress reports. */
    static final int PROGRESS_EVERY = 5_000;

    static void read(InputStreamSource content, Plan plan) {
        read(content, plan, ImportProgress.NONE);
    }

    /** Reads the file into the plan, reporting the rows read so far (the total is not known until the end). */
    static void read(InputStreamSource content, Plan plan, ImportProgress progress) {
        var format = CSVFormat.DEFAULT
                .builder()
                .setIgnoreEmptyLines(false)
                .setTrim(true)
                .get();
        Map<String, Integer> columns = null;
        // Streamed: bytes are counted (and refused past MAX_FILE_BYTES) and decoded as they are parsed, and the row
        // limit stops the reading, so memory does not grow with the file beyond the rows kept.
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (var in = new BoundedInputStream(content.getInputStream(), MAX_FILE_BYTES);
                var reader = new BufferedReader(new InputStreamReader(in, decoder), DIALECT_PEEK);
                var parser = CSVParser.parse(
                        skipByteOrderMark(reader), dialect(reader).apply(format))) {
            for (CSVRecord record : parser) {
                if (columns == null) {
                    if (isBlankRecord(record)) {
                        continue;
                    }
                    columns = header(record, plan);
                    if (columns == null) {
                        return;
                    }
                    continue;
                }
                if (isBlankRecord(record)) {
                    continue;
                }
                if (plan.rows.size() >= MAX_ROWS) {
                    plan.fileProblems.add(
                            "The file has more than " + MAX_ROWS + " people; split it into smaller files.");
                    plan.rows.clear();
                    return;
                }
                var row = new RowPlan((int) record.getRecordNumber());
                row.name = field(record, columns, "name");
                row.email = field(record, columns, "email");
                row.title = field(record, columns, "title");
                row.team = field(record, columns, "team");
                row.managerEmail = field(record, columns, "manager email");
                row.ladder = field(record, columns, "ladder");
                row.levelKey = field(record, columns, "level key");
                row.startDateText = field(record, columns, "start date");
                row.roleText = field(record, columns, "role");
                if (record.size() > columns.size() && !extraFieldsBlank(record, columns.size())) {
                    row.errors.add("The row has " + record.size() + " fields but the header names " + columns.size()
                            + "; check for a comma inside a value that is not in quotes.");
                }
                plan.rows.add(row);
                if (plan.rows.size() % PROGRESS_EVERY == 0) {
                    progress.update("Reading the file", plan.rows.size(), 0);
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            plan.fileProblems.add(readProblem(e));
            plan.rows.clear();
            return;
        }
        if (columns == null) {
            plan.fileProblems.add("The file is empty.");
        } else if (plan.rows.isEmpty() && plan.fileProblems.isEmpty()) {
            plan.fileProblems.add("The file has a header but no people.");
        }
    }

    /** How far ahead the header is read to detect the delimiter; a header row is far shorter. */
    private static final int DIALECT_PEEK = 64 * 1024;

    /** Detects the delimiter from the start of the file and skips Excel's "sep=;" line, which is not a row. */
    private static CsvDialect dialect(BufferedReader reader) throws IOException {
        reader.mark(DIALECT_PEEK);
        var start = new char[DIALECT_PEEK - 1];
        int n = reader.read(start, 0, start.length);
        reader.reset();
        var dialect = n <= 0 ? CsvDialect.COMMA : CsvDialect.detect(new String(start, 0, n));
        if (dialect.sepLine()) {
            reader.readLine();
        }
        return dialect;
    }

    private static Reader skipByteOrderMark(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }

    private static String readProblem(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BoundedInputStream.TooLargeException) {
                return "The file is larger than " + MAX_FILE_BYTES / 1024 / 1024
                        + " MB; people files may be at most " + MAX_FILE_BYTES / 1024 / 1024
                        + " MB. Split it into smaller files.";
            }
            if (t instanceof CharacterCodingException) {
                return "The file is not UTF-8 text. Export it from the HRIS as CSV in UTF-8.";
            }
        }
        return "The file is not valid CSV: " + rootMessage(e);
    }

    private static String rootMessage(Throwable e) {
        var t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    private static boolean isBlankRecord(CSVRecord record) {
        for (var value : record) {
            if (value != null && !value.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static boolean extraFieldsBlank(CSVRecord record, int from) {
        for (int i = from; i < record.size(); i++) {
            if (!record.get(i).isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, Integer> header(CSVRecord record, Plan plan) {
        var columns = new LinkedHashMap<String, Integer>();
        var unknown = new ArrayList<String>();
        for (int i = 0; i < record.size(); i++) {
            var raw = record.get(i);
            var normalized = raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
            var column = HEADER_ALIASES.get(normalized);
            if (column == null) {
                if (!raw.isBlank()) {
                    unknown.add(raw);
                }
                continue;
            }
            if (columns.containsKey(column)) {
                plan.fileProblems.add("The header names the column \"" + column + "\" twice.");
                return null;
            }
            columns.put(column, i);
        }
        var missing = new ArrayList<String>();
        for (var required : List.of("name", "email")) {
            if (!columns.containsKey(required)) {
                missing.add(required);
            }
        }
        if (!missing.isEmpty()) {
            plan.fileProblems.add("The first line must be a header with the columns " + String.join(", ", COLUMNS)
                    + "; \"" + String.join("\" and \"", missing) + "\" "
                    + (missing.size() == 1 ? "is" : "are") + " missing"
                    + (unknown.isEmpty() ? "" : " (found " + String.join(", ", unknown) + ")") + ".");
            return null;
        }
        return columns;
    }

    private static String field(CSVRecord record, Map<String, Integer> columns, String column) {
        var index = columns.get(column);
        if (index == null || index >= record.size()) {
            return "";
        }
        var value = record.get(index);
        return value == null ? "" : value.strip();
    }
}
