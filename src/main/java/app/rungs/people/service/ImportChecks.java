package app.rungs.people.service;

import app.rungs.ladder.service.LadderContent;
import app.rungs.ladder.service.LadderSummary;
import app.rungs.people.domain.AssignmentReason;
import app.rungs.people.service.ImportPlan.LevelAssignmentChange;
import app.rungs.people.service.ImportPlan.Plan;
import app.rungs.people.service.ImportPlan.RowPlan;
import app.rungs.security.domain.Role;
import app.rungs.security.service.AccountSummary;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The rules an import row must pass (name, email, manager, ladder and level, start date, roles, reporting cycles)
 * and the changes it would make to the person on record. Works on lookups loaded once up front, so no row causes a
 * query of its own.
 */
final class ImportChecks {

    private final LocalDate today;
    private final Function<Long, Optional<LadderContent>> published;

    ImportChecks(LocalDate today, Function<Long, Optional<LadderContent>> published) {
        this.today = today;
        this.published = published;
    }

    void checkRow(
            RowPlan r,
            Plan plan,
            Map<String, List<Integer>> linesByEmail,
            List<LadderSummary> ladderList,
            Map<Long, LadderContent> contents,
            Map<Long, AccountSummary> linked,
            Set<String> usernames) {
        // Name and email
        if (r.name.isEmpty()) {
            r.errors.add("Name is missing.");
        } else if (r.name.length() > ImportCsv.MAX_TEXT) {
            r.errors.add("Name is longer than " + ImportCsv.MAX_TEXT + " characters.");
        }
        String emailKey = null;
        if (r.email.isEmpty()) {
            r.errors.add("Email is missing.");
        } else if (!PersonRules.EMAIL.matcher(r.email).matches() || r.email.length() > 254) {
            r.errors.add("Email \"" + r.email + "\" is not a valid address.");
        } else {
            emailKey = r.email.toLowerCase(Locale.ROOT);
            var lines = linesByEmail.get(emailKey);
            if (lines.size() > 1) {
                r.errors.add("Email " + r.email + " appears more than once in the file (lines "
                        + lines.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ").");
            }
            r.existing = plan.known.get(emailKey);
        }
        if (r.title.length() > ImportCsv.MAX_TEXT) {
            r.errors.add("Title is longer than " + ImportCsv.MAX_TEXT + " characters.");
        }
        if (r.team.length() > ImportCsv.MAX_TEXT) {
            r.errors.add("Team name is longer than " + ImportCsv.MAX_TEXT + " characters.");
        } else if (!r.team.isEmpty() && !plan.teamsByName.containsKey(r.team.toLowerCase(Locale.ROOT))) {
            plan.newTeams.add(r.team);
        }

        // Manager
        if (!r.managerEmail.isEmpty()) {
            var managerKey = r.managerEmail.toLowerCase(Locale.ROOT);
            if (!PersonRules.EMAIL.matcher(r.managerEmail).matches()) {
                r.errors.add("Manager email \"" + r.managerEmail + "\" is not a valid address.");
            } else if (managerKey.equals(emailKey)) {
                r.errors.add("Cannot be their own manager.");
            } else if (linesByEmail.containsKey(managerKey)) {
                var manager = plan.known.get(managerKey);
                if (manager != null && !manager.active()) {
                    r.errors.add("Manager " + r.managerEmail + " has left the organization.");
                }
            } else {
                var manager = plan.known.get(managerKey);
                if (manager == null) {
                    r.errors.add("Unknown manager " + r.managerEmail + ": not in the file and not in Rungs.");
                } else if (!manager.active()) {
                    r.errors.add("Manager " + r.managerEmail + " has left the organization.");
                }
            }
        }

        // Ladder and level
        if (r.ladder.isEmpty() != r.levelKey.isEmpty()) {
            r.errors.add("Give both a ladder and a level key, or neither.");
        } else if (!r.ladder.isEmpty()) {
            var ladder = ladderList.stream()
                    .filter(l -> l.name().equalsIgnoreCase(r.ladder))
                    .findFirst();
            if (ladder.isEmpty()) {
                r.errors.add("Unknown ladder \"" + r.ladder + "\". Ladders: "
                        + ladderList.stream()
                                .filter(l -> !l.retired())
                                .map(LadderSummary::name)
                                .collect(Collectors.joining(", "))
                        + ".");
            } else if (ladder.get().retired()) {
                r.errors.add("Ladder " + ladder.get().name() + " is retired.");
            } else if (ladder.get().publishedVersionId() == null) {
                r.errors.add("Ladder " + ladder.get().name() + " has no published version yet.");
            } else {
                var content = contents.computeIfAbsent(
                        ladder.get().id(), id -> published.apply(id).orElse(null));
                if (content == null) {
                    r.errors.add("Ladder " + ladder.get().name() + " has no published version yet.");
                } else if (content.level(r.levelKey).isEmpty()) {
                    r.errors.add("Unknown level \"" + r.levelKey + "\" in "
                            + content.version().ladderName()
                            + ". Levels: "
                            + content.levels().stream()
                                    .map(LadderContent.LevelView::key)
                                    .collect(Collectors.joining(", "))
                            + ".");
                } else {
                    r.ladderId = ladder.get().id();
                }
            }
        }

        // Start date
        if (!r.startDateText.isEmpty()) {
            try {
                r.startDate = LocalDate.parse(r.startDateText);
                if (r.startDate.isAfter(today.plusYears(1))) {
                    r.errors.add("Start date " + r.startDateText + " is more than a year away.");
                } else if (r.startDate.isBefore(LocalDate.of(1950, 1, 1))) {
                    r.errors.add("Start date " + r.startDateText + " is before 1950.");
                }
            } catch (DateTimeParseException e) {
                r.errors.add("Start date \"" + r.startDateText + "\" is not a date like 2024-03-15.");
            }
        }

        // Roles and account
        if (!r.roleText.isEmpty()) {
            var roles = EnumSet.noneOf(Role.class);
            for (var token : r.roleText.split("[;|,+/\\s]+")) {
                if (token.isBlank()) {
                    continue;
                }
                try {
                    roles.add(Role.valueOf(token.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    r.errors.add("Unknown role \"" + token.strip() + "\". Use ENGINEER, MANAGER or ADMIN.");
                }
            }
            if (roles.contains(Role.MANAGER)) {
                // Managers are on a ladder too and see their own page.
                roles.add(Role.ENGINEER);
            }
            r.roles = roles;
        }
        if (emailKey != null) {
            r.account = r.existing == null ? null : linked.get(r.existing.id());
            if (r.account == null && (r.existing == null || r.roles != null)) {
                if (usernames.contains(emailKey)) {
                    r.errors.add("An account named " + r.email
                            + " already exists but belongs to no one in Rungs; link it by hand.");
                } else {
                    r.createAccount = true;
                    if (r.roles == null) {
                        r.roles = EnumSet.of(Role.ENGINEER);
                    }
                }
            }
        }
    }

    /** Refuses rows whose resulting reporting line loops back to them. */
    static void checkCycles(Plan plan, Map<Long, KnownPerson> knownById) {
        var managerOf = new HashMap<String, String>();
        for (var k : plan.known.values()) {
            if (k.managerId() != null) {
                var manager = knownById.get(k.managerId());
                if (manager != null) {
                    managerOf.put(
                            k.email().toLowerCase(Locale.ROOT), manager.email().toLowerCase(Locale.ROOT));
                }
            }
        }
        var rowsByEmail = new HashMap<String, RowPlan>();
        for (var r : plan.rows) {
            if (r.email.isEmpty() || !PersonRules.EMAIL.matcher(r.email).matches()) {
                continue;
            }
            var key = r.email.toLowerCase(Locale.ROOT);
            rowsByEmail.putIfAbsent(key, r);
            if (r.managerEmail.isEmpty()) {
                managerOf.remove(key);
            } else {
                managerOf.put(key, r.managerEmail.toLowerCase(Locale.ROOT));
            }
        }
        // Colour each person: 1 = on the current walk, 2 = known to reach the top without a cycle.
        var state = new HashMap<String, Integer>();
        for (var start : rowsByEmail.keySet()) {
            if (state.containsKey(start)) {
                continue;
            }
            var walk = new ArrayList<String>();
            var current = start;
            while (current != null && !state.containsKey(current)) {
                state.put(current, 1);
                walk.add(current);
                current = managerOf.get(current);
            }
            if (current != null && state.get(current) == 1) {
                var cycle = walk.subList(walk.indexOf(current), walk.size());
                var path = String.join(" → ", cycle) + " → " + current;
                for (var member : cycle) {
                    var row = rowsByEmail.get(member);
                    if (row != null && row.errors.stream().noneMatch(e -> e.startsWith("Reporting cycle"))) {
                        row.errors.add("Reporting cycle: " + path + ".");
                    }
                }
            }
            for (var w : walk) {
                state.put(w, 2);
            }
        }
    }

    static void describeChanges(
            RowPlan r,
            Plan plan,
            Map<Long, KnownPerson> knownById,
            Map<Long, String> teamNamesById,
            Map<Long, LadderContent> contents) {
        var k = r.existing;
        if (k == null) {
            return;
        }
        if (!k.fullName().equals(r.name)) {
            r.changes.add("name: " + k.fullName() + " → " + r.name);
        }
        if (!Objects.equals(blankToNull(k.jobTitle()), blankToNull(r.title))) {
            r.changes.add("title: " + show(k.jobTitle()) + " → " + show(r.title));
        }
        var currentTeam = k.teamId() == null ? null : teamNamesById.get(k.teamId());
        if (!(currentTeam == null ? r.team.isEmpty() : currentTeam.equalsIgnoreCase(r.team))) {
            r.changes.add("team: " + show(currentTeam) + " → " + show(r.team));
        }
        var currentManager = k.managerId() == null ? null : knownById.get(k.managerId());
        var currentManagerEmail = currentManager == null ? "" : currentManager.email();
        if (!currentManagerEmail.equalsIgnoreCase(r.managerEmail)) {
            r.changes.add("manager: " + show(currentManagerEmail) + " → " + show(r.managerEmail));
        }
        if (r.ladderId != null && (!r.ladderId.equals(k.ladderId()) || !r.levelKey.equals(k.levelKey()))) {
            AssignmentReason reason;
            if (k.ladderId() == null) {
                reason = AssignmentReason.HIRE;
            } else if (!r.ladderId.equals(k.ladderId())) {
                reason = AssignmentReason.LADDER_MIGRATION;
            } else {
                var levels = contents.get(r.ladderId).levels().stream()
                        .map(LadderContent.LevelView::key)
                        .toList();
                reason = levels.indexOf(r.levelKey) > levels.indexOf(k.levelKey())
                        ? AssignmentReason.PROMOTION
                        : AssignmentReason.CORRECTION;
            }
            r.levelChange = new LevelAssignmentChange(r.ladderId, r.levelKey, reason);
            r.changes.add("level: " + show(k.levelKey()) + " → " + r.levelKey + " (" + reason.label() + ")");
        }
        // A blank start date keeps the one on record: start dates do not disappear.
        if (r.startDate != null && !r.startDate.equals(k.startDate())) {
            r.changes.add("start date: " + show(k.startDate()) + " → " + show(r.startDate));
        }
        if (r.createAccount) {
            r.changes.add("account: create with " + r.roles);
        } else if (r.roles != null && r.account != null && !desiredRoles(r).equals(r.account.roles())) {
            r.changes.add("roles: " + r.account.roles() + " → " + desiredRoles(r));
        }
    }

    /** The file's roles; an existing admin right is kept (admins are revoked on the person page, not by import). */
    static Set<Role> desiredRoles(RowPlan r) {
        var roles = EnumSet.copyOf(r.roles.isEmpty() ? EnumSet.of(Role.ENGINEER) : r.roles);
        if (r.account != null && r.account.roles().contains(Role.ADMIN)) {
            roles.add(Role.ADMIN);
        }
        return roles;
    }

    private static String show(Object value) {
        return value == null || value.toString().isEmpty() ? "—" : value.toString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    // ---------------------------------------------------------------- writing
}
