package app.rungs.demo;

import app.rungs.demo.DemoData.Hire;
import app.rungs.ladder.service.LadderLifecycleService;
import app.rungs.people.domain.AssignmentReason;
import app.rungs.people.service.LevelChangeService;
import app.rungs.people.service.NewPerson;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonEditingService;
import app.rungs.security.domain.Role;
import app.rungs.security.service.AccountService;
import app.rungs.security.service.SystemAuthentication;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo organization of {@code demo/organization.yaml} into an empty database: the ladder adopted, a
 * director, four engineering managers and 36 engineers in four teams, each with a level history and an account.
 */
@Component
@Order(0)
class DemoOrganization implements ApplicationRunner {

    /** Password of every demo account; documented in the README. */
    static final String DEMO_PASSWORD = "rungs-demo-2026";

    static final String DOMAIN = "rungs.demo";

    /** Seed of the random sequence that spreads start and promotion dates. */
    private static final long RANDOM_SEED = 20261126L;

    private static final Logger log = LoggerFactory.getLogger(DemoOrganization.class);

    private final DemoSignIn demo;
    private final AccountService accounts;
    private final LadderLifecycleService ladders;
    private final PeopleService people;
    private final PersonEditingService editing;
    private final LevelChangeService levels;

    DemoOrganization(
            DemoSignIn demo,
            AccountService accounts,
            LadderLifecycleService ladders,
            PeopleService people,
            PersonEditingService editing,
            LevelChangeService levels) {
        this.demo = demo;
        this.accounts = accounts;
        this.ladders = ladders;
        this.people = people;
        this.editing = editing;
        this.levels = levels;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo.enabled()) {
            return;
        }
        SystemAuthentication.run(() -> {
            if (accounts.count() > 0) {
                return;
            }
            long started = System.nanoTime();
            seed(DemoData.organization());
            log.info("Seeded the demo organization in {} ms", (System.nanoTime() - started) / 1_000_000);
        });
    }

    private record Context(Long ladderId, List<String> levels, LocalDate today, Random random, String hash) {}

    private void seed(DemoData.Organization org) {
        var hash = accounts.encode(DEMO_PASSWORD);
        var ladderId = ladders.createFromTemplate(org.ladderTemplate(), null);
        var context = new Context(ladderId, org.levels(), LocalDate.now(), new Random(RANDOM_SEED), hash);

        accounts.createWithEncodedPassword(
                org.admin().username(), org.admin().name(), hash, EnumSet.of(Role.ADMIN), null);

        var top = editing.createTeam(org.organization(), null);
        var managers = EnumSet.of(Role.MANAGER, Role.ENGINEER);
        var directorId = person(org.director(), top, null, context, managers);
        editing.setTeamLead(top, directorId);
        for (var team : org.teams()) {
            var teamId = editing.createTeam(team.name(), top);
            var managerId = person(team.manager(), teamId, directorId, context, managers);
            editing.setTeamLead(teamId, managerId);
            for (var hire : team.engineers()) {
                person(hire, teamId, managerId, context, EnumSet.of(Role.ENGINEER));
            }
        }
    }

    private Long person(Hire hire, Long teamId, Long managerId, Context context, Set<Role> roles) {
        var email = email(hire.name());
        var career = DemoCareer.of(hire, careerLevels(hire, context.levels()), context.today(), context.random());
        var track = hire.track();
        var id = editing.create(
                new NewPerson(
                        hire.name(),
                        email,
                        hire.title(),
                        teamId,
                        managerId,
                        context.ladderId(),
                        career.entryLevel(),
                        track,
                        DemoCareer.scope(track),
                        DemoCareer.focus(track),
                        DemoCareer.community(track),
                        career.start(),
                        hire.path()),
                career.start());
        for (var promotion : career.promotions()) {
            levels.changeLevel(
                    id,
                    people.details(id).version(),
                    context.ladderId(),
                    promotion.level(),
                    promotion.date(),
                    AssignmentReason.PROMOTION,
                    "Promotion approved by the " + promotion.date().getYear() + " committee",
                    null);
        }
        accounts.createWithEncodedPassword(email, hire.name(), context.hash(), roles, id);
        return id;
    }

    /**
     * The levels a demo person climbed: the organization's list, whose last (branch) level another track's top level
     * (e.g. RS-1 of the Research Scientist track) stands in for.
     */
    static List<String> careerLevels(Hire hire, List<String> levels) {
        if (levels.contains(hire.level())) {
            return levels;
        }
        var result = new java.util.ArrayList<>(levels.subList(0, levels.size() - 1));
        result.add(hire.level());
        return result;
    }

    /** A demo person's username: the name without accents, lower case, dots for spaces, at the demo domain. */
    static String email(String name) {
        var ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replace(' ', '.') + "@" + DOMAIN;
    }
}
