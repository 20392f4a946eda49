package app.rungs.people.service;

import app.rungs.audit.service.AuditService;
import app.rungs.ladder.service.LadderContent;
import app.rungs.ladder.service.LadderService;
import app.rungs.people.domain.AssignmentReason;
import app.rungs.people.domain.LevelAssignment;
import app.rungs.people.domain.LevelAssignmentRepository;
import app.rungs.people.domain.Person;
import app.rungs.people.domain.PersonRepository;
import app.rungs.people.domain.Team;
import app.rungs.people.domain.TeamRepository;
import app.rungs.people.service.ImportPlan.Plan;
import app.rungs.people.service.ImportPlan.RowPlan;
import app.rungs.security.domain.Role;
import app.rungs.security.service.AccountService;
import app.rungs.security.service.CurrentUser;
import app.rungs.security.service.NewAccount;
import app.rungs.shared.service.ValidationException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.InputStreamSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports people from an HRIS export (CSV). Rows are keyed by email, so importing the same file twice changes
 * nothing the second time. A dry run lists creates, updates and errors per row; applying re-checks the file in the
 * same transaction that writes it, and writes nothing when any row has an error.
 *
 * <p>Every lookup (people, teams, ladders, accounts) is loaded once up front; rows never cause queries of their
 * own, and writes go out in JDBC batches, flushed in chunks so progress can be reported.
 */
@Service
public class PeopleImportService {

    /** The largest file read; a file of the most rows an import takes fits easily. */
    public static final int MAX_FILE_BYTES = ImportCsv.MAX_FILE_BYTES;

    private static final int CHUNK = 500;

    private static final Logger log = LoggerFactory.getLogger(PeopleImportService.class);

    private final PersonRepository people;
    private final TeamRepository teams;
    private final LevelAssignmentRepository assignments;
    private final PeopleQueries queries;
    private final LadderService ladders;
    private final AccountService accounts;
    private final AuditService audit;
    private final Clock clock;

    @PersistenceContext
    private EntityManager em;

