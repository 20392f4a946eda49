package app.rungs.people.service;

import app.rungs.audit.service.AuditService;
import app.rungs.people.domain.Person;
import app.rungs.people.domain.PersonRepository;
import app.rungs.people.domain.ProvisionedIdentity;
import app.rungs.people.domain.ProvisionedIdentityRepository;
import app.rungs.people.domain.Team;
import app.rungs.people.domain.TeamRepository;
import app.rungs.security.domain.Role;
import app.rungs.security.service.ProvisionedAccounts;
import app.rungs.shared.service.NotFoundException;
import app.rungs.shared.service.ValidationException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * People and accounts as an identity provider keeps them (SCIM): system-side create, replace, deactivate and role
 * membership, each audited with the token as the actor. Nothing here deletes: leaving keeps a person's history.
 * Only the SCIM token's authority may call it; admins may apply a deactivation the safety valve held.
 */
@Service
public class Provisioning {

    static final int MAX_TEXT = 200;

    private final PersonRepository people;
    private final TeamRepository teams;
    private final ProvisionedIdentityRepository identities;
    private final ProvisionedAccounts accounts;
    private final AuditService audit;
    private final Clock clock;

    @PersistenceContext
    private EntityManager em;

    Provisioning(
            PersonRepository people,
            TeamRepository teams,
            ProvisionedIdentityRepository identities,
            ProvisionedAccounts accounts,
            AuditService audit,
            Clock clock) {
        this.people = people;
        this.teams = teams;
        this.identities = identities;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('SCIM_PROVISIONER') or hasRole('ADMIN')")
    public Optional<ProvisionedPerson> find(Long id) {
        return people.findById(id).map(p -> describe(List.of(p)).getFirst());
    }

    /** People matching the filter (or all, by id), from the 1-based {@code startIndex}, at most {@code count}. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('SCIM_PROVISIONER')")
    public ProvisionedPage list(ProvisionedMatch match, int startIndex, int count) {
        if (match != null) {
            var found = matching(match);
            var page = found.stream().skip(startIndex - 1L).limit(count).toList();
            return new ProvisionedPage(found.size(), describe(page));
        }
        long total = people.count();
        var page = em.createQuery("select p from Person p order by p.id", Person.class)
                .setFirstResult(startIndex - 1)
                .setMaxResults(count)
                .getResultList();
        return new ProvisionedPage(total, describe(page));
    }

    private List<Person> matching(ProvisionedMatch match) {
        var value = match.value() == null ? "" : match.value().strip();
        return switch (match.attribute()) {
            case ID -> parseId(value).flatMap(people::findById).stream().toList();
            case USER_NAME, EMAIL -> people.findByEmail(value).stream().toList();
            case EXTERNAL_ID ->
                identities.findByExternalId(value).flatMap(i -> people.findById(i.getId())).stream()
                        .toList();
        };
    }

    private static Optional<Long> parseId(String value) {
        try {
            return Optional.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('SCIM_PROVISIONER') or hasRole('ADMIN')")
    public long countActive() {
        return people.countActive();
    }

    /** Adds a person with an account (Engineer; no password: they sign in through single sign-on). */
    @Transactional
    @PreAuthorize("hasAuthority('SCIM_PROVISIONER')")
    public ProvisionedPerson create(ProvisionedUser u) {
        check(u, null);
        var p = new Person(u.fullName().strip(), email(u));
        apply(p, u);
        people.save(p);
        var identity = new ProvisionedIdentity(p.getId());
        identity.setExternalId(blankToNull(u.externalId()));
        identity.setEmployeeNumber(blankToNull(u.employeeNumber()));
        identities.save(identity);
        if (!u.active()) {
            p.deactivate(today());
        }
        people.flush();
        audit.record(
                "PERSON_CREATED",
                "Person",
                p.getId(),
                "Added " + p.getFullName() + " through SCIM",
                null,
                snapshot(p, identity));
        accounts.ensure(p.getId(), p.getEmail(), p.getFullName(), p.isActive());
        return find(p.getId()).orElseThrow();
    }

    /**
     * Replaces what the identity provider keeps of a person. A deactivation is not applied here (the safety valve
     * decides it, then calls {@link #deactivate}); {@code active = true} brings back someone who left.
     */
    @Transactional
    @PreAuthorize("hasAuthority('SCIM_PROVISIONER')")
    public ProvisionedPerson replace(Long id, ProvisionedUser u) {
        var p = people.findById(id).orElseThrow(() -> new NotFoundException("No person with the id " + id + "."));
        check(u, p);
        var identity = identities.findById(id).orElseGet(() -> identities.save(new ProvisionedIdentity(id)));
        var before = snapshot(p, identity);
        p.setFullName(u.fullName().strip());
        p.setEmail(email(u));
        apply(p, u);
        identity.setExternalId(blankToNull(u.externalId()));
        identity.setEmployeeNumber(blankToNull(u.employeeNumber()));
        boolean comesBack = u.active() && !p.isActive();
        if (comesBack) {
            p.reactivate();
        }
        people.flush();
        identities.flush();
        var after = snapshot(p, identity);
        if (!before.equals(after)) {
            audit.record(
                    comesBack ? "PERSON_REACTIVATED" : "PERSON_UPDATED",
                    "Person",
                    id,
                    (comesBack ? p.getFullName() + " is back" : "Edited " + p.getFullName()) + " through SCIM",
                    before,
                    after);
        }
        accounts.ensure(id, p.getEmail(), p.getFullName(), p.isActive());
        return find(id).orElseThrow();
    }

    /** Why a deactivation cannot be applied now, if it cannot (people still report to them). */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('SCIM_PROVISIONER') or hasRole('ADMIN')")
    public Optional<String> deactivationBlocker(Long id) {
        var p = people.findById(id).orElseThrow(() -> new NotFoundException("No person with the id " + id + "."));
        long reports = people.countActiveDirectReports(id);
        return reports == 0
                ? Optional.empty()
                : Optional.of(p.getFullName() + " still has " + reports + " direct report" + (reports == 1 ? "" : "s")
                        + "; give them another manager first.");
    }

    /** Marks someone as having left today: their history stays, their account is disabled and its sessions end. */
    @Transactional
    @PreAuthorize("hasAuthority('SCIM_PROVISIONER') or hasRole('ADMIN')")
    public void deactivate(Long id) {
        var p = people.findById(id).orElseThrow(() -> new NotFoundException("No person with the id " + id + "."));
        if (!p.isActive()) {
            return;
        }
        deactivationBlocker(id).ifPresent(problem -> {
            throw new ValidationException(problem);
        });
        var identity = identities.findById(id).orElse(null);
        var before = snapshot(p, identity);
        p.deactivate(today());
        people.flush();
        audit.record(
                "PERSON_DEACTIVATED",
                "Person",
                id,
                p.getFullName() + " left on " + today() + " (through SCIM)",
                before,
                snapshot(p, identity));
        accounts.disable(id);
    }

    /** The people in a role's group. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('SCIM_PROVISIONER')")
    public List<ProvisionedPerson> members(Role role) {
        var ids = accounts.personIdsWithRole(role);
        return describe(people.findAllById(ids));
    }

    /** Adds a person to or removes them from a role's group; unknown people are refused before anything changes. */
    @Transactional
    @PreAuthorize("hasAuthority('SCIM_PROVISIONER')")
    public void setMembership(Role role, List<Long> add, List<Long> remove) {
        var all = new HashSet<Long>(add);
        all.addAll(remove);
        var found = people.findAllById(all).stream().map(Person::getId).collect(Collectors.toSet());
        var unknown = all.stream().filter(id -> !found.contains(id)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new ValidationException("No person with the id " + unknown.getFirst() + " exists.");
        }
        add.forEach(id -> accounts.setRole(id, role, true));
        remove.forEach(id -> accounts.setRole(id, role, false));
    }

    private void check(ProvisionedUser u, Person self) {
        var problems = new ArrayList<String>();
        var userName = u.userName() == null ? "" : u.userName().strip();
        if (!PersonRules.EMAIL.matcher(userName).matches() || userName.length() > 254) {
            problems.add("userName must be the person's email address, like name@example.com (Rungs signs people in"
                    + " by email); got \"" + userName + "\".");
        }
        PersonRules.checkName(u.fullName(), problems);
        tooLong("title", u.jobTitle(), MAX_TEXT, problems);
        tooLong("department", u.department(), MAX_TEXT, problems);
        tooLong("externalId", u.externalId(), 254, problems);
        tooLong("employeeNumber", u.employeeNumber(), 100, problems);
        if (u.managerId() != null) {
            var manager = people.findById(u.managerId());
            if (manager.isEmpty()) {
                problems.add("The manager " + u.managerId() + " does not exist.");
            } else if (self != null && u.managerId().equals(self.getId())) {
                problems.add(self.getFullName() + " cannot be their own manager.");
            } else if (!manager.get().isActive()
                    && (self == null || !u.managerId().equals(self.getManagerId()))) {
                problems.add(manager.get().getFullName() + " has left and cannot be anyone's manager.");
            } else if (self != null && people.isInReportingLine(u.managerId(), self.getId())) {
                problems.add(manager.get().getFullName() + " reports to " + self.getFullName() + "; making them "
                        + self.getFullName() + "'s manager would create a reporting cycle.");
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        var selfId = self == null ? null : self.getId();
        people.findByEmail(userName)
                .filter(other -> !other.getId().equals(selfId))
                .ifPresent(other -> {
                    throw new ProvisioningConflict(
                            "A person with the userName " + userName + " already exists (id " + other.getId() + ").");
                });
        var externalId = blankToNull(u.externalId());
        if (externalId != null) {
            identities
                    .findByExternalId(externalId)
                    .filter(other -> !other.getId().equals(selfId))
                    .ifPresent(other -> {
                        throw new ProvisioningConflict("The externalId " + externalId
                                + " already belongs to another person (id " + other.getId() + ").");
                    });
        }
    }

    private static void tooLong(String attribute, String value, int max, List<String> problems) {
        if (value != null && value.strip().length() > max) {
            problems.add(attribute + " is at most " + max + " characters long.");
        }
    }

    private void apply(Person p, ProvisionedUser u) {
        p.setJobTitle(blankToNull(u.jobTitle()));
        p.setTeamId(teamFor(blankToNull(u.department())));
        if (!Objects.equals(p.getManagerId(), u.managerId())) {
            p.setManagerId(u.managerId());
        }
    }

    /** The team named as the department, created (and audited) when there is none yet. */
    private Long teamFor(String department) {
        if (department == null) {
            return null;
        }
        return teams.findByName(department).map(Team::getId).orElseGet(() -> {
            var team = teams.save(new Team(department));
            audit.record(
                    "TEAM_CREATED",
                    "Team",
                    team.getId(),
                    "Created team " + department + " for a department sent through SCIM",
                    null,
                    Map.of("name", department));
            return team.getId();
        });
    }

    private List<ProvisionedPerson> describe(List<Person> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        var ids = list.stream().map(Person::getId).toList();
        var byId = identities.findAllByPersonIds(ids).stream()
                .collect(Collectors.toMap(ProvisionedIdentity::getId, Function.identity()));
        var teamNames = new HashMap<Long, String>();
        teams.findAllById(list.stream()
                        .map(Person::getTeamId)
                        .filter(Objects::nonNull)
                        .collect(Collectors.toSet()))
                .forEach(t -> teamNames.put(t.getId(), t.getName()));
        var managerNames = new HashMap<Long, String>();
        people.findAllById(list.stream()
                        .map(Person::getManagerId)
                        .filter(Objects::nonNull)
                        .collect(Collectors.toSet()))
                .forEach(m -> managerNames.put(m.getId(), m.getFullName()));
        var roles = accounts.rolesByPerson(ids);
        return list.stream()
                .map(p -> {
                    var identity = byId.get(p.getId());
                    return new ProvisionedPerson(
                            p.getId(),
                            p.getEmail(),
                            p.getFullName(),
                            p.getJobTitle(),
                            teamNames.get(p.getTeamId()),
                            p.getManagerId(),
                            managerNames.get(p.getManagerId()),
                            identity == null ? null : identity.getExternalId(),
                            identity == null ? null : identity.getEmployeeNumber(),
                            p.isActive(),
                            roles.getOrDefault(p.getId(), java.util.Set.of()),
                            p.getVersion());
                })
                .toList();
    }

    private static Map<String, Object> snapshot(Person p, ProvisionedIdentity identity) {
        var map = PersonRules.snapshot(p);
        map.put("externalId", identity == null ? null : identity.getExternalId());
        map.put("employeeNumber", identity == null ? null : identity.getEmployeeNumber());
        return map;
    }

    private static String email(ProvisionedUser u) {
        return u.userName().strip().toLowerCase(java.util.Locale.ROOT);
    }

    private static String blankToNull(String s) {
        return PersonRules.blankToNull(s);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
