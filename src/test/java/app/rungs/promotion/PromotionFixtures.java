package app.rungs.promotion;

import app.rungs.evidence.domain.EvidenceType;
import app.rungs.evidence.service.EvidenceAuthoring;
import app.rungs.evidence.service.EvidenceInput;
import app.rungs.evidence.service.EvidenceReview;
import app.rungs.evidence.service.EvidenceService;
import app.rungs.people.service.NewPerson;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonEditingService;
import app.rungs.promotion.service.PromotionService;
import app.rungs.security.domain.Role;
import app.rungs.security.service.AccountService;
import app.rungs.security.service.SystemAuthentication;
import app.rungs.support.DemoUsers;
import app.rungs.support.RunAs;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A small organization of its own for promotion tests, outside the demo reporting lines: a manager with engineers,
 * and an outsider manager with a staff engineer who can be chosen as reviewer. Every name is unique per call.
 */
public class PromotionFixtures {

    public static final String PASSWORD = "promotion-test-2026";

    private final PeopleService people;
    private final PersonEditingService peopleEditing;
    private final AccountService accounts;
    private final UserDetailsService users;
    private final PromotionService promotions;
    private final EvidenceService evidence;
    private final EvidenceAuthoring evidenceAuthoring;
    private final EvidenceReview evidenceReview;

    public PromotionFixtures(
            PeopleService people,
            PersonEditingService peopleEditing,
            AccountService accounts,
            UserDetailsService users,
            PromotionService promotions,
            EvidenceService evidence,
            EvidenceAuthoring evidenceAuthoring,
            EvidenceReview evidenceReview) {
        this.people = people;
        this.peopleEditing = peopleEditing;
        this.accounts = accounts;
        this.users = users;
        this.promotions = promotions;
        this.evidence = evidence;
        this.evidenceAuthoring = evidenceAuthoring;
        this.evidenceReview = evidenceReview;
    }

    /** A manager at the top of their own line (no manager above), with MANAGER and ENGINEER roles. */
    public String newManager(String name) {
        return newPerson(name, "SPE-1", null, EnumSet.of(Role.MANAGER, Role.ENGINEER));
    }

    /** An engineer at the given level reporting to the manager (a username), with the ENGINEER role. */
    public String newEngineer(String name, String levelKey, String managerUsername) {
        return newPerson(name, levelKey, managerUsername, EnumSet.of(Role.ENGINEER));
    }

    private String newPerson(String name, String levelKey, String managerUsername, Set<Role> roles) {
        return SystemAuthentication.call(() -> {
            var ladderId = people.details(accounts.findByUsername(DemoUsers.ENGINEER)
                            .orElseThrow()
                            .personId())
                    .ladderId();
            var managerId = managerUsername == null ? null : personOf(managerUsername);
            var suffix = UUID.randomUUID().toString().substring(0, 8);
            var ascii = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
                    .replaceAll("\\p{M}", "")
                    .replaceAll("[^A-Za-z ]", "");
            var email = ascii.toLowerCase().replace(' ', '.') + "." + suffix + "@promotion.test";
            var id = peopleEditing.create(
                    new NewPerson(
                            name + " " + suffix,
                            email,
                            "Distributed Systems Engineer",
                            null,
                            managerId,
                            ladderId,
                            levelKey,
                            null,
                            null,
                            null,
                            null,
                            LocalDate.now().minusYears(3)),
                    LocalDate.now().minusYears(3));
            accounts.create(email, name + " " + suffix, PASSWORD, roles, id);
            return email;
        });
    }

    public Long personOf(String username) {
        return SystemAuthentication.call(
                () -> accounts.findByUsername(username).orElseThrow().personId());
    }

    public String nameOf(String username) {
        return SystemAuthentication.call(
                () -> accounts.findByUsername(username).orElseThrow().displayName());
    }

    /** Runs work signed in as the user, as their session would. */
    public <T> T as(String username, Supplier<T> work) {
        return new RunAs(users).as(username, work);
    }

    public void run(String username, Runnable work) {
        new RunAs(users).run(username, work);
    }

    public long version(Long caseId) {
        return SystemAuthentication.call(() -> promotions.details(caseId).version());
    }

    /** The engineer logs and submits an item of evidence for competencies at a level; returns its id. */
    public Long logEvidence(String engineer, String title, String levelKey, String... competencies) {
        return as(
                engineer,
                () -> evidenceAuthoring.create(
                        new EvidenceInput(
                                EvidenceType.OTHER,
                                title,
                                LocalDate.now().minusDays(10),
                                "What was done, in detail.",
                                "What changed because of it.",
                                levelKey,
                                List.of(competencies),
                                List.of(),
                                Map.of()),
                        true));
    }

    /** The manager acknowledges a submitted item. */
    public void acknowledge(String manager, Long evidenceId) {
        run(
                manager,
                () -> evidenceReview.acknowledge(
                        evidenceId, evidence.details(evidenceId).version(), "Thanks, this counts."));
    }
}
