package app.rungs.evidence;

import app.rungs.evidence.domain.EvidenceType;
import app.rungs.evidence.service.EvidenceInput;
import app.rungs.evidence.service.EvidenceService;
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
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Fresh engineers in Daniel Okafor's team for evidence tests, and running code as a given user. */
public class EvidenceFixtures {

    public static final String PASSWORD = "evidence-test-2026";

    private final PeopleService people;
    private final PersonEditingService peopleEditing;
    private final AccountService accounts;
    private final UserDetailsService users;
    private final EvidenceService evidence;

    public EvidenceFixtures(
            PeopleService people,
            PersonEditingService peopleEditing,
            AccountService accounts,
            UserDetailsService users,
            EvidenceService evidence) {
        this.people = people;
        this.peopleEditing = peopleEditing;
        this.accounts = accounts;
        this.users = users;
        this.evidence = evidence;
    }

    /** A new engineer with an account, reporting to Daniel Okafor, at the given level. Returns the username. */
    public String newEngineer(String name, String levelKey) {
        return SystemAuthentication.call(() -> {
            var danielId =
                    accounts.findByUsername(DemoUsers.MANAGER).orElseThrow().personId();
            var lena = people.details(
                    accounts.findByUsername(DemoUsers.ENGINEER).orElseThrow().personId());
            var suffix = UUID.randomUUID().toString().substring(0, 8);
            var email = name.toLowerCase().replace(' ', '.') + "." + suffix + "@evidence.test";
            var id = peopleEditing.create(
                    new NewPerson(
                            name,
                            email,
                            "Distributed Systems Engineer",
                            lena.teamId(),
                            danielId,
                            lena.ladderId(),
                            levelKey,
                            null,
                            null,
                            null,
                            null,
                            LocalDate.now().minusYears(2)),
                    LocalDate.now().minusYears(2));
            accounts.create(email, name, PASSWORD, EnumSet.of(Role.ENGINEER), id);
            return email;
        });
    }

    /** Creates the engineer once per test database (tests share it); later calls find the existing account. */
    public String ensureEngineer(String email, String name, String levelKey) {
        return SystemAuthentication.call(() -> {
            if (accounts.findByUsername(email).isPresent()) {
                return email;
            }
            var danielId =
                    accounts.findByUsername(DemoUsers.MANAGER).orElseThrow().personId();
            var lena = people.details(
                    accounts.findByUsername(DemoUsers.ENGINEER).orElseThrow().personId());
            var id = peopleEditing.create(
                    new NewPerson(
                            name,
                            email,
                            "Distributed Systems Engineer",
                            lena.teamId(),
                            danielId,
                            lena.ladderId(),
                            levelKey,
                            null,
                            null,
                            null,
                            null,
                            LocalDate.now().minusYears(2)),
                    LocalDate.now().minusYears(2));
            accounts.create(email, name, PASSWORD, EnumSet.of(Role.ENGINEER), id);
            return email;
        });
    }

    public Long personOf(String username) {
        return SystemAuthentication.call(
                () -> accounts.findByUsername(username).orElseThrow().personId());
    }

    /** Runs work signed in as the user, as their session would. */
    public <T> T as(String username, Supplier<T> work) {
        return new RunAs(users).as(username, work);
    }

    public void run(String username, Runnable work) {
        new RunAs(users).run(username, work);
    }

    /** A complete postmortem of a network partition, mapped to a DSE-2 expectation. */
    public static EvidenceInput postmortem(String title) {
        var details = new LinkedHashMap<String, String>();
        details.put("incidentId", "INC-4412");
        details.put("incidentDate", LocalDate.now().minusDays(30).toString());
        details.put("severity", "SEV2");
        details.put("role", "POSTMORTEM_AUTHOR");
        details.put("systemsAffected", "Object-store metadata service");
        details.put("failureMode", "NETWORK_PARTITION");
        details.put("postmortemLink", "https://wiki.example.com/postmortems/INC-4412");
        return new EvidenceInput(
                EvidenceType.INCIDENT_POSTMORTEM,
                title,
                LocalDate.now().minusDays(20),
                "A **partition** between two racks split the metadata quorum.",
                "Replica fencing shipped; no split-brain writes since.",
                "DSE-2",
                List.of("failure-modes-network-partitions", "fault-tolerance-resilience"),
                List.of("https://github.com/example/metadata/pull/812"),
                details);
    }

    /** A peer-reviewed conference paper. */
    public static EvidenceInput publication(String title) {
        return new EvidenceInput(
                EvidenceType.PUBLICATION,
                title,
                LocalDate.now().minusDays(60),
                "Industry-track paper on lease-based replica fencing.",
                "Cited by two internal design docs.",
                "DSE-2",
                List.of("publications-research"),
                List.of(),
                Map.of(
                        "venue", "ACM SOSP",
                        "kind", "CONFERENCE",
                        "doi", "10.1145/3600006.3613138",
                        "peerReviewed", "true",
                        "year", String.valueOf(LocalDate.now().getYear())));
    }

    public EvidenceService service() {
        return evidence;
    }
}
