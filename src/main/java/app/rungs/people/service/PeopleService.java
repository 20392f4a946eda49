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
import app.rungs.security.service.CurrentUser;
import app.rungs.shared.service.ConcurrentEditException;
import app.rungs.shared.service.NotFoundException;
import app.rungs.shared.service.ValidationException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");

    private final PersonRepository people;
    private final TeamRepository teams;
    private final LevelAssignmentRepository assignments;
    private final LadderService ladders;
    private final AuditService audit;

    PeopleService(
            PersonRepository people,
            TeamRepository teams,
            LevelAssignmentRepository assignments,
            LadderService ladders,
            AuditService audit) {
        this.people = people;
        this.teams = teams;
        this.assignments = assignments;
        this.ladders = ladders;
        this.audit = audit;
    }

    // ---------------------------------------------------------------- visibility

    /** True when the signed-in user may see this person. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public boolean canSee(Long personId) {
        var me = CurrentUser.require();
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
                        a.getNote()))
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
                .sorted(java.util.Comparator.comparing(PersonRow::fullName))
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
    @PreAuthorize("isAuthenticated()")
    public Map<String, Long> holdersByLevel(Long ladderId) {
        var map = new HashMap<String, Long>();
        for (var row : people.countByLevel(ladderId)) {
            map.put((String) row[0], (Long) row[1]);
        }
        return map;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<TeamOption> teams() {
        return teams.findAll().stream()
                .sorted(java.util.Comparator.comparing(t -> t.getName().toLowerCase()))
                .map(t -> new TeamOption(t.getId(), t.getName(), t.getParentId(), t.getLeadPersonId()))
                .toList();
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
                        .filter(java.util.Objects::nonNull)
                        .collect(Collectors.toSet()))
                .stream()
                .collect(Collectors.toMap(Team::getId, Team::getName));
        var managerNames = people
                .findAllById(list.stream()
                        .map(Person::getManagerId)
                        .filter(java.util.Objects::nonNull)
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

    // ---------------------------------------------------------------- changing

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public Long createTeam(String name, Long parentId) {
        if (name == null || name.isBlank()) {
            throw new ValidationException("Give the team a name.");
        }
        if (teams.findByName(name.strip()).isPresent()) {
            throw new ValidationException("A team named \"" + name.strip() + "\" already exists.");
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
        var before = team.getLeadPersonId();
        team.setLeadPersonId(personId);
        audit.record(
                "TEAM_LEAD_SET",
                "Team",
                teamId,
                "Set lead of " + team.getName(),
                before == null ? null : Map.of("lead", before),
                Map.of("lead", personId));
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public Long create(NewPerson n, LocalDate hiredAt) {
        var problems = new ArrayList<String>();
        if (n.fullName() == null || n.fullName().isBlank()) {
            problems.add("Name is required.");
        }
        if (n.email() == null || !EMAIL.matcher(n.email().strip()).matches()) {
            problems.add("Email must look like name@example.com.");
        } else if (people.findByEmail(n.email().strip()).isPresent()) {
            problems.add("Someone with the email " + n.email().strip() + " already exists.");
        }
        if ((n.ladderId() == null) != (n.levelKey() == null)) {
            problems.add("Choose both a ladder and a level, or neither.");
        }
        if (n.managerId() != null && !people.existsById(n.managerId())) {
            problems.add("The chosen manager does not exist.");
        }
        if (n.ladderId() != null && n.levelKey() != null) {
            checkLevel(n.ladderId(), n.levelKey()).ifPresent(problems::add);
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        var p = new Person(n.fullName().strip(), n.email().strip().toLowerCase());
        p.setJobTitle(n.jobTitle());
        p.setTeamId(n.teamId());
        p.setManagerId(n.managerId());
        p.setSpecialization(n.specialization());
        p.setScopeAxis(n.scopeAxis());
        p.setFocusAxis(n.focusAxis());
        p.setCommunityAxis(n.communityAxis());
        p.setStartDate(n.startDate());
        people.save(p);
        if (n.ladderId() != null) {
            var since = hiredAt == null ? LocalDate.now() : hiredAt;
            p.setLevel(n.ladderId(), n.levelKey(), since);
            assignments.save(new LevelAssignment(
                    p.getId(),
                    n.ladderId(),
                    n.levelKey(),
                    since,
                    AssignmentReason.HIRE,
                    CurrentUser.actorName(),
                    null,
                    null));
        }
        audit.record("PERSON_CREATED", "Person", p.getId(), "Added " + p.getFullName(), null, snapshot(p));
        return p.getId();
    }

    /**
     * Records a level change with its effective date and reason, keeping history. The current level is the one
     * with the latest effective date.
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
        var p = people.findById(personId).orElseThrow(() -> new NotFoundException("Person not found"));
        if (p.getVersion() != expectedVersion) {
            throw new ConcurrentEditException(p.getFullName() + "'s record");
        }
        if (effective == null) {
            throw new ValidationException("Give the date the level change takes effect.");
        }
        if (reason == null) {
            throw new ValidationException("Give the reason for the level change.");
        }
        checkLevel(ladderId, levelKey).ifPresent(problem -> {
            throw new ValidationException(problem);
        });
        var before = snapshot(p);
        assignments.save(new LevelAssignment(
                personId, ladderId, levelKey, effective, reason, CurrentUser.actorName(), promotionCaseId, note));
        var latest = assignments.findHistory(personId).getFirst();
        // A back-dated entry older than the latest one is history only; the current level stays.
        if (!latest.getEffectiveDate().isAfter(effective)) {
            p.setLevel(ladderId, levelKey, effective);
        }
        people.flush();
        audit.record(
                "LEVEL_CHANGED",
                "Person",
                personId,
                p.getFullName() + " → " + levelKey + " (" + reason.label() + ", effective " + effective + ")",
                before,
                snapshot(p));
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void setManager(Long personId, long expectedVersion, Long managerId) {
        var p = people.findById(personId).orElseThrow(() -> new NotFoundException("Person not found"));
        if (p.getVersion() != expectedVersion) {
            throw new ConcurrentEditException(p.getFullName() + "'s record");
        }
        if (managerId != null) {
            if (managerId.equals(personId)) {
                throw new ValidationException(p.getFullName() + " cannot be their own manager.");
            }
            var manager = people.findById(managerId)
                    .orElseThrow(() -> new ValidationException("The chosen manager does not exist."));
            if (people.isInReportingLine(managerId, personId)) {
                throw new ValidationException(manager.getFullName() + " reports to " + p.getFullName()
                        + "; making them " + p.getFullName() + "'s manager would create a reporting cycle.");
            }
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
