package app.rungs.people.service;

import java.util.List;

/**
 * The dry run of an HRIS import: per row, what would be created or updated and every error. Nothing is applied
 * while any row (or the file itself) has an error.
 */
public record ImportPreview(
        String fileName,
        List<String> fileProblems,
        List<ImportRow> rows,
        int creates,
        int updates,
        int unchanged,
        int errors,
        List<String> newTeams,
        long millis) {

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