    PeopleImportService(
            PersonRepository people,
            TeamRepository teams,
            LevelAssignmentRepository assignments,
            PeopleQueries queries,
            LadderService ladders,
            AccountService accounts,
            AuditService audit,
            Clock clock) {
        this.people = people;
        this.teams = teams;
        this.assignments = assignments;
        this.queries = queries;
        this.ladders = ladders;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /** Checks a file and tells what importing it would do; changes nothing. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public ImportPreview preview(byte[] content, String fileName, ImportProgress progress) {
        return preview(bytes(content), fileName, progress);
    }

    /** Checks a file read as a stream (an upload waiting on disk) and tells what importing it would do. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public ImportPreview preview(InputStreamSource content, String fileName, ImportProgress progress) {
        long started = System.nanoTime();
        var plan = analyse(content, progress == null ? ImportProgress.NONE : progress);
        return plan.preview(fileName, (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Imports a file in one transaction: all rows or none. Refuses (with the problems) when any row has an error.
     */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public ImportResult apply(byte[] content, String fileName, ImportProgress progress) {
        return apply(bytes(content), fileName, progress);
    }

    /** Imports a file read as a stream (an upload waiting on disk), like {@link #apply(byte[], String, ImportProgress)}. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public ImportResult apply(InputStreamSource content, String fileName, ImportProgress progress) {
        long started = System.nanoTime();
        var report = progress == null ? ImportProgress.NONE : progress;
        var plan = analyse(content, report);
        var preview = plan.preview(fileName, 0);
        if (preview.hasErrors()) {
            var problems = new ArrayList<String>();
            problems.add("Nothing was imported: " + describeErrors(preview) + ".");
            problems.addAll(preview.problems().stream().limit(20).toList());
            throw new ValidationException(problems);
        }
        // The lookups are not needed as managed entities any more; keep the persistence context small.
        em.flush();
        em.clear();
        var result = write(plan, fileName == null ? "an HRIS file" : fileName, report);
        long millis = (System.nanoTime() - started) / 1_000_000;
        audit.record(
                "PEOPLE_IMPORTED",
                "Import",
                fileName,
                "Imported " + (fileName == null ? "a file" : fileName) + ": " + result.created() + " created, "
                        + result.updated() + " updated, " + result.unchanged() + " unchanged",
                null,
                Map.of(
                        "created", result.created(),
                        "updated", result.updated(),
                        "unchanged", result.unchanged(),
                        "teamsCreated", result.teamsCreated(),
                        "accountsCreated", result.accountsCreated()));
        return new ImportResult(
                result.created(),
                result.updated(),
                result.unchanged(),
                result.teamsCreated(),
                result.accountsCreated(),
                millis);
    }

    private static InputStreamSource bytes(byte[] content) {
        var copy = content == null ? new byte[0] : content;
        return () -> new ByteArrayInputStream(copy);
    }

    private static String describeErrors(ImportPreview preview) {
        if (!preview.fileProblems().isEmpty()) {
            return "the file cannot be read";
        }
        return preview.errors() + (preview.errors() == 1 ? " row has" : " rows have") + " errors";
    }

    // ---------------------------------------------------------------- analysis

    private Plan analyse(InputStreamSource content, ImportProgress progress) {
        var plan = new Plan();
        progress.update("Reading the file", 0, 1);
        ImportCsv.read(content, plan);
        if (!plan.fileProblems.isEmpty()) {
            return plan;
        }
        int total = plan.rows.size();
        progress.update("Checking " + total + " rows", 0, total);

        for (var p : queries.allPeople()) {
            plan.known.put(p.email().toLowerCase(Locale.ROOT), p);
        }
        var knownById = plan.known.values().stream().collect(Collectors.toMap(KnownPerson::id, p -> p));
        for (var t : teams.findAll()) {
            plan.teamsByName.put(t.getName().toLowerCase(Locale.ROOT), t);
        }
        var teamNamesById = plan.teamsByName.values().stream().collect(Collectors.toMap(Team::getId, Team::getName));
        var linked = accounts.linkedAccounts();
        var usernames = accounts.usernamesInUse();
        var ladderList = ladders.list();
        var contents = new HashMap<Long, LadderContent>();
        var checks = new ImportChecks(LocalDate.now(clock), ladders::published);

        // Emails in the file, with the lines they appear on.
        var linesByEmail = new HashMap<String, List<Integer>>();
        for (var r : plan.rows) {
            if (r.email != null && !r.email.isEmpty()) {
                linesByEmail
                        .computeIfAbsent(r.email.toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(r.line);
            }
        }

        int done = 0;
        for (var r : plan.rows) {
            checks.checkRow(r, plan, linesByEmail, ladderList, contents, linked, usernames);
            if (++done % 2000 == 0) {
                progress.update("Checking " + total + " rows", done, total);
            }
        }
        ImportChecks.checkCycles(plan, knownById);
        for (var r : plan.rows) {
            if (r.errors.isEmpty()) {
                ImportChecks.describeChanges(r, plan, knownById, teamNamesById, contents);
            }
        }
        progress.update("Checked " + total + " rows", total, total);
        return plan;
    }

    private record Written(int created, int updated, int unchanged, int teamsCreated, int accountsCreated) {}

    private Written write(Plan plan, String source, ImportProgress progress) {
        long started = System.nanoTime();
        var actor = CurrentUser.actorName();
        var today = LocalDate.now(clock);
        var note = "HRIS import of " + source;

        // Teams first, so people can point at them.
        var teamIds = new HashMap<String, Long>();
        plan.teamsByName.forEach((name, team) -> teamIds.put(name, team.getId()));
        int teamsCreated = 0;
        for (var name : plan.newTeams) {
            var team = teams.save(new Team(name));
            teamIds.put(name.toLowerCase(Locale.ROOT), team.getId());
            audit.record(
                    "TEAM_CREATED",
                    "Team",
                    team.getId(),
                    "Created team " + name + " (" + note + ")",
                    null,
                    Map.of("name", name));
            teamsCreated++;
        }

        var ids = new HashMap<String, Long>();
        plan.known.forEach((email, k) -> ids.put(email, k.id()));
        var creates = topologicalCreates(plan);
        var updates = plan.rows.stream()
                .filter(r -> r.action() == ImportRow.Action.UPDATE)
                .toList();
        int total = creates.size() + updates.size();
        int done = 0;
        progress.update("Saving", 0, total);

        // Creates, managers before their reports so every manager id exists when a report is inserted.
        var newAccounts = new ArrayList<NewAccount>();
        for (var r : creates) {
            var p = new Person(r.name, r.email.toLowerCase(Locale.ROOT));
            p.setJobTitle(PersonRules.blankToNull(r.title));
            p.setTeamId(r.team.isEmpty() ? null : teamIds.get(r.team.toLowerCase(Locale.ROOT)));
            p.setManagerId(r.managerEmail.isEmpty() ? null : ids.get(r.managerEmail.toLowerCase(Locale.ROOT)));
            p.setStartDate(r.startDate);
            var since = r.startDate != null ? r.startDate : today;
            people.save(p);
            ids.put(p.getEmail(), p.getId());
            if (r.ladderId != null) {
                assignments.save(new LevelAssignment(
                        p.getId(), r.ladderId, r.levelKey, since, AssignmentReason.HIRE, actor, null, note));
            }
            audit.record(
                    "PERSON_CREATED",
                    "Person",
                    p.getId(),
                    "Added " + p.getFullName() + " (" + note + ")",
                    null,
                    PersonRules.snapshot(p));
            if (r.createAccount) {
                newAccounts.add(new NewAccount(p.getEmail(), p.getFullName(), r.roles, p.getId()));
            }
            if (++done % CHUNK == 0) {
                flushChunk(progress, done, total);
            }
        }

        // Updates, loaded a chunk at a time.
        var roleChanges = new HashMap<Long, Set<Role>>();
        for (int from = 0; from < updates.size(); from += CHUNK) {
            var chunk = updates.subList(from, Math.min(updates.size(), from + CHUNK));
            var entities = people
                    .findAllById(chunk.stream().map(r -> r.existing.id()).toList())
                    .stream()
                    .collect(Collectors.toMap(Person::getId, p -> p));
            for (var r : chunk) {
                var p = entities.get(r.existing.id());
                var before = PersonRules.snapshot(p);
                p.setFullName(r.name);
                p.setJobTitle(PersonRules.blankToNull(r.title));
                p.setTeamId(r.team.isEmpty() ? null : teamIds.get(r.team.toLowerCase(Locale.ROOT)));
                p.setManagerId(r.managerEmail.isEmpty() ? null : ids.get(r.managerEmail.toLowerCase(Locale.ROOT)));
                if (r.startDate != null) {
                    p.setStartDate(r.startDate);
                }
                if (r.levelChange != null) {
                    assignments.save(new LevelAssignment(
                            p.getId(),
                            r.levelChange.ladderId(),
                            r.levelChange.levelKey(),
                            today,
                            r.levelChange.reason(),
                            actor,
                            null,
                            note));
                }
                audit.record(
                        "PERSON_UPDATED",
                        "Person",
                        p.getId(),
                        "Updated " + p.getFullName() + " (" + note + "): " + String.join("; ", r.changes),
                        before,
                        PersonRules.snapshot(p));
                if (r.createAccount) {
                    newAccounts.add(new NewAccount(p.getEmail(), p.getFullName(), r.roles, p.getId()));
                } else if (r.roles != null
                        && r.account != null
                        && !ImportChecks.desiredRoles(r).equals(r.account.roles())) {
                    roleChanges.put(r.account.id(), ImportChecks.desiredRoles(r));
                }
                done++;
            }
            flushChunk(progress, done, total);
        }
        em.flush();

        long peopleMillis = (System.nanoTime() - started) / 1_000_000;
        // Accounts, in chunks too.
        progress.update("Creating accounts", 0, newAccounts.size());
        for (int from = 0; from < newAccounts.size(); from += CHUNK * 4) {
            var chunk = newAccounts.subList(from, Math.min(newAccounts.size(), from + CHUNK * 4));
            accounts.createWithoutPassword(chunk);
            em.flush();
            em.clear();
            progress.update("Creating accounts", Math.min(newAccounts.size(), from + chunk.size()), newAccounts.size());
        }
        log.info(
                "Import of {} wrote {} new and {} updated people in {} ms and {} accounts in {} ms",
                source,
                creates.size(),
                updates.size(),
                peopleMillis,
                newAccounts.size(),
                (System.nanoTime() - started) / 1_000_000 - peopleMillis);
        accounts.setRoles(roleChanges);
        em.flush();
        progress.update("Saved", total, total);
        int unchanged = (int) plan.rows.stream()
                .filter(r -> r.action() == ImportRow.Action.UNCHANGED)
                .count();
        return new Written(creates.size(), updates.size(), unchanged, teamsCreated, newAccounts.size());
    }

    private void flushChunk(ImportProgress progress, int done, int total) {
        em.flush();
        em.clear();
        progress.update("Saving", done, total);
    }

    /** New people ordered so that a manager who is new too comes before their reports. */
    private static List<RowPlan> topologicalCreates(Plan plan) {
        var creates = plan.rows.stream()
                .filter(r -> r.action() == ImportRow.Action.CREATE)
                .toList();
        var byEmail = new HashMap<String, RowPlan>();
        for (var r : creates) {
            byEmail.put(r.email.toLowerCase(Locale.ROOT), r);
        }
        var ordered = new ArrayList<RowPlan>(creates.size());
        var placed = new HashSet<String>();
        for (var r : creates) {
            // Walk up to the first manager already placed (or not new), then place the chain top-down.
            var chain = new ArrayList<RowPlan>();
            var current = r;
            while (current != null && !placed.contains(current.email.toLowerCase(Locale.ROOT))) {
                chain.add(current);
                placed.add(current.email.toLowerCase(Locale.ROOT));
                current = current.managerEmail.isEmpty()
                        ? null
                        : byEmail.get(current.managerEmail.toLowerCase(Locale.ROOT));
            }
            for (int i = chain.size() - 1; i >= 0; i--) {
                ordered.add(chain.get(i));
            }
        }
        return ordered;
    }
}
