package app.rungs.demo;

import app.rungs.calibration.service.BoardEntries;
import app.rungs.calibration.service.BoardEntry;
import app.rungs.calibration.service.CalibrationBoard;
import app.rungs.calibration.service.CalibrationPreparation;
import app.rungs.calibration.service.CalibrationSessions;
import app.rungs.calibration.service.EntryEdit;
import app.rungs.calibration.service.NewSession;
import app.rungs.calibration.service.SessionLifecycle;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.TeamOption;
import app.rungs.promotion.service.Cycles;
import app.rungs.security.service.AccountService;
import app.rungs.security.service.SystemAuthentication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Seeds two calibration sessions for Storage Platform and Streaming & Events, made by the people who would make
 * them (signed in as them, through the secured service): last cycle's session, published with final ratings (so
 * the board shows "last cycle"), and this cycle's session, preparing, with some of Daniel Okafor's and Marcus
 * Johnson's proposals entered.
 *
 * <p>Same enablement as {@link DemoOrganization}; runs after the other demo data and only while no session exists.
 */
@Component
@Order(30)
class DemoCalibration implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCalibration.class);
    private static final String ADMIN = "admin@" + DemoOrganization.DOMAIN;
    private static final List<String> TEAMS = List.of("Storage Platform", "Streaming & Events");

    private static final Map<String, String> RATIONALES = Map.of(
            "Below",
                    "Missed several commitments this cycle and needed close support during incidents. We agreed on a"
                            + " focused plan with weekly check-ins for the next half.",
            "Meets",
                    "Delivered the planned roadmap items at the expected scope and quality; dependable in design"
                            + " reviews and on call.",
            "Exceeds",
                    "Took on work above the level: drove a cross-team design to completion and mentored the newer"
                            + " engineers on the team.",
            "Greatly exceeds",
                    "Set technical direction beyond the team this cycle; the work changed how several teams build"
                            + " and operate their services.");

    /** Last cycle's final ratings and this cycle's proposals, by name; everyone else meets expectations. */
    private static final Map<String, String> LAST_CYCLE = Map.of(
            "Lena Fischer", "Exceeds",
            "Aisha Rahman", "Greatly exceeds",
            "Tomás Novák", "Below",
            "Ravi Iyer", "Exceeds",
            "Chloé Dubois", "Exceeds");

    private static final Map<String, String> THIS_CYCLE = Map.of(
            "Lena Fischer", "Greatly exceeds",
            "Mateo Alvarez", "Exceeds",
            "Tomás Novák", "Meets",
            "Chloé Dubois", "Exceeds");

    private final String mode;
    private final ObjectProvider<EmbeddedPostgres> embedded;
    private final AccountService accounts;
    private final PeopleService people;
    private final CalibrationSessions sessions;
    private final CalibrationPreparation preparations;
    private final BoardEntries boardEntries;
    private final CalibrationBoard boards;
    private final SessionLifecycle lifecycle;
    private final UserDetailsService users;

    DemoCalibration(
            @Value("${rungs.demo.mode:auto}") String mode,
            ObjectProvider<EmbeddedPostgres> embedded,
            AccountService accounts,
            PeopleService people,
            CalibrationSessions sessions,
            CalibrationPreparation preparations,
            BoardEntries boardEntries,
            CalibrationBoard boards,
            SessionLifecycle lifecycle,
            UserDetailsService users) {
        this.mode = mode.strip().toLowerCase(Locale.ROOT);
        this.embedded = embedded;
        this.accounts = accounts;
        this.people = people;
        this.sessions = sessions;
        this.preparations = preparations;
        this.boardEntries = boardEntries;
        this.boards = boards;
        this.lifecycle = lifecycle;
        this.users = users;
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
        boolean seed = SystemAuthentication.call(() -> sessions.count() == 0
                && accounts.findByUsername(email("Priya Natarajan")).isPresent());
        if (seed) {
            long started = System.nanoTime();
            try {
                seed();
            } catch (RuntimeException e) {
                // Demo data must never stop Rungs from starting; the sessions can be created by hand.
                log.warn("Could not seed the demo calibration sessions", e);
                return;
            }
            log.info("Seeded the demo calibration sessions in {} ms", (System.nanoTime() - started) / 1_000_000);
        }
    }

    private void seed() {
        var today = LocalDate.now();
        var cycle = Cycles.of(today);
        var last = Cycles.previous(today);
        var priya = email("Priya Natarajan");
        var managers = List.of(email("Daniel Okafor"), email("Marcus Johnson"));
        Set<Long> teams = as(
                priya,
                () -> people.teams().stream()
                        .filter(t -> TEAMS.contains(t.name()))
                        .map(TeamOption::id)
                        .collect(Collectors.toSet()));
        if (teams.size() != TEAMS.size()) {
            return;
        }

        // Last cycle: proposals, the session, small adjustments by the committee, locked and published.
        var previous = as(
                priya,
                () -> sessions.create(
                        new NewSession(last + " Storage & Streaming", last, teams, Set.of(), Set.of(), null)));
        for (var manager : managers) {
            as(manager, () -> {
                for (var e : preparations.preparation(previous).mine()) {
                    var rating = LAST_CYCLE.getOrDefault(e.personName(), "Meets");
                    boardEntries.propose(e.id(), e.version(), rating, RATIONALES.get(rating));
                }
                return null;
            });
        }
        as(priya, () -> {
            lifecycle.start(previous, sessions.session(previous).version());
            for (var e : boards.board(previous).entries()) {
                if (e.personName().equals("Ravi Iyer")) {
                    boardEntries.edit(
                            e.id(),
                            e.version(),
                            EntryEdit.of(e)
                                    .withFinalRating("Meets")
                                    .withNotes("Strong delivery, but the committee saw the impact at team scope"
                                            + " this half; revisit with the platform migration results."));
                }
            }
            lifecycle.lock(previous, sessions.session(previous).version());
            return null;
        });
        as(ADMIN, () -> {
            var effective = today.getMonthValue() <= 6
                    ? today.withDayOfYear(1)
                    : today.withMonth(7).withDayOfMonth(1);
            lifecycle.publish(previous, sessions.session(previous).version(), effective);
            return null;
        });

        // This cycle: preparing; Daniel has proposed for six of his nine, Marcus for all but two.
        var current = as(
                priya,
                () -> sessions.create(
                        new NewSession(cycle + " Storage & Streaming", cycle, teams, Set.of(), Set.of(), null)));
        for (var manager : managers) {
            as(manager, () -> {
                var mine = preparations.preparation(current).mine();
                int skip = manager.startsWith("daniel") ? 3 : 2;
                for (BoardEntry e : mine.subList(0, Math.max(0, mine.size() - skip))) {
                    var rating = THIS_CYCLE.getOrDefault(e.personName(), "Meets");
                    var rationale = e.personName().equals("Lena Fischer")
                            ? "Led the response to the metadata quorum split and designed the replica fencing that"
                                    + " ended split-brain writes; now sets the direction of the team's consistency"
                                    + " work. Her promotion case to DSE-3 is submitted."
                            : RATIONALES.get(rating);
                    boardEntries.propose(e.id(), e.version(), rating, rationale);
                }
                return null;
            });
        }
    }

    private <T> T as(String username, Supplier<T> work) {
        var previous = SecurityContextHolder.getContext();
        var user = users.loadUserByUsername(username);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private static String email(String name) {
        return DemoOrganization.email(name);
    }
}
