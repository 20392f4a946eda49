package app.rungs.people.service;

import app.rungs.audit.service.AuditService;
import app.rungs.ladder.service.LadderContent;
import app.rungs.ladder.service.LadderService;
import app.rungs.ladder.service.LevelOccupancy;
import app.rungs.people.domain.AssignmentReason;
import app.rungs.people.domain.LevelAssignment;
import app.rungs.people.domain.LevelAssignmentRepository;
import app.rungs.people.domain.Person;
import app.rungs.people.domain.PersonRepository;
import app.rungs.people.domain.Team;
import app.rungs.people.domain.TeamRepository;
import app.rungs.security.domain.Role;
import app.rungs.security.service.AccountService;
import app.rungs.security.service.CurrentUser;
import app.rungs.security.service.NewAccount;
import app.rungs.shared.service.ConcurrentEditException;
import app.rungs.shared.service.NotFoundException;
import app.rungs.shared.service.ValidationException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * People, teams, reporting lines and level history. Visibility: admins see everyone, managers their reporting line
 * (direct and indirect), engineers themselves.
 */
@Service
public class PeopleService implements LevelOccupancy {

    /** Emails double as usernames, so they use the username characters only. */
    static final Pattern EMAIL =
            Pattern.compile("^[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}$");

    static final int MAX_NAME = 200;

    private final PersonRepository people;
    private final TeamRepository teams;
    private final LevelAssignmentRepository assignments;
    private final LadderService ladders;
    private final AuditService audit;
    private final AccountService accounts;
    private final PeopleQueries queries;
    private final Clock clock;

    @PersistenceContext
    private EntityManager em;

