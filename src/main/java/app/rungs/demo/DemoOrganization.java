package app.rungs.demo;

import app.rungs.ladder.domain.CommunityAxis;
import app.rungs.ladder.domain.FocusAxis;
import app.rungs.ladder.domain.ScopeAxis;
import app.rungs.ladder.domain.SpecializationTrack;
import app.rungs.ladder.service.LadderLifecycleService;
import app.rungs.ladder.service.LadderTemplates;
import app.rungs.people.domain.AssignmentReason;
import app.rungs.people.service.LevelChangeService;
import app.rungs.people.service.NewPerson;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonEditingService;
import app.rungs.security.domain.Role;
import app.rungs.security.service.AccountService;
import app.rungs.security.service.SystemAuthentication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Seeds a realistic demo organization into an empty database: the distributed-systems ladder adopted, a director,
 * four engineering managers and 36 engineers in four teams, each with a level history and an account.
 *
 * <p>Mode {@code auto} (default) seeds only the embedded database, so an external production database never gets
 * demo data unless {@code rungs.demo.mode=on} asks for it.
 */
@Component
@Order(0)
class DemoOrganization implements ApplicationRunner {

    /** Password of every demo account; documented in the README. */
    static final String DEMO_PASSWORD = "rungs-demo-2026";

    static final String DOMAIN = "rungs.demo";

    private static final Logger log = LoggerFactory.getLogger(DemoOrganization.class);

    private final String mode;
    private final ObjectProvider<EmbeddedPostgres> embedded;
    private final AccountService accounts;
    private final LadderLifecycleService lifecycle;
    private final PeopleService people;
    private final PersonEditingService editing;
    private final LevelChangeService levels;

    DemoOrganization(
            @Value("${rungs.demo.mode:auto}") String mode,
            ObjectProvider<EmbeddedPostgres> embedded,
            AccountService accounts,
            LadderLifecycleService lifecycle,
            PeopleService people,
            PersonEditingService editing,
            LevelChangeService levels) {
        this.mode = mode.strip().toLowerCase(Locale.ROOT);
        this.embedded = embedded;
        this.accounts = accounts;
        this.lifecycle = lifecycle;
        this.people = people;
        this.editing = editing;
        this.levels = levels;
    }

