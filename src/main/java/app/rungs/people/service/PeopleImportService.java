package app.rungs.people.service;

import app.rungs.audit.service.AuditService;
import app.rungs.ladder.service.LadderContent;
import app.rungs.ladder.service.LadderService;
import app.rungs.ladder.service.LadderSummary;
import app.rungs.people.domain.AssignmentReason;
import app.rungs.people.domain.LevelAssignment;
import app.rungs.people.domain.LevelAssignmentRepository;
import app.rungs.people.domain.Person;
import app.rungs.people.domain.PersonRepository;
import app.rungs.people.domain.Team;
import app.rungs.people.domain.TeamRepository;
import app.rungs.security.domain.Role;
import app.rungs.security.service.AccountService;
import app.rungs.security.service.AccountSummary;
import app.rungs.security.service.CurrentUser;
import app.rungs.security.service.NewAccount;
import app.rungs.shared.service.BoundedInputStream;
import app.rungs.shared.service.ValidationException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
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

    /** The columns of the file, by normalized header name (lower case, letters and digits only). */
    static final List<String> COLUMNS =
            List.of("name", "email", "title", "team", "manager email", "ladder", "level key", "start date", "role");

    static final int MAX_ROWS = 50_000;
    /** The largest file read; a file of {@link #MAX_ROWS} full rows fits easily. */
    public static final int MAX_FILE_BYTES = 20 * 1024 * 1024;

    static final int MAX_TEXT = 200;
    private static final int CHUNK = 500;

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

    private Plan analyse(InputStreamSource content, ImportProgress progress) {
        var plan = new Plan();
        progress.update("Reading the file", 0, 1);
        read(content, plan);
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
            checkRow(r, plan, linesByEmail, ladderList, contents, linked, usernames);
            if (++done % 2000 == 0) {
                progress.update("Checking " + total + " rows", done, total);
            }
        }
        checkCycles(plan, knownById);
        for (var r : plan.rows) {
            if (r.errors.isEmpty()) {
                describeChanges(r, plan, knownById, teamNamesById, contents);
            }
        }
        progress.update("Checked " + total + " rows", total, total);
        return plan;
    }

    private static void read(InputStreamSource content, Plan plan) {
        var format = CSVFormat.DEFAULT
                .builder()
                .setIgnoreEmptyLines(true)
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
                var reader = new BufferedReader(new InputStreamReader(in, decoder));
                var parser = CSVParser.parse(skipByteOrderMark(reader), format)) {
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
                var row = new RowPlan((int) parser.getCurrentLineNumber());
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

    private void checkRow(
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
        } else if (r.name.length() > MAX_TEXT) {
            r.errors.add("Name is longer than " + MAX_TEXT + " characters.");
        }
        String emailKey = null;
        if (r.email.isEmpty()) {
            r.errors.add("Email is missing.");
        } else if (!PeopleService.EMAIL.matcher(r.email).matches() || r.email.length() > 254) {
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
        if (r.title.length() > MAX_TEXT) {
            r.errors.add("Title is longer than " + MAX_TEXT + " characters.");
        }
        if (r.team.length() > MAX_TEXT) {
            r.errors.add("Team name is longer than " + MAX_TEXT + " characters.");
        } else if (!r.team.isEmpty() && !plan.teamsByName.containsKey(r.team.toLowerCase(Locale.ROOT))) {
            plan.newTeams.add(r.team);
        }

        // Manager
        if (!r.managerEmail.isEmpty()) {
            var managerKey = r.managerEmail.toLowerCase(Locale.ROOT);
            if (!PeopleService.EMAIL.matcher(r.managerEmail).matches()) {
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
                        ladder.get().id(), id -> ladders.published(id).orElse(null));
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
                if (r.startDate.isAfter(LocalDate.now(clock).plusYears(1))) {
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
    private static void checkCycles(Plan plan, Map<Long, KnownPerson> knownById) {
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
            if (r.email.isEmpty() || !PeopleService.EMAIL.matcher(r.email).matches()) {
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

    private void describeChanges(
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
    private static Set<Role> desiredRoles(RowPlan r) {
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
            p.setJobTitle(blankToNull(r.title));
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
                    PeopleService.snapshot(p));
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
                var before = PeopleService.snapshot(p);
                p.setFullName(r.name);
                p.setJobTitle(blankToNull(r.title));
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
                        PeopleService.snapshot(p));
                if (r.createAccount) {
                    newAccounts.add(new NewAccount(p.getEmail(), p.getFullName(), r.roles, p.getId()));
                } else if (r.roles != null
                        && r.account != null
                        && !desiredRoles(r).equals(r.account.roles())) {
                    roleChanges.put(r.account.id(), desiredRoles(r));
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

    static Set<String> columns() {
        return new LinkedHashSet<>(COLUMNS);
    }
}