    PeopleService(
            PersonRepository people,
            TeamRepository teams,
            LevelAssignmentRepository assignments,
            LadderService ladders,
            AuditService audit,
            AccountService accounts,
            PeopleQueries queries,
            Clock clock) {
        this.people = people;
        this.teams = teams;
        this.assignments = assignments;
        this.ladders = ladders;
        this.audit = audit;
        this.accounts = accounts;
        this.queries = queries;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- visibility

    /** True when the signed-in user may see this person. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public boolean canSee(Long personId) {
        var me = CurrentUser.require();
        if (personId == null) {
            return false;
        }
        if (me.has(Role.ADMIN)) {
            return true;
        }
        if (personId.equals(me.personId())) {
            return true;
        }
        return me.has(Role.MANAGER) && me.personId() != null && people.isInReportingLine(personId, me.personId());
    }

    private void requireVisible(Long personId) {
        if (!canSee(personId)) {
            // Same answer as for a missing person: ids of people outside one's line are not confirmed.
            throw new NotFoundException("Person not found");
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    // ---------------------------------------------------------------- reading

    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public Optional<PersonDetails> me() {
        var me = CurrentUser.require();
        return me.personId() == null ? Optional.empty() : Optional.of(details(me.personId()));
    }

    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public PersonDetails details(Long personId) {
        requireVisible(personId);
        var p = people.findById(personId).orElseThrow(() -> new NotFoundException("Person not found"));
        var team = p.getTeamId() == null ? null : teams.findById(p.getTeamId()).orElse(null);
        var manager = p.getManagerId() == null
                ? null
                : people.findById(p.getManagerId()).orElse(null);
        var reports = rows(people.findDirectReports(personId));
        var history = assignments.findHistory(personId).stream()
                .map(a -> new LevelHistoryEntry(
                        a.getId(),
                        a.getLadderId(),
                        a.getLevelKey(),
                        a.getEffectiveDate(),
                        a.getReason(),
                        a.getDecidedBy(),
                        a.getPromotionCaseId(),
                        a.getNote(),
                        a.isScheduled(today())))
                .toList();
        return new PersonDetails(
                p.getId(),
                p.getFullName(),
                p.getEmail(),
                p.getJobTitle(),
                p.getTeamId(),
                team == null ? null : team.getName(),
                p.getManagerId(),
                manager == null ? null : manager.getFullName(),
                p.getLadderId(),
                p.getLevelKey(),
                p.getLevelSince(),
                p.getSpecialization(),
                p.getScopeAxis(),
                p.getFocusAxis(),
                p.getCommunityAxis(),
                p.getStartDate(),
                p.isActive(),
                p.getLeftDate(),
                history,
                reports,
                p.getVersion());
    }

    /** The managers above a visible person, from their direct manager up to the top of the organization. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<PersonOption> managerChain(Long personId) {
        requireVisible(personId);
        var ids = people.findManagerChainIds(personId);
        var byId = people.findAllById(ids).stream().collect(Collectors.toMap(Person::getId, Function.identity()));
        return ids.stream()
                .map(byId::get)
                .filter(Objects::nonNull)
                .map(PeopleService::option)
                .toList();
    }

    /** The signed-in manager's whole reporting line, direct and indirect. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('MANAGER')")
    public List<PersonRow> myReportingLine() {
        var me = CurrentUser.require();
        if (me.personId() == null) {
            return List.of();
        }
        var ids = people.findReportingLineIds(me.personId());
        return rows(people.findAllById(ids)).stream()
                .sorted(Comparator.comparing(PersonRow::fullName))
                .toList();
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public OrgCounts orgCounts() {
        long active = people.countActive();
        long managers = people.countManagers();
        long withoutLevel = people.countActiveWithoutLevel();
        return new OrgCounts(
                active,
                managers,
                teams.count(),
                ladders.list().stream().filter(l -> !l.retired()).count(),
                withoutLevel);
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public Map<String, Long> holdersByLevel(Long ladderId) {
        var map = new HashMap<String, Long>();
        for (var row : people.countByLevel(ladderId)) {
            map.put((String) row[0], (Long) row[1]);
        }
        return map;
    }

    /**
     * The levels of every published ladder someone is placed on: one query for the ladders in use plus one load of
     * each published ladder. Views load it once per request and pass it to {@link #findPeople}.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public LevelCatalog levelCatalog() {
        var contents = assignments.findLaddersInUse().stream()
                .map(ladders::published)
                .flatMap(Optional::stream)
                .sorted(Comparator.comparing(c -> c.version().ladderName().toLowerCase()))
                .toList();
        var levels = new ArrayList<LevelCatalog.LevelInfo>();
        int ladderIndex = 0;
        for (var content : contents) {
            var tierPositions = new HashMap<String, Integer>();
            for (int i = 0; i < content.tiers().size(); i++) {
                tierPositions.put(content.tiers().get(i).key(), i);
            }
            for (int i = 0; i < content.levels().size(); i++) {
                var level = content.levels().get(i);
                var tier = content.tier(level.tierKey());
                levels.add(new LevelCatalog.LevelInfo(
                        content.version().ladderId(),
                        content.version().ladderName(),
                        level.key(),
                        level.title(),
                        level.tierKey(),
                        tier.map(LadderContent.TierView::name).orElse(level.tierKey()),
                        ladderIndex * 1000 + i,
                        ladderIndex * 1000 + tierPositions.getOrDefault(level.tierKey(), 0)));
            }
            ladderIndex++;
        }
        return new LevelCatalog(levels);
    }

    /**
     * One page of the people grid: admins page through everyone, managers through their reporting line. Sorted,
     * filtered and paged in one SQL query.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public List<PersonListItem> findPeople(
            PeopleFilter filter, List<PeopleSort> sort, LevelCatalog catalog, int offset, int limit) {
        var scope = gridScope();
        if (scope.isEmpty()) {
            return List.of();
        }
        return queries.page(
                scope.get(),
                filter == null ? PeopleFilter.active() : filter,
                sort == null ? List.of() : sort,
                catalog == null ? levelCatalog() : catalog,
                today(),
                offset,
                Math.min(limit, 500));
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public long countPeople(PeopleFilter filter, LevelCatalog catalog) {
        var scope = gridScope();
        if (scope.isEmpty()) {
            return 0;
        }
        return queries.count(
                scope.get(),
                filter == null ? PeopleFilter.active() : filter,
                catalog == null ? levelCatalog() : catalog,
                today());
    }

    private Optional<PeopleQueries.Scope> gridScope() {
        var me = CurrentUser.require();
        if (me.has(Role.ADMIN)) {
            return Optional.of(PeopleQueries.Scope.everyone());
        }
        return me.personId() == null ? Optional.empty() : Optional.of(PeopleQueries.Scope.lineOf(me.personId()));
    }

    /**
     * The org chart's nodes below a parent, a page at a time. With no parent: the top of the chart the user may see
     * (admins: everyone without a manager; managers: themselves).
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public List<OrgNode> orgChildren(Long parentId, int offset, int limit) {
        var me = CurrentUser.require();
        if (parentId == null && !me.has(Role.ADMIN)) {
            if (me.personId() == null || offset > 0) {
                return List.of();
            }
            var self = queries.node(me.personId());
            return self == null ? List.of() : List.of(self);
        }
        if (parentId != null) {
            requireVisible(parentId);
        }
        return queries.children(parentId, offset, Math.min(limit, 500));
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public int orgChildCount(Long parentId) {
        var me = CurrentUser.require();
        if (parentId == null && !me.has(Role.ADMIN)) {
            return me.personId() == null ? 0 : 1;
        }
        if (parentId != null) {
            requireVisible(parentId);
        }
        return (int) Math.min(Integer.MAX_VALUE, queries.childCount(parentId));
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public List<TeamOption> teams() {
        return teams.findAll().stream()
                .sorted(Comparator.comparing(t -> t.getName().toLowerCase()))
                .map(t -> new TeamOption(t.getId(), t.getName(), t.getParentId(), t.getLeadPersonId()))
                .toList();
    }

    /** Active people whose name or email contains the text, for manager pickers (admins only). */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public List<PersonOption> findActive(String text, int offset, int limit) {
        var filter = PeopleFilter.active().withName(text);
        return queries
                .page(
                        PeopleQueries.Scope.everyone(),
                        filter,
                        List.of(),
                        LevelCatalog.empty(),
                        today(),
                        offset,
                        Math.min(limit, 200))
                .stream()
                .map(r -> new PersonOption(r.id(), r.fullName(), r.email(), r.jobTitle()))
                .toList();
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public int countActive(String text) {
        return (int) queries.count(
                PeopleQueries.Scope.everyone(), PeopleFilter.active().withName(text), LevelCatalog.empty(), today());
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public Optional<PersonOption> option(Long personId) {
        return personId == null ? Optional.empty() : people.findById(personId).map(PeopleService::option);
    }

    private static PersonOption option(Person p) {
        return new PersonOption(p.getId(), p.getFullName(), p.getEmail(), p.getJobTitle());
    }

    /**
     * Active people placed on a ladder and with a manager, in any of the teams and at any of the levels given (an
     * empty collection does not filter), among those the user may see: admins everyone, managers their reporting
     * line. Calibration sessions pull their engineers in this way.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public List<PersonRow> activeInScope(Collection<Long> teamIds, Collection<String> levelKeys) {
        var me = CurrentUser.require();
        boolean byTeam = teamIds != null && !teamIds.isEmpty();
        boolean byLevel = levelKeys != null && !levelKeys.isEmpty();
        var found = people.findActiveInScope(
                byTeam, byTeam ? teamIds : List.of(-1L), byLevel, byLevel ? levelKeys : List.of(""));
        if (!me.has(Role.ADMIN)) {
            if (me.personId() == null) {
                return List.of();
            }
            var line = new java.util.HashSet<>(people.findReportingLineIds(me.personId()));
            found = found.stream().filter(p -> line.contains(p.getId())).toList();
        }
        return rows(found);
    }

    private List<PersonRow> rows(Collection<Person> list) {
        var teamNames = teams
                .findAllById(list.stream()
                        .map(Person::getTeamId)
                        .filter(Objects::nonNull)
                        .collect(Collectors.toSet()))
                .stream()
                .collect(Collectors.toMap(Team::getId, Team::getName));
        var managerNames = people
                .findAllById(list.stream()
                        .map(Person::getManagerId)
                        .filter(Objects::nonNull)
                        .collect(Collectors.toSet()))
                .stream()
                .collect(Collectors.toMap(Person::getId, Person::getFullName));
        return list.stream()
                .map(p -> new PersonRow(
                        p.getId(),
                        p.getFullName(),
                        p.getEmail(),
                        p.getJobTitle(),
                        p.getTeamId(),
                        teamNames.get(p.getTeamId()),
                        p.getManagerId(),
                        managerNames.get(p.getManagerId()),
                        p.getLadderId(),
                        p.getLevelKey(),
                        p.getLevelSince(),
                        p.getSpecialization(),
                        p.isActive()))
                .toList();
    }

    // ---------------------------------------------------------------- teams

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public Long createTeam(String name, Long parentId) {
        if (name == null || name.isBlank()) {
            throw new ValidationException("Give the team a name.");
        }
        if (name.strip().length() > MAX_NAME) {
            throw new ValidationException("Team names are at most " + MAX_NAME + " characters long.");
        }
        if (teams.findByName(name.strip()).isPresent()) {
            throw new ValidationException("A team named \"" + name.strip() + "\" already exists.");
        }
        if (parentId != null && !teams.existsById(parentId)) {
            throw new ValidationException("The chosen parent unit does not exist.");
        }
        var team = new Team(name.strip());
        team.setParentId(parentId);
        teams.save(team);
        audit.record(
                "TEAM_CREATED",
                "Team",
                team.getId(),
                "Created team " + team.getName(),
                null,
                Map.of("name", team.getName()));
        return team.getId();
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void setTeamLead(Long teamId, Long personId) {
        var team = teams.findById(teamId).orElseThrow(() -> new NotFoundException("Team not found"));
        if (personId != null && !people.existsById(personId)) {
            throw new ValidationException("The chosen lead does not exist.");
        }
        var before = team.getLeadPersonId();
        team.setLeadPersonId(personId);
        audit.record(
                "TEAM_LEAD_SET",
                "Team",
                teamId,
                "Set lead of " + team.getName(),
                before == null ? null : Map.of("lead", before),
                personId == null ? null : Map.of("lead", personId));
    }

    // ---------------------------------------------------------------- people

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public Long create(NewPerson n, LocalDate hiredAt) {
        var problems = new ArrayList<String>();
        checkName(n.fullName(), problems);
        checkEmail(n.email(), null, problems);
        if ((n.ladderId() == null) != (n.levelKey() == null || n.levelKey().isBlank())) {
            problems.add("Choose both a ladder and a level, or neither.");
        }
        if (n.teamId() != null && !teams.existsById(n.teamId())) {
            problems.add("The chosen team does not exist.");
        }
        if (n.managerId() != null) {
            var manager = people.findById(n.managerId());
            if (manager.isEmpty()) {
                problems.add("The chosen manager does not exist.");
            } else if (!manager.get().isActive()) {
                problems.add(manager.get().getFullName() + " has left and cannot be anyone's manager.");
            }
        }
        if (n.ladderId() != null && n.levelKey() != null && !n.levelKey().isBlank()) {
            checkLevel(n.ladderId(), n.levelKey()).ifPresent(problems::add);
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        var p = new Person(n.fullName().strip(), n.email().strip().toLowerCase());
        p.setJobTitle(blankToNull(n.jobTitle()));
        p.setTeamId(n.teamId());
        p.setManagerId(n.managerId());
        p.setSpecialization(n.specialization());
        p.setScopeAxis(n.scopeAxis());
        p.setFocusAxis(n.focusAxis());
        p.setCommunityAxis(n.communityAxis());
        p.setStartDate(n.startDate());
        var since = hiredAt != null ? hiredAt : n.startDate() != null ? n.startDate() : today();
        people.save(p);
        if (n.ladderId() != null) {
            assignments.save(new LevelAssignment(
                    p.getId(),
                    n.ladderId(),
                    n.levelKey(),
                    since,
                    AssignmentReason.HIRE,
                    CurrentUser.actorName(),
                    null,
                    null));
            people.flush();
            em.refresh(p);
        }
        audit.record("PERSON_CREATED", "Person", p.getId(), "Added " + p.getFullName(), null, snapshot(p));
        return p.getId();
    }

    /** Adds a person and, when roles are given, their account (without a password until an admin sets one). */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public Long add(NewPerson n, Set<Role> accountRoles) {
        var id = create(n, n.startDate());
        if (accountRoles != null && !accountRoles.isEmpty()) {
            if (accounts.usernamesInUse().contains(n.email().strip().toLowerCase())) {
                throw new ValidationException("An account named " + n.email().strip() + " already exists.");
            }
            accounts.createWithoutPassword(List.of(
                    new NewAccount(n.email().strip().toLowerCase(), n.fullName().strip(), accountRoles, id)));
        }
        return id;
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void update(Long personId, long expectedVersion, PersonUpdate u) {
        var p = load(personId, expectedVersion);
        var problems = new ArrayList<String>();
        checkName(u.fullName(), problems);
        checkEmail(u.email(), personId, problems);
        if (u.teamId() != null && !teams.existsById(u.teamId())) {
            problems.add("The chosen team does not exist.");
        }
        if (u.startDate() != null && u.startDate().isAfter(today().plusYears(1))) {
            problems.add("The start date is more than a year away.");
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        var before = snapshot(p);
        p.setFullName(u.fullName().strip());
        p.setEmail(u.email().strip().toLowerCase());
        p.setJobTitle(blankToNull(u.jobTitle()));
        p.setTeamId(u.teamId());
        p.setSpecialization(u.specialization());
        p.setScopeAxis(u.scopeAxis());
        p.setFocusAxis(u.focusAxis());
        p.setCommunityAxis(u.communityAxis());
        p.setStartDate(u.startDate());
        people.flush();
        audit.record("PERSON_UPDATED", "Person", personId, "Edited " + p.getFullName(), before, snapshot(p));
    }

    /**
     * Marks someone as having left: their history stays, their account is disabled and its sessions end. People
     * still reporting to them must be moved to another manager first.
     */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void deactivate(Long personId, long expectedVersion, LocalDate leftDate) {
        var p = load(personId, expectedVersion);
        if (!p.isActive()) {
            throw new ValidationException(p.getFullName() + " has already left.");
        }
        if (leftDate == null) {
            throw new ValidationException("Give the date " + p.getFullName() + " left.");
        }
        if (p.getStartDate() != null && leftDate.isBefore(p.getStartDate())) {
            throw new ValidationException("The leaving date is before " + p.getFullName() + "'s start date.");
        }
        long reports = people.countActiveDirectReports(personId);
        if (reports > 0) {
            throw new ValidationException(p.getFullName() + " still has " + reports + " direct report"
                    + (reports == 1 ? "" : "s") + "; give them another manager first.");
        }
        var before = snapshot(p);
        p.deactivate(leftDate);
        people.flush();
        audit.record(
                "PERSON_DEACTIVATED",
                "Person",
                personId,
                p.getFullName() + " left on " + leftDate,
                before,
                snapshot(p));
        accounts.findByPersonId(personId)
                .filter(a -> a.enabled())
                .ifPresent(a -> accounts.update(a.id(), a.version(), a.displayName(), a.roles(), false));
    }

    /** Brings back someone who left; their account stays disabled until an admin enables it. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void reactivate(Long personId, long expectedVersion) {
        var p = load(personId, expectedVersion);
        if (p.isActive()) {
            throw new ValidationException(p.getFullName() + " is already active.");
        }
        var before = snapshot(p);
        p.reactivate();
        people.flush();
        audit.record("PERSON_REACTIVATED", "Person", personId, p.getFullName() + " is back", before, snapshot(p));
    }

    /**
     * Records a level change with its effective date and reason, keeping history. The current level and the time in
     * it are read from the history as of today (see {@code person_level_on}): a change dated after today is scheduled
     * and becomes current on its date. A change may not take effect before the person's start date or before their
     * previous change, so the history always reads in order.
     */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void changeLevel(
            Long personId,
            long expectedVersion,
            Long ladderId,
            String levelKey,
            LocalDate effective,
            AssignmentReason reason,
            String note,
            Long promotionCaseId) {
        var p = load(personId, expectedVersion);
        var content = validateLevelChange(ladderId, levelKey, effective, reason, note);
        var history = assignments.findHistory(personId);
        datingProblem(p, history, effective).ifPresent(problem -> {
            throw new ValidationException(problem);
        });
        recordLevel(p, history, content, levelKey, effective, reason, note, promotionCaseId);
    }

    /** Cancels a change that has not taken effect yet; it stays in the table, marked, and the cancellation is audited. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void cancelScheduledLevelChange(Long personId, Long assignmentId) {
        var p = people.findById(personId).orElseThrow(() -> new NotFoundException("Person not found"));
        var a = assignments
                .findById(assignmentId)
                .filter(x -> x.getPersonId().equals(personId))
                .orElseThrow(() -> new NotFoundException("Level change not found"));
        if (a.isCancelled()) {
            throw new ValidationException("The change to " + a.getLevelKey() + " from " + date(a.getEffectiveDate())
                    + " was already cancelled.");
        }
        if (!a.isScheduled(today())) {
            throw new ValidationException("The change to " + a.getLevelKey() + " is already in effect (since "
                    + date(a.getEffectiveDate()) + "); record a correction instead.");
        }
        a.cancel(CurrentUser.actorName(), java.time.Instant.now(clock));
        em.lock(p, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        assignments.flush();
        audit.record(
                "LEVEL_CHANGE_CANCELLED",
                "Person",
                personId,
                "Cancelled the change of " + p.getFullName() + " to " + a.getLevelKey() + " scheduled for "
                        + a.getEffectiveDate(),
                Map.of(
                        "levelKey",
                        a.getLevelKey(),
                        "effective",
                        a.getEffectiveDate().toString()),
                null);
    }

    /** "3 Mar 2025": the format the screens show dates in, for messages that name a date. */
    private static String date(LocalDate d) {
        return DATE.format(d);
    }

    private static final java.time.format.DateTimeFormatter DATE =
            java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.ENGLISH);

    /** A change must not predate the person's start or their previous (live) change. */
    private static Optional<String> datingProblem(Person p, List<LevelAssignment> history, LocalDate effective) {
        if (p.getStartDate() != null && effective.isBefore(p.getStartDate())) {
            return Optional.of("A level change cannot take effect before " + p.getFullName() + "'s start date, "
                    + date(p.getStartDate()) + ".");
        }
        if (!history.isEmpty() && effective.isBefore(history.getFirst().getEffectiveDate())) {
            var previous = history.getFirst();
            return Optional.of("A level change cannot take effect before the previous level change ("
                    + previous.getLevelKey() + " from " + date(previous.getEffectiveDate()) + ") for "
                    + p.getFullName() + ".");
        }
        return Optional.empty();
    }

    /** Assigns one ladder level to several people at once, all or nothing; every change is audited. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public int bulkChangeLevel(
            List<LevelSelection> selection,
            Long ladderId,
            String levelKey,
            LocalDate effective,
            AssignmentReason reason,
            String note) {
        if (selection == null || selection.isEmpty()) {
            throw new ValidationException("Select the people to assign the level to.");
        }
        var content = validateLevelChange(ladderId, levelKey, effective, reason, note);
        var byId = people
                .findAllById(selection.stream().map(LevelSelection::personId).toList())
                .stream()
                .collect(Collectors.toMap(Person::getId, Function.identity()));
        var problems = new ArrayList<String>();
        var histories = new HashMap<Long, List<LevelAssignment>>();
        for (var s : selection) {
            var p = byId.get(s.personId());
            if (p == null) {
                throw new NotFoundException("Person not found");
            }
            if (p.getVersion() != s.expectedVersion()) {
                throw new ConcurrentEditException(p.getFullName() + "'s record");
            }
            var history = assignments.findHistory(p.getId());
            histories.put(p.getId(), history);
            datingProblem(p, history, effective).ifPresent(problems::add);
            promotionProblem(p, history, content, levelKey, reason).ifPresent(problems::add);
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        for (var s : selection) {
            recordLevel(
                    byId.get(s.personId()),
                    histories.get(s.personId()),
                    content,
                    levelKey,
                    effective,
                    reason,
                    note,
                    null);
        }
        return selection.size();
    }

    private LadderContent validateLevelChange(
            Long ladderId, String levelKey, LocalDate effective, AssignmentReason reason, String note) {
        var problems = new ArrayList<String>();
        if (ladderId == null || levelKey == null || levelKey.isBlank()) {
            problems.add("Choose a ladder and a level.");
        }
        if (effective == null) {
            problems.add("Give the date the level change takes effect.");
        } else if (effective.isAfter(today().plusYears(1))) {
            problems.add("The effective date is more than a year away.");
        }
        if (reason == null) {
            problems.add("Give the reason for the level change.");
        }
        if (note != null && note.length() > 1000) {
            problems.add("The note is at most 1000 characters long.");
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        var content = ladders.published(ladderId)
                .orElseThrow(() -> new ValidationException("The chosen ladder has no published version."));
        if (content.level(levelKey).isEmpty()) {
            throw new ValidationException("Level " + levelKey + " does not exist in "
                    + content.version().ladderName() + ".");
        }
        return content;
    }

    /** A promotion moves up from the latest level in the history, a scheduled one included. */
    private Optional<String> promotionProblem(
            Person p, List<LevelAssignment> history, LadderContent content, String levelKey, AssignmentReason reason) {
        if (reason != AssignmentReason.PROMOTION
                || history.isEmpty()
                || !history.getFirst().getLadderId().equals(content.version().ladderId())) {
            return Optional.empty();
        }
        var latest = history.getFirst();
        var levels = content.levels();
        int current = indexOf(levels, latest.getLevelKey());
        int next = indexOf(levels, levelKey);
        if (current >= 0 && next <= current) {
            return Optional.of("A promotion moves up: " + p.getFullName()
                    + (latest.getEffectiveDate().isAfter(today()) ? " is scheduled to be at " : " is already at ")
                    + latest.getLevelKey() + ". Use Correction to record a lower or equal level.");
        }
        return Optional.empty();
    }

    private static int indexOf(List<LadderContent.LevelView> levels, String key) {
        for (int i = 0; i < levels.size(); i++) {
            if (levels.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private void recordLevel(
            Person p,
            List<LevelAssignment> history,
            LadderContent content,
            String levelKey,
            LocalDate effective,
            AssignmentReason reason,
            String note,
            Long promotionCaseId) {
        promotionProblem(p, history, content, levelKey, reason).ifPresent(problem -> {
            throw new ValidationException(problem);
        });
        var before = snapshot(p);
        var ladderId = content.version().ladderId();
        assignments.save(new LevelAssignment(
                p.getId(),
                ladderId,
                levelKey,
                effective,
                reason,
                CurrentUser.actorName(),
                promotionCaseId,
                blankToNull(note)));
        // The person row holds no level, but a level change is still an edit of the person for concurrent editors.
        em.lock(p, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        people.flush();
        em.refresh(p);
        boolean scheduled = effective.isAfter(today());
        audit.record(
                "LEVEL_CHANGED",
                "Person",
                p.getId(),
                p.getFullName() + " → " + levelKey + " (" + reason.label() + ", "
                        + (scheduled ? "scheduled for " : "effective ") + effective + ")",
                before,
                snapshot(p));
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void setManager(Long personId, long expectedVersion, Long managerId) {
        var p = load(personId, expectedVersion);
        if (managerId != null) {
            if (managerId.equals(personId)) {
                throw new ValidationException(p.getFullName() + " cannot be their own manager.");
            }
            var manager = people.findById(managerId)
                    .orElseThrow(() -> new ValidationException("The chosen manager does not exist."));
            if (!manager.isActive()) {
                throw new ValidationException(manager.getFullName() + " has left and cannot be anyone's manager.");
            }
            if (people.isInReportingLine(managerId, personId)) {
                throw new ValidationException(manager.getFullName() + " reports to " + p.getFullName()
                        + "; making them " + p.getFullName() + "'s manager would create a reporting cycle.");
            }
        }
        if (Objects.equals(p.getManagerId(), managerId)) {
            return;
        }
        var before = snapshot(p);
        p.setManagerId(managerId);
        people.flush();
        audit.record(
                "MANAGER_CHANGED",
                "Person",
                personId,
                "Changed the manager of " + p.getFullName(),
                before,
                snapshot(p));
    }

    private Person load(Long personId, long expectedVersion) {
        var p = people.findById(personId).orElseThrow(() -> new NotFoundException("Person not found"));
        if (p.getVersion() != expectedVersion) {
            throw new ConcurrentEditException(p.getFullName() + "'s record");
        }
        return p;
    }

    private static void checkName(String name, List<String> problems) {
        if (name == null || name.isBlank()) {
            problems.add("Name is required.");
        } else if (name.strip().length() > MAX_NAME) {
            problems.add("Names are at most " + MAX_NAME + " characters long.");
        }
    }

    private void checkEmail(String email, Long self, List<String> problems) {
        if (email == null
                || !EMAIL.matcher(email.strip()).matches()
                || email.strip().length() > 254) {
            problems.add("Email must look like name@example.com.");
            return;
        }
        people.findByEmail(email.strip())
                .filter(other -> !other.getId().equals(self))
                .ifPresent(other -> problems.add("Someone with the email " + email.strip() + " already exists."));
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private Optional<String> checkLevel(Long ladderId, String levelKey) {
        Optional<LadderContent> content = ladders.published(ladderId);
        if (content.isEmpty()) {
            return Optional.of("The chosen ladder has no published version.");
        }
        if (content.get().level(levelKey).isEmpty()) {
            return Optional.of("Level " + levelKey + " does not exist in "
                    + content.get().version().ladderName() + ".");
        }
        return Optional.empty();
    }

    /**
     * Active people whose name contains the text, for pickers of colleagues such as the reviewers of a promotion
     * case: managers and admins choose reviewers across the organization, so this shows names, titles and teams
     * only.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public List<Colleague> colleagues(String text, int limit) {
        var found = people.findActiveByName(
                text == null ? "" : text.strip(),
                org.springframework.data.domain.PageRequest.of(0, Math.max(1, Math.min(limit, 100))));
        var teamNames = teams
                .findAllById(found.stream()
                        .map(Person::getTeamId)
                        .filter(java.util.Objects::nonNull)
                        .collect(Collectors.toSet()))
                .stream()
                .collect(Collectors.toMap(Team::getId, Team::getName));
        return found.stream()
                .map(p -> new Colleague(p.getId(), p.getFullName(), p.getJobTitle(), teamNames.get(p.getTeamId())))
                .toList();
    }

    static Map<String, Object> snapshot(Person p) {
        var map = new LinkedHashMap<String, Object>();
        map.put("fullName", p.getFullName());
        map.put("email", p.getEmail());
        map.put("jobTitle", p.getJobTitle());
        map.put("teamId", p.getTeamId());
        map.put("managerId", p.getManagerId());
        map.put("ladderId", p.getLadderId());
        map.put("levelKey", p.getLevelKey());
        map.put(
                "levelSince",
                p.getLevelSince() == null ? null : p.getLevelSince().toString());
        map.put(
                "specialization",
                p.getSpecialization() == null ? null : p.getSpecialization().name());
        map.put("active", p.isActive());
        return map;
    }
}
