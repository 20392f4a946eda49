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
            var list = new ArrayList<ImportRow>(rows.size());
            for (var r : rows) {
                var action = r.action();
                switch (action) {
                    case CREATE -> creates++;
                    case UPDATE -> updates++;
                    case UNCHANGED -> unchanged++;
                    case ERROR -> errors++;
                }
                list.add(new ImportRow(r.line, r.email, r.name, action, List.copyOf(r.changes), List.copyOf(r.errors)));
            }
            return new ImportPreview(
                    fileName,
                    List.copyOf(fileProblems),
                    list,
                    creates,
                    updates,
                    unchanged,
                    errors,
                    List.copyOf(newTeams),
                    millis);
        }
    }
}
