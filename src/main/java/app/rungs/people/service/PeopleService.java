package app.rungs.people.service;

import app.rungs.ladder.service.LadderService;
import app.rungs.ladder.service.LevelOccupancy;
import app.rungs.people.domain.LevelAssignmentRepository;
import app.rungs.people.domain.Person;
import app.rungs.people.domain.PersonRepository;
import app.rungs.people.domain.Team;
import app.rungs.people.domain.TeamRepository;
import app.rungs.security.domain.Role;
import app.rungs.security.service.CurrentUser;
import app.rungs.shared.service.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading people: the person page, reporting lines, pickers of colleagues and the engineers a calibration pulls in.
 * Visibility: admins see everyone, managers their reporting line (direct and indirect), engineers themselves. Other
 * features that need only directory fields read {@link PersonDirectory} instead.
 */
@Service
public class PeopleService implements LevelOccupancy {

    private final PersonRepository people;
    private final TeamRepository teams;
    private final LevelAssignmentRepository assignments;
    private final LadderService ladders;
    private final LevelCatalogs catalogs;
    private final Clock clock;

    PeopleService(
            PersonRepository people,
            TeamRepository teams,
            LevelAssignmentRepository assignments,
            LadderService ladders,
            LevelCatalogs catalogs,
            Clock clock) {
        this.people = people;
        this.teams = teams;
        this.assignments = assignments;
        this.ladders = ladders;
        this.catalogs = catalogs;
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

    /** Which of these people the signed-in user may open, in one read however many are asked about. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public Set<Long> visibleAmong(Collection<Long> personIds) {
        var me = CurrentUser.require();
        if (me.has(Role.ADMIN)) {
            return Set.copyOf(personIds);
        }
        var visible = new HashSet<Long>();
        if (me.personId() == null) {
            return Set.of();
        }
        if (personIds.contains(me.personId())) {
            visible.add(me.personId());
        }
        if (me.has(Role.MANAGER)) {
            visible.addAll(inLineOf(me.personId(), personIds));
        }
        return Set.copyOf(visible);
    }

    private List<Long> inLineOf(Long managerId, Collection<Long> personIds) {
        var ids = personIds.stream().filter(Objects::nonNull).distinct().toArray(Long[]::new);
        return ids.length == 0 ? List.of() : people.findInReportingLine(managerId, ids);
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
                p.getVersion(),
                p.getTrackKey());
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

    /**
     * The managers above a visible person, top of the organization last, each marked with whether the signed-in user
     * may open their page; as many statements whatever the depth of the chain (see {@link ReportingChain}).
     */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<ChainManager> reportingChain(Long personId) {
        var chain = managerChain(personId);
        var me = CurrentUser.require();
        var openable = ReportingChain.openable(
                chain.stream().map(PersonOption::id).toList(), me.personId(), me.has(Role.ADMIN), me.has(Role.MANAGER));
        var result = new ArrayList<ChainManager>(chain.size());
        for (int i = 0; i < chain.size(); i++) {
            var m = chain.get(i);
            result.add(new ChainManager(m.id(), m.fullName(), m.jobTitle(), openable.get(i)));
        }
        return result;
    }

    /**
     * Which of these people are in the signed-in manager's reporting line (direct and indirect): one statement, the
     * ids bound as a single array parameter, whatever the size of the line.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('MANAGER')")
    public Set<Long> inMyLine(Collection<Long> personIds) {
        var me = CurrentUser.require();
        if (me.personId() == null || personIds == null || personIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(inLineOf(me.personId(), personIds));
    }

    /**
     * One page of the signed-in manager's reporting line, ordered by name: the ids only, which callers turn into rows
     * with {@link PersonDirectory#cards}. Scoped, filtered and paged in SQL; the line is never loaded whole.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('MANAGER')")
    public List<Long> myLinePage(LineQuery query, int offset, int limit) {
        var me = CurrentUser.require();
        if (me.personId() == null) {
            return List.of();
        }
        var q = query == null ? LineQuery.everyone() : query;
        return people.findReportingLinePage(
                me.personId(),
                q.namePattern(),
                q.placedOnly(),
                Math.max(0, offset),
                Math.clamp(limit, 0, LineQuery.MAX_PAGE));
    }

    /** How many people the signed-in manager's reporting line holds, and how many report to them directly. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('MANAGER')")
    public LineSize myLineSize() {
        var me = CurrentUser.require();
        if (me.personId() == null) {
            return new LineSize(0, 0);
        }
        var row = people.findReportingLineSize(me.personId());
        return new LineSize(row.getTotal(), row.getDirect());
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
     * The levels of every published ladder someone is placed on, for level choices (filters, pickers) and titles on
     * screens. The grid resolves levels itself; views do not pass this back down.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public LevelCatalog levelCatalog() {
        return catalogs.load();
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public List<TeamOption> teams() {
        return teams.findAll().stream()
                .sorted(Comparator.comparing(t -> t.getName().toLowerCase()))
                .map(t -> new TeamOption(t.getId(), t.getName(), t.getParentId(), t.getLeadPersonId()))
                .toList();
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
        if (!me.has(Role.ADMIN) && me.personId() == null) {
            return List.of();
        }
        var found = people.findActiveInScope(
                byTeam,
                byTeam ? teamIds : List.of(-1L),
                byLevel,
                byLevel ? levelKeys : List.of(""),
                // A flag rather than a null id: a null parameter reaches PostgreSQL untyped and cannot pick the
                // function.
                !me.has(Role.ADMIN),
                me.has(Role.ADMIN) ? -1L : me.personId());
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
}
