package app.rungs.calibration;

import app.rungs.calibration.service.CalibrationSessions;
import app.rungs.calibration.service.NewSession;
import app.rungs.people.service.NewPerson;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonEditingService;
import app.rungs.security.domain.Role;
import app.rungs.security.service.AccountService;
import app.rungs.security.service.SystemAuthentication;
import app.rungs.support.DemoUsers;
import app.rungs.support.RunAs;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A small organization of its own for calibration tests, outside the demo reporting lines: a director, two managers
 * reporting to her, and engineers of both in one team. Every name is unique per call.
 */
public class CalibrationFixtures {

    public static final String PASSWORD = "calibration-test-2026";

    private final PeopleService people;
    private final PersonEditingService peopleEditing;
    private final AccountService accounts;
    private final UserDetailsService users;
    private final CalibrationSessions sessions;
    private String hash;

    public CalibrationFixtures(
            PeopleService people,
            PersonEditingService peopleEditing,
            AccountService accounts,
            UserDetailsService users,
            CalibrationSessions sessions) {
        this.people = people;
        this.peopleEditing = peopleEditing;
        this.accounts = accounts;
        this.users = users;
        this.sessions = sessions;
    }

    /**
     * The org: director, manager A with three engineers (Ada DSE-3, Ben DSE-2, Cy DSE-2), manager B with two (Dev
     * DSE-2, Eve DSE-3), everyone in a new team. Usernames by role; engineers by first name. Engineers are named
     * "Test Ada …" and none is below DSE-2, so that in lists sorted by level and name they come after the demo
     * engineers other tests look for.
     */
    public record Org(
            Long teamId,
            String teamName,
            String director,
            String managerA,
            String managerB,
            Map<String, String> engineers,
            Map<String, Long> personIds) {

        public String engineer(String firstName) {
            return engineers.get(firstName);
        }

        public Long person(String firstName) {
            return personIds.get(firstName);
        }
    }

    public Org org() {
        var suffix = UUID.randomUUID().toString().substring(0, 8);
        return SystemAuthentication.call(() -> {
            var teamName = "Calibration team " + suffix;
            var teamId = peopleEditing.createTeam(teamName, null);
            var engineers = new LinkedHashMap<String, String>();
            var ids = new LinkedHashMap<String, Long>();
            var director = person("Dana Director", suffix, "SPE-2", teamId, null, true, ids);
            var a = person("Alex Manager", suffix, "SPE-1", teamId, ids.get("Dana"), true, ids);
            var b = person("Bea Manager", suffix, "SPE-1", teamId, ids.get("Dana"), true, ids);
            for (var plan : List.of(
                    new String[] {"Ada", "DSE-3", "Alex"},
                    new String[] {"Ben", "DSE-2", "Alex"},
                    new String[] {"Cy", "DSE-2", "Alex"},
                    new String[] {"Dev", "DSE-2", "Bea"},
                    new String[] {"Eve", "DSE-3", "Bea"})) {
                var username = person("Test " + plan[0], suffix, plan[1], teamId, ids.get(plan[2]), false, ids);
                engineers.put(plan[0], username);
            }
            return new Org(teamId, teamName, director, a, b, Map.copyOf(engineers), Map.copyOf(ids));
        });
    }

    private String person(
            String name,
            String suffix,
            String level,
            Long teamId,
            Long managerId,
            boolean manager,
            Map<String, Long> ids) {
        var ladderId = ladderId();
        var full = name + " " + suffix;
        var email = name.toLowerCase().replace(' ', '.') + "." + suffix + "@calibration.test";
        var since = LocalDate.now().minusYears(2);
        var id = peopleEditing.create(
                new NewPerson(
                        full,
                        email,
                        manager ? "Engineering Manager" : "Distributed Systems Engineer",
                        teamId,
                        managerId,
                        ladderId,
                        level,
                        null,
                        null,
                        null,
                        null,
                        since),
                since);
        if (hash == null) {
            hash = accounts.encode(PASSWORD);
        }
        accounts.createWithEncodedPassword(
                email, full, hash, manager ? EnumSet.of(Role.MANAGER, Role.ENGINEER) : EnumSet.of(Role.ENGINEER), id);
        var words = name.split(" ");
        ids.put(words[0].equals("Test") ? words[1] : words[0], id);
        return email;
    }

    public Long ladderId() {
        return SystemAuthentication.call(() -> people.details(accounts.findByUsername(DemoUsers.ENGINEER)
                        .orElseThrow()
                        .personId())
                .ladderId());
    }

    /** A session over the org's team created by its director, with the default scale. */
    public Long session(Org org, String cycle) {
        return as(
                org.director(),
                () -> sessions.create(new NewSession(
                        "Session " + UUID.randomUUID().toString().substring(0, 6),
                        cycle,
                        Set.of(org.teamId()),
                        Set.of(),
                        Set.of(),
                        null)));
    }

    /** Runs work signed in as the user, as their session would. */
    public <T> T as(String username, Supplier<T> work) {
        return new RunAs(users).as(username, work);
    }

    public void run(String username, Runnable work) {
        new RunAs(users).run(username, work);
    }
}