    boolean enabled() {
        return switch (mode) {
            case "on", "true", "always" -> true;
            case "off", "false", "never" -> false;
            default -> embedded.getIfAvailable() != null;
        };
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled()) {
            return;
        }
        SystemAuthentication.run(() -> {
            if (accounts.count() > 0) {
                return;
            }
            long started = System.nanoTime();
            seed();
            log.info("Seeded the demo organization in {} ms", (System.nanoTime() - started) / 1_000_000);
        });
    }

    private record Hire(String name, String title, String level, SpecializationTrack track, int yearsAgo) {}

    private void seed() {
        var hash = accounts.encode(DEMO_PASSWORD);
        var ladderId = lifecycle.createFromTemplate(LadderTemplates.DISTRIBUTED_SYSTEMS, null);
        var random = new Random(20261126L);
        var today = LocalDate.now();

        accounts.createWithEncodedPassword("admin@" + DOMAIN, "Morgan Reyes", hash, EnumSet.of(Role.ADMIN), null);

        var org = editing.createTeam("Engineering", null);
        var directorId = person(
                new Hire(
                        "Priya Natarajan",
                        "Director of Engineering",
                        "SPE-2",
                        SpecializationTrack.DATA_INFRASTRUCTURE,
                        9),
                org,
                null,
                ladderId,
                today,
                random,
                hash,
                EnumSet.of(Role.MANAGER, Role.ENGINEER));
        editing.setTeamLead(org, directorId);

        var teams = List.of(
                new TeamPlan(
                        "Storage Platform",
                        SpecializationTrack.DATA_INFRASTRUCTURE,
                        new Hire(
                                "Daniel Okafor",
                                "Engineering Manager, Storage Platform",
                                "SPE-1",
                                SpecializationTrack.DATA_INFRASTRUCTURE,
                                7),
                        List.of(
                                new Hire(
                                        "Lena Fischer",
                                        "Distributed Systems Engineer",
                                        "DSE-2",
                                        SpecializationTrack.DATA_INFRASTRUCTURE,
                                        3),
                                new Hire(
                                        "Mateo Alvarez",
                                        "Senior Distributed Systems Engineer",
                                        "DSE-3",
                                        SpecializationTrack.DATA_INFRASTRUCTURE,
                                        6),
                                new Hire(
                                        "Aisha Rahman",
                                        "Staff Engineer",
                                        "SPE-1",
                                        SpecializationTrack.DATA_INFRASTRUCTURE,
                                        8),
                                new Hire("Tomás Novák", "Distributed Systems Engineer", "DSE-1", null, 1),
                                new Hire(
                                        "Hannah Lee",
                                        "Distributed Systems Engineer",
                                        "DSE-2",
                                        SpecializationTrack.DATA_INFRASTRUCTURE,
                                        2),
                                new Hire(
                                        "Kwame Mensah",
                                        "Senior Distributed Systems Engineer",
                                        "DSE-3",
                                        SpecializationTrack.DATA_INFRASTRUCTURE,
                                        5),
                                new Hire("Yuki Tanaka", "Distributed Systems Engineer", "DSE-1", null, 1),
                                new Hire(
                                        "Olga Petrova",
                                        "Distributed Systems Engineer",
                                        "DSE-2",
                                        SpecializationTrack.DATA_INFRASTRUCTURE,
                                        3),
                                new Hire(
                                        "Ravi Iyer",
                                        "Principal Engineer",
                                        "SPE-2",
                                        SpecializationTrack.DATA_INFRASTRUCTURE,
                                        11))),
                new TeamPlan(
                        "Service Mesh & Edge",
                        SpecializationTrack.CLOUD_INFRASTRUCTURE,
                        new Hire(
                                "Sofia Rossi",
                                "Engineering Manager, Service Mesh & Edge",
                                "SPE-1",
                                SpecializationTrack.CLOUD_INFRASTRUCTURE,
                                6),
                        List.of(
                                new Hire(
                                        "Ethan Brooks",
                                        "Distributed Systems Engineer",
                                        "DSE-2",
                                        SpecializationTrack.CLOUD_INFRASTRUCTURE,
                                        2),
                                new Hire(
                                        "Mei Chen",
                                        "Senior Distributed Systems Engineer",
                                        "DSE-3",
                                        SpecializationTrack.CLOUD_INFRASTRUCTURE,
                                        5),
                                new Hire("Lucas Martin", "Distributed Systems Engineer", "DSE-1", null, 1),
                                new Hire(
                                        "Fatima Zahra",
                                        "Distributed Systems Engineer",
                                        "DSE-2",
                                        SpecializationTrack.CLOUD_INFRASTRUCTURE,
                                        3),
                                new Hire(
                                        "Jonas Berg",
                                        "Staff Engineer",
                                        "SPE-1",
                                        SpecializationTrack.CLOUD_INFRASTRUCTURE,
                                        9),
                                new Hire(
                                        "Ana Souza",
                                        "Senior Distributed Systems Engineer",
                                        "DSE-3",
                                        SpecializationTrack.CLOUD_INFRASTRUCTURE,
                                        4),
                                new Hire("Noah Williams", "Distributed Systems Engineer", "DSE-1", null, 0),
                                new Hire(
                                        "Amara Nwosu",
                                        "Distributed Systems Engineer",
                                        "DSE-2",
                                        SpecializationTrack.CLOUD_INFRASTRUCTURE,
                                        2),
                                new Hire(
                                        "Diego Fernández",
                                        "Senior Distributed Systems Engineer",
                                        "DSE-3",
                                        SpecializationTrack.CLOUD_INFRASTRUCTURE,
                                        6))),
                new TeamPlan(
                        "Streaming & Events",
                        SpecializationTrack.DATA_INFRASTRUCTURE,
                        new Hire(
                                "Marcus Johnson",
                                "Engineering Manager, Streaming & Events",
                                "SPE-1",
                                SpecializationTrack.DATA_INFRASTRUCTURE,
                                8),
                        List.of(
                                new Hire(
                                        "Chloé Dubois",
                                        "Distributed Systems Engineer",
                                        "DSE-2",
                                        SpecializationTrack.DATA_INFRASTRUCTURE,
                                        3),
                                new Hire(
                                        "Arjun Mehta",
                                        "Senior Distributed Systems Engineer",
                                        "DSE-3",
                                        SpecializationTrack.DATA_INFRASTRUCTURE,
                                        5),
                                new Hire("Isabel García", "Distributed Systems Engineer", "DSE-1", null, 1),
                                new Hire(
                                        "Samuel Adeyemi",
                                        "Distributed Systems Engineer",
                                        "DSE-2",
                                        SpecializationTrack.DATA_INFRASTRUCTURE,
                                        2),
                                new Hire(
                                        "Nina Kowalski",
                                        "Staff Engineer",
                                        "SPE-1",
                                        SpecializationTrack.DATA_INFRASTRUCTURE,
                                        10),
                                new Hire("Omar Haddad", "Distributed Systems Engineer", "DSE-2", null, 3),
                                new Hire(
                                        "Grace Kim",
                                        "Senior Distributed Systems Engineer",
                                        "DSE-3",
                                        SpecializationTrack.DATA_INFRASTRUCTURE,
                                        4),
                                new Hire("Felix Wagner", "Distributed Systems Engineer", "DSE-1", null, 0),
                                new Hire(
                                        "Zanele Dlamini",
                                        "Distributed Systems Engineer",
                                        "DSE-2",
                                        SpecializationTrack.DATA_INFRASTRUCTURE,
                                        2))),
                new TeamPlan(
                        "Protocol Research & Security",
                        SpecializationTrack.RESEARCH_PROTOCOL_DESIGN,
                        new Hire(
                                "Elena Volkova",
                                "Engineering Manager, Protocol Research & Security",
                                "SPE-1",
                                SpecializationTrack.RESEARCH_PROTOCOL_DESIGN,
                                9),
                        List.of(
                                new Hire(
                                        "Hiro Sato",
                                        "Distinguished Engineer",
                                        "DE-1",
                                        SpecializationTrack.RESEARCH_PROTOCOL_DESIGN,
                                        15),
                                new Hire(
                                        "Leila Ahmadi",
                                        "Senior Distributed Systems Engineer",
                                        "DSE-3",
                                        SpecializationTrack.SECURITY_COMPLIANCE,
                                        5),
                                new Hire(
                                        "Ben Carter",
                                        "Distributed Systems Engineer",
                                        "DSE-2",
                                        SpecializationTrack.SECURITY_COMPLIANCE,
                                        2),
                                new Hire(
                                        "Ingrid Larsen",
                                        "Staff Engineer",
                                        "SPE-1",
                                        SpecializationTrack.RESEARCH_PROTOCOL_DESIGN,
                                        9),
                                new Hire("Kofi Boateng", "Distributed Systems Engineer", "DSE-1", null, 1),
                                new Hire(
                                        "Maya Patel",
                                        "Distributed Systems Engineer",
                                        "DSE-2",
                                        SpecializationTrack.RESEARCH_PROTOCOL_DESIGN,
                                        3),
                                new Hire(
                                        "Pablo Ruiz",
                                        "Senior Distributed Systems Engineer",
                                        "DSE-3",
                                        SpecializationTrack.SECURITY_COMPLIANCE,
                                        6),
                                new Hire("Sara Lindqvist", "Distributed Systems Engineer", "DSE-1", null, 0),
                                new Hire(
                                        "Wei Zhang",
                                        "Distributed Systems Engineer",
                                        "DSE-2",
                                        SpecializationTrack.RESEARCH_PROTOCOL_DESIGN,
                                        2))));

        for (var plan : teams) {
            var teamId = editing.createTeam(plan.name(), org);
            var managerId = person(
                    plan.manager(),
                    teamId,
                    directorId,
                    ladderId,
                    today,
                    random,
                    hash,
                    EnumSet.of(Role.MANAGER, Role.ENGINEER));
            editing.setTeamLead(teamId, managerId);
            for (var hire : plan.engineers()) {
                person(hire, teamId, managerId, ladderId, today, random, hash, EnumSet.of(Role.ENGINEER));
            }
        }
    }

    private record TeamPlan(String name, SpecializationTrack track, Hire manager, List<Hire> engineers) {}

    private static final List<String> LEVELS = List.of("DSE-1", "DSE-2", "DSE-3", "SPE-1", "SPE-2", "DE-1");

    private Long person(
            Hire hire,
            Long teamId,
            Long managerId,
            Long ladderId,
            LocalDate today,
            Random random,
            String hash,
            Set<Role> roles) {
        var email = email(hire.name());
        var start = today.minusYears(hire.yearsAgo()).minusDays(random.nextInt(200) + 20);
        // Entry level depends on tenure: long-tenured people joined lower and were promoted since.
        int target = LEVELS.indexOf(hire.level());
        int entry = Math.max(0, target - Math.min(target, hire.yearsAgo() / 3));
        var id = editing.create(
                new NewPerson(
                        hire.name(),
                        email,
                        hire.title(),
                        teamId,
                        managerId,
                        ladderId,
                        LEVELS.get(entry),
                        hire.track(),
                        hire.track() == null ? ScopeAxis.GENERALIST : ScopeAxis.SPECIALIST,
                        hire.track() == SpecializationTrack.CLOUD_INFRASTRUCTURE
                                        || hire.track() == SpecializationTrack.DATA_INFRASTRUCTURE
                                ? FocusAxis.PLATFORM
                                : FocusAxis.PRODUCT,
                        hire.track() == SpecializationTrack.RESEARCH_PROTOCOL_DESIGN
                                ? CommunityAxis.OPEN_SOURCE_STANDARDS
                                : CommunityAxis.INDUSTRY,
                        start),
                start);
        var date = start;
        long version = 0;
        for (int level = entry + 1; level <= target; level++) {
            date = date.plusMonths(14 + random.nextInt(14));
            if (date.isAfter(today.minusMonths(2))) {
                date = today.minusMonths(2 + random.nextInt(3));
            }
            version = people.details(id).version();
            levels.changeLevel(
                    id,
                    version,
                    ladderId,
                    LEVELS.get(level),
                    date,
                    AssignmentReason.PROMOTION,
                    "Promotion approved by the " + date.getYear() + " committee",
                    null);
        }
        accounts.createWithEncodedPassword(email, hire.name(), hash, roles, id);
        return id;
    }

    static String email(String name) {
        var ascii = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replace(' ', '.') + "@" + DOMAIN;
    }
}
