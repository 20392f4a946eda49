package app.rungs.people.service;

import app.rungs.people.domain.AssignmentReason;
import app.rungs.people.domain.Team;
import app.rungs.security.domain.Role;
import app.rungs.security.service.AccountSummary;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** What an import file would do, row by row, checked against the database as it is now. */
final class ImportPlan {

    private ImportPlan() {}

    /** One row as read, and what it would change. */
    static final class RowPlan {
        final int line;
        String name;
        String email;
        String title;
        String team;
        String managerEmail;
        String ladder;
        String levelKey;
        String startDateText;
        String roleText;
        LocalDate startDate;
        Long ladderId;
        Set<Role> roles;
        KnownPerson existing;
        AccountSummary account;
        boolean createAccount;
        LevelAssignmentChange levelChange;
        final List<String> errors = new ArrayList<>();
        final List<String> changes = new ArrayList<>();

        RowPlan(int line) {
            this.line = line;
        }

        ImportRow.Action action() {
            if (!errors.isEmpty()) {
                return ImportRow.Action.ERROR;
            }
            if (existing == null) {
                return ImportRow.Action.CREATE;
            }
            return changes.isEmpty() ? ImportRow.Action.UNCHANGED : ImportRow.Action.UPDATE;
        }
    }

    record LevelAssignmentChange(Long ladderId, String levelKey, AssignmentReason reason) {}

    /** What the file would do, checked against the database as it is now. */
    static final class Plan {
        final List<String> fileProblems = new ArrayList<>();
        final List<RowPlan> rows = new ArrayList<>();
        final Map<String, KnownPerson> known = new HashMap<>();
        final Map<String, Team> teamsByName = new HashMap<>();
        final Set<String> newTeams = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

        ImportPreview preview(String fileName, long millis) {
            int creates = 0, updates = 0, unchanged = 0, errors = 0;
            // The counts cover every row; the rows listed are bounded (every error first, up to the limit, then the
            // first rows of the file), so a preview of 100,000 rows does not keep 100,000 rows in the session.
            var errorRows = new ArrayList<ImportRow>();
            var otherRows = new ArrayList<ImportRow>();
            for (var r : rows) {
                var action = r.action();
                switch (action) {
                    case CREATE -> creates++;
                    case UPDATE -> updates++;
                    case UNCHANGED -> unchanged++;
                    case ERROR -> errors++;
                }
                var list = action == ImportRow.Action.ERROR ? errorRows : otherRows;
                if (list.size() < ImportPreview.MAX_ROWS_LISTED) {
                    list.add(new ImportRow(
                            r.line, r.email, r.name, action, List.copyOf(r.changes), List.copyOf(r.errors)));
                }
            }
            var listed = new ArrayList<ImportRow>(errorRows);
            for (var row : otherRows) {
                if (listed.size() >= ImportPreview.MAX_ROWS_LISTED) {
                    break;
                }
                listed.add(row);
            }
            listed.sort(java.util.Comparator.comparingInt(ImportRow::line));
            return new ImportPreview(
                    fileName,
                    List.copyOf(fileProblems),
                    listed,
                    rows.size(),
                    creates,
                    updates,
                    unchanged,
                    errors,
                    List.copyOf(newTeams),
                    millis);
        }

        /** Whether any row (or the file) has an error, without building the preview. */
        boolean hasErrors() {
            return !fileProblems.isEmpty() || rows.stream().anyMatch(r -> !r.errors.isEmpty());
        }

        /** The first problems: file problems, then "Row N: message" per row error. */
        List<String> problems(int limit) {
            var all = new ArrayList<>(fileProblems);
            for (var r : rows) {
                for (var error : r.errors) {
                    if (all.size() >= limit) {
                        return all;
                    }
                    all.add("Row " + r.line + ": " + error);
                }
            }
            return all;
        }

        int errorRows() {
            return (int) rows.stream().filter(r -> !r.errors.isEmpty()).count();
        }
    }
}
