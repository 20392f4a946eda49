package app.rungs.people.service;

import app.rungs.audit.service.AuditRecord;
import app.rungs.audit.service.AuditService;
import app.rungs.ladder.service.LadderContent;
import app.rungs.ladder.service.LadderService;
import app.rungs.people.domain.AssignmentReason;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.InputStreamSource;
import org.springframework.jdbc.core.JdbcTemplate;
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

    /** Accounts created per call: each call reads the usernames in use once. */
    private static final int ACCOUNT_CHUNK = 10_000;

    /** The advisory lock that lets one import apply at a time (the two numbers spell "HRIS import"). */
    public static final long APPLY_LOCK = 0x4852_4953_494d_5054L;

    private static final Logger log = LoggerFactory.getLogger(PeopleImportService.class);

    private final TeamRepository teams;
    private final PeopleQueries queries;
    private final LadderService ladders;
    private final AccountService accounts;
    private final AuditService audit;
    private final Clock clock;
    private final JdbcTemplate jdbc;
    private final ImportWriter writer;

    @PersistenceContext
    private EntityManager em;

    PeopleImportService(
            TeamRepository teams,
            PeopleQueries queries,
            LadderService ladders,
            AccountService accounts,
            AuditService audit,
            Clock clock,
            JdbcTemplate jdbc) {
        this.teams = teams;
        this.queries = queries;
        this.ladders = ladders;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
        this.jdbc = jdbc;
        this.writer = new ImportWriter(jdbc);
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
        if (!Boolean.TRUE.equals(
                jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, APPLY_LOCK))) {
            throw new ValidationException("Another import is being applied right now; try again once it has finished.");
        }
        var plan = analyse(content, report);
        if (plan.hasErrors()) {
            var problems = new ArrayList<String>();
            problems.add("Nothing was imported: "
                    + (plan.fileProblems.isEmpty()
                            ? plan.errorRows() + (plan.errorRows() == 1 ? " row has" : " rows have") + " errors"
                            : "the file cannot be read")
                    + ".");
            problems.addAll(plan.problems(20));
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

    // ---------------------------------------------------------------- analysis

    private Plan analyse(InputStreamSource content, ImportProgress progress) {
        var plan = new Plan();
        progress.update("Reading the file", 0, 0);
        ImportCsv.read(content, plan, progress);
        if (!plan.fileProblems.isEmpty()) {
            return plan;
        }
        int total = plan.rows.size();
        progress.update(String.format(Locale.ENGLISH, "Checking %,d rows", total), 0, total);

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
                progress.update(String.format(Locale.ENGLISH, "Checking %,d rows", total), done, total);
            }
        }
        ImportChecks.checkCycles(plan, knownById);
        for (var r : plan.rows) {
            if (r.errors.isEmpty()) {
                ImportChecks.describeChanges(r, plan, knownById, teamNamesById, contents);
            }
        }
        progress.update(String.format(Locale.ENGLISH, "Checked %,d rows", total), total, total);
        return plan;
    }

    private record Written(int created, int updated, int unchanged, int teamsCreated, int accountsCreated) {}

    private Written write(Plan plan, String source, ImportProgress progress) {
        long started = System.nanoTime();
        var actor = CurrentUser.actorName();
        var today = LocalDate.now(clock);
        var note = "HRIS import of " + source;

        // Teams first, so people can point at them: a handful, written as entities.
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
        em.flush();

        var creates = plan.rows.stream()
                .filter(r -> r.action() == ImportRow.Action.CREATE)
                .toList();
        var updates = plan.rows.stream()
                .filter(r -> r.action() == ImportRow.Action.UPDATE)
                .toList();
        int total = creates.size() + updates.size();
        progress.update("Saving", 0, total);
        var ids = new HashMap<String, Long>();
        plan.known.forEach((email, k) -> ids.put(email, k.id()));
        var newIds = writer.newIds(creates.size());
        for (int i = 0; i < creates.size(); i++) {
            ids.put(creates.get(i).email.toLowerCase(Locale.ROOT), newIds.get(i));
        }
        writer.deferReportingLines();
        writer.createStage();

        // Staged and audited a chunk at a time, so neither grows with the file; written by a few statements after.
        var newAccounts = new ArrayList<NewAccount>();
        var roleChanges = new HashMap<Long, Set<Role>>();
        int done = 0;
        for (var chunk : ImportWriter.chunks(creates, ImportWriter.COPY_CHUNK)) {
            var staged = new ArrayList<ImportWriter.Staged>(chunk.size());
            var events = new ArrayList<AuditRecord>(chunk.size());
            for (var r : chunk) {
                var email = r.email.toLowerCase(Locale.ROOT);
                var id = ids.get(email);
                var row = new ImportWriter.Staged(
                        id,
                        true,
                        r.name,
                        email,
                        PersonRules.blankToNull(r.title),
                        teamId(r, teamIds),
                        managerId(r, ids),
                        r.startDate,
                        r.ladderId,
                        r.ladderId == null ? null : r.levelKey,
                        r.ladderId == null ? null : AssignmentReason.HIRE.name(),
                        r.startDate != null ? r.startDate : today,
                        false);
                staged.add(row);
                events.add(new AuditRecord(
                        "PERSON_CREATED", "Person", id, "Added " + r.name + " (" + note + ")", null, after(row, null)));
                if (r.createAccount) {
                    newAccounts.add(new NewAccount(email, r.name, r.roles, id));
                }
            }
            writer.stage(staged);
            audit.recordAll(events);
            done += chunk.size();
            progress.update("Saving", done, total);
        }
        for (var chunk : ImportWriter.chunks(updates, ImportWriter.COPY_CHUNK)) {
            var before =
                    writer.snapshots(chunk.stream().map(r -> r.existing.id()).toList());
            var staged = new ArrayList<ImportWriter.Staged>(chunk.size());
            var events = new ArrayList<AuditRecord>(chunk.size());
            for (var r : chunk) {
                var id = r.existing.id();
                var was = before.get(id);
                var managerId = managerId(r, ids);
                var level = r.levelChange;
                var row = new ImportWriter.Staged(
                        id,
                        false,
                        r.name,
                        (String) was.get("email"),
                        PersonRules.blankToNull(r.title),
                        teamId(r, teamIds),
                        managerId,
                        r.startDate,
                        level == null ? null : level.ladderId(),
                        level == null ? null : level.levelKey(),
                        level == null ? null : level.reason().name(),
                        today,
                        !java.util.Objects.equals(was.get("managerId"), managerId));
                staged.add(row);
                events.add(new AuditRecord(
                        "PERSON_UPDATED",
                        "Person",
                        id,
                        "Updated " + r.name + " (" + note + "): " + String.join("; ", r.changes),
                        was,
                        after(row, was)));
                if (r.createAccount) {
                    newAccounts.add(new NewAccount((String) was.get("email"), r.name, r.roles, id));
                } else if (r.roles != null
                        && r.account != null
                        && !ImportChecks.desiredRoles(r).equals(r.account.roles())) {
                    roleChanges.put(r.account.id(), ImportChecks.desiredRoles(r));
                }
            }
            writer.stage(staged);
            audit.recordAll(events);
            done += chunk.size();
            progress.update("Saving", done, total);
        }
        progress.update("Writing people and reporting lines", total, total);
        var applied = writer.apply(actor, note);

        long peopleMillis = (System.nanoTime() - started) / 1_000_000;
        // Accounts in large chunks: each call checks the usernames in use once.
        progress.update("Creating accounts", 0, newAccounts.size());
        int accountsDone = 0;
        for (var chunk : ImportWriter.chunks(newAccounts, ACCOUNT_CHUNK)) {
            accounts.createWithoutPassword(chunk);
            em.flush();
            em.clear();
            accountsDone += chunk.size();
            progress.update("Creating accounts", accountsDone, newAccounts.size());
        }
        log.info(
                "Import of {} wrote {} new and {} updated people ({} level changes, {} reporting-line roots) in {} ms"
                        + " and {} accounts in {} ms",
                source,
                applied.inserted(),
                applied.updated(),
                applied.levels(),
                applied.closureRoots(),
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

    private static Long teamId(RowPlan r, Map<String, Long> teamIds) {
        return r.team.isEmpty() ? null : teamIds.get(r.team.toLowerCase(Locale.ROOT));
    }

    private static Long managerId(RowPlan r, Map<String, Long> ids) {
        return r.managerEmail.isEmpty() ? null : ids.get(r.managerEmail.toLowerCase(Locale.ROOT));
    }

    /** The audit snapshot of a person once the row is written (see {@link PersonRules#snapshot}). */
    private static Map<String, Object> after(ImportWriter.Staged row, Map<String, Object> before) {
        var map = new java.util.LinkedHashMap<String, Object>();
        map.put("fullName", row.fullName());
        map.put("email", row.email());
        map.put("jobTitle", row.jobTitle());
        map.put("teamId", row.teamId());
        map.put("managerId", row.managerId());
        boolean levelChanges = row.ladderId() != null;
        map.put("ladderId", levelChanges ? row.ladderId() : before == null ? null : before.get("ladderId"));
        map.put("levelKey", levelChanges ? row.levelKey() : before == null ? null : before.get("levelKey"));
        map.put(
                "levelSince",
                levelChanges ? row.levelDate().toString() : before == null ? null : before.get("levelSince"));
        map.put("specialization", before == null ? null : before.get("specialization"));
        map.put("trackKey", before == null ? null : before.get("trackKey"));
        map.put("active", before == null || Boolean.TRUE.equals(before.get("active")));
        return map;
    }
}
