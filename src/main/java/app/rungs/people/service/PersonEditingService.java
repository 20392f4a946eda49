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
import app.rungs.security.domain.Role;
import app.rungs.security.service.AccountService;
import app.rungs.security.service.CurrentUser;
import app.rungs.security.service.NewAccount;
import app.rungs.shared.service.NotFoundException;
import app.rungs.shared.service.ValidationException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Adding and editing people and teams: records, managers, leaving and coming back. Every change is audited. */
@Service
public class PersonEditingService {

    private final PersonRepository people;
    private final TeamRepository teams;
    private final LevelAssignmentRepository assignments;
    private final LadderService ladders;
    private final AuditService audit;
    private final AccountService accounts;
    private final Clock clock;

    PersonEditingService(
            PersonRepository people,
            TeamRepository teams,
            LevelAssignmentRepository assignments,
            LadderService ladders,
            AuditService audit,
            AccountService accounts,
            Clock clock) {
        this.people = people;
        this.teams = teams;
        this.assignments = assignments;
        this.ladders = ladders;
        this.audit = audit;
        this.accounts = accounts;
        this.clock = clock;
    }

    @PersistenceContext
    private EntityManager em;

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    // ---------------------------------------------------------------- teams

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public Long createTeam(String name, Long parentId) {
        if (name == null || name.isBlank()) {
            throw new ValidationException("Give the team a name.");
        }
        if (name.strip().length() > PersonRules.MAX_NAME) {
            throw new ValidationException("Team names are at most " + PersonRules.MAX_NAME + " characters long.");
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
        PersonRules.checkName(n.fullName(), problems);
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
        if (n.trackKey() != null) {
            var ladder = n.ladderId() == null ? Optional.<LadderContent>empty() : ladders.published(n.ladderId());
            if (ladder.isEmpty()) {
                problems.add("A track needs a published ladder to belong to.");
            } else if (ladder.get().track(n.trackKey()).isEmpty()) {
                problems.add("\"" + n.trackKey() + "\" is not a track of "
                        + ladder.get().version().ladderName() + ".");
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        var p = new Person(n.fullName().strip(), n.email().strip().toLowerCase());
        p.setJobTitle(PersonRules.blankToNull(n.jobTitle()));
        p.setTeamId(n.teamId());
        p.setManagerId(n.managerId());
        p.setSpecialization(n.specialization());
        p.setScopeAxis(n.scopeAxis());
        p.setFocusAxis(n.focusAxis());
        p.setCommunityAxis(n.communityAxis());
        p.setStartDate(n.startDate());
        p.setTrackKey(n.trackKey());
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
        audit.record("PERSON_CREATED", "Person", p.getId(), "Added " + p.getFullName(), null, PersonRules.snapshot(p));
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
        var p = PersonRules.load(people, personId, expectedVersion);
        var problems = new ArrayList<String>();
        PersonRules.checkName(u.fullName(), problems);
        checkEmail(u.email(), personId, problems);
        if (u.teamId() != null && !teams.existsById(u.teamId())) {
            problems.add("The chosen team does not exist.");
        }
        if (u.startDate() != null && u.startDate().isAfter(today().plusYears(1))) {
            problems.add("The start date is more than a year away.");
        }
        checkTrack(p, u.trackKey(), problems);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        var before = PersonRules.snapshot(p);
        p.setFullName(u.fullName().strip());
        p.setEmail(u.email().strip().toLowerCase());
        p.setJobTitle(PersonRules.blankToNull(u.jobTitle()));
        p.setTeamId(u.teamId());
        p.setSpecialization(u.specialization());
        p.setScopeAxis(u.scopeAxis());
        p.setFocusAxis(u.focusAxis());
        p.setCommunityAxis(u.communityAxis());
        p.setStartDate(u.startDate());
        p.setTrackKey(u.trackKey());
        people.flush();
        audit.record(
                "PERSON_UPDATED", "Person", personId, "Edited " + p.getFullName(), before, PersonRules.snapshot(p));
    }

    /** A track must be one of the person's published ladder; an unchanged (e.g. no longer existing) one may stay. */
    private void checkTrack(Person p, String trackKey, List<String> problems) {
        if (trackKey == null || trackKey.equals(p.getTrackKey())) {
            return;
        }
        var ladder = p.getLadderId() == null ? Optional.<LadderContent>empty() : ladders.published(p.getLadderId());
        if (ladder.isEmpty()) {
            problems.add(p.getFullName() + " is not on a published ladder, so they cannot be given a track.");
        } else if (ladder.get().track(trackKey).isEmpty()) {
            problems.add("\"" + trackKey + "\" is not a track of "
                    + ladder.get().version().ladderName() + ".");
        }
    }

    /**
     * Marks someone as having left: their history stays, their account is disabled and its sessions end. People
     * still reporting to them must be moved to another manager first.
     */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void deactivate(Long personId, long expectedVersion, LocalDate leftDate) {
        var p = PersonRules.load(people, personId, expectedVersion);
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
        var before = PersonRules.snapshot(p);
        p.deactivate(leftDate);
        people.flush();
        audit.record(
                "PERSON_DEACTIVATED",
                "Person",
                personId,
                p.getFullName() + " left on " + leftDate,
                before,
                PersonRules.snapshot(p));
        accounts.findByPersonId(personId)
                .filter(a -> a.enabled())
                .ifPresent(a -> accounts.update(a.id(), a.version(), a.displayName(), a.roles(), false));
    }

    /** Brings back someone who left; their account stays disabled until an admin enables it. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void reactivate(Long personId, long expectedVersion) {
        var p = PersonRules.load(people, personId, expectedVersion);
        if (p.isActive()) {
            throw new ValidationException(p.getFullName() + " is already active.");
        }
        var before = PersonRules.snapshot(p);
        p.reactivate();
        people.flush();
        audit.record(
                "PERSON_REACTIVATED",
                "Person",
                personId,
                p.getFullName() + " is back",
                before,
                PersonRules.snapshot(p));
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void setManager(Long personId, long expectedVersion, Long managerId) {
        var p = PersonRules.load(people, personId, expectedVersion);
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
        var before = PersonRules.snapshot(p);
        p.setManagerId(managerId);
        people.flush();
        audit.record(
                "MANAGER_CHANGED",
                "Person",
                personId,
                "Changed the manager of " + p.getFullName(),
                before,
                PersonRules.snapshot(p));
    }

    private void checkEmail(String email, Long self, List<String> problems) {
        if (email == null
                || !PersonRules.EMAIL.matcher(email.strip()).matches()
                || email.strip().length() > 254) {
            problems.add("Email must look like name@example.com.");
            return;
        }
        people.findByEmail(email.strip())
                .filter(other -> !other.getId().equals(self))
                .ifPresent(other -> problems.add("Someone with the email " + email.strip() + " already exists."));
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
}
