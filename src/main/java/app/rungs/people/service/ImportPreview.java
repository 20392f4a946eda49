package app.rungs.people.service;

import java.util.List;

/**
 * The dry run of an HRIS import: per row, what would be created or updated and every error. Nothing is applied
 * while any row (or the file itself) has an error. The counts cover the whole file; {@link #rows()} lists every row
 * of a file of up to {@value #MAX_ROWS_LISTED} rows, and of a larger one the rows with errors first (up to that many)
 * and then the first rows of the file, in file order.
 */
public record ImportPreview(
        String fileName,
        List<String> fileProblems,
        List<ImportRow> rows,
        int rowCount,
        int creates,
        int updates,
        int unchanged,
        int errors,
        List<String> newTeams,
        long millis) {

    /** The most rows a preview lists; the rest are counted. */
    public static final int MAX_ROWS_LISTED = 2_000;

    /** Whether some rows of the file are counted but not listed. */
    public boolean listsSomeRows() {
        return rows.size() < rowCount;
    }

    public boolean hasErrors() {
        return !fileProblems.isEmpty() || errors > 0;
    }

    public boolean canApply() {
        return !hasErrors() && creates + updates > 0;
    }

    /** Every problem as one line each: file problems first, then "Row N: message" per row error. */
    public List<String> problems() {
        var all = new java.util.ArrayList<>(fileProblems);
        for (var row : rows) {
            for (var error : row.errors()) {
                all.add("Row " + row.line() + ": " + error);
            }
        }
        return all;
    }
}
