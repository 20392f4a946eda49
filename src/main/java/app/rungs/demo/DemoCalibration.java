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
import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Seeds the calibration sessions of {@code demo/calibration.yaml}, made by the people who would make them (signed in
 * as them, through the secured service): last cycle's session, published with final ratings (so the board shows
 * "last cycle"), and this cycle's session, preparing, with some of the managers' proposals entered.
 *
 * <p>Same enablement as {@link DemoOrganization}; runs after the other demo data and only while no session exists.
 */
@Component
@Order(30)
class DemoCalibration implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCalibration.class);

    private final DemoSignIn demo;
    private final AccountService accounts;
    private final PeopleService people;
    private final CalibrationSessions sessions;
    private final CalibrationPreparation preparations;
    private final BoardEntries entries;
    private final CalibrationBoard boards;
    private final SessionLifecycle lifecycle;
    private final DemoPotential potential;

    DemoCalibration(
            DemoSignIn demo,
            AccountService accounts,
            PeopleService people,
            CalibrationSessions sessions,
            CalibrationPreparation preparations,
            BoardEntries entries,
            CalibrationBoard boards,
            SessionLifecycle lifecycle,
            DemoPotential potential) {
        this.demo = demo;
        this.accounts = accounts;
        this.people = people;
        this.sessions = sessions;
        this.preparations = preparations;
        this.entries = entries;
        this.boards = boards;
        this.lifecycle = lifecycle;
        this.potential = potential;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo.enabled()) {
            return;
        }
        var data = DemoData.calibration();
        boolean seed = SystemAuthentication.call(() -> sessions.count() == 0
                && accounts.findByUsername(DemoPromotions.user(data.chair())).isPresent());
        if (seed) {
            long started = System.nanoTime();
            try {
                seed(data, LocalDate.now());
            } catch (RuntimeException e) {
                // Demo data must never stop Rungs from starting; the sessions can be created by hand.
                log.warn("Could not seed the demo calibration sessions", e);
                return;
            }
            log.info("Seeded the demo calibration sessions in {} ms", (System.nanoTime() - started) / 1_000_000);
        }
    }

    private void seed(DemoData.Calibration data, LocalDate today) {
        var cycle = Cycles.of(today);
        var last = Cycles.previous(today);
        var chair = DemoPromotions.user(data.chair());
        Set<Long> teams = demo.as(
                chair,
                () -> people.teams().stream()
                        .filter(t -> data.teams().contains(t.name()))
                        .map(TeamOption::id)
                        .collect(Collectors.toSet()));
        if (teams.size() != data.teams().size()) {
            return;
        }

        // Last cycle: proposals, the session, the committee's adjustments, locked and published.
        var previous = demo.as(chair, () -> sessions.create(session(data, last, teams)));
        for (var manager : data.managers()) {
            demo.run(DemoPromotions.user(manager), () -> {
                for (var e : preparations.preparation(previous).mine()) {
                    var rating = data.last().ratings().getOrDefault(e.personName(), data.defaultRating());
                    entries.propose(
                            e.id(), e.version(), rating, data.rationales().get(rating));
                }
            });
        }
        demo.run(chair, () -> {
            lifecycle.start(previous, sessions.session(previous).version());
            potential.rate(previous);
            for (var e : boards.board(previous).entries()) {
                for (var change : data.last().adjustments()) {
                    if (e.personName().equals(change.person())) {
                        entries.edit(
                                e.id(),
                                e.version(),
                                EntryEdit.of(e)
                                        .withFinalRating(change.finalRating())
                                        .withNotes(change.notes()),
                                // The committee's note is also why the rating left the proposal.
                                change.notes());
                    }
                }
            }
            lifecycle.lock(previous, sessions.session(previous).version());
        });
        demo.run(
                DemoPromotions.user("admin"),
                () -> lifecycle.publish(previous, sessions.session(previous).version(), DemoDates.startOfCycle(today)));

        // This cycle: preparing; each manager's last few engineers still without a proposal.
        var current = demo.as(chair, () -> sessions.create(session(data, cycle, teams)));
        for (var manager : data.managers()) {
            demo.run(DemoPromotions.user(manager), () -> {
                var mine = preparations.preparation(current).mine();
                int skip = data.current().unproposed().getOrDefault(manager, 0);
                for (BoardEntry e : mine.subList(0, Math.max(0, mine.size() - skip))) {
                    var rating = data.current().ratings().getOrDefault(e.personName(), data.defaultRating());
                    var rationale = data.current()
                            .rationales()
                            .getOrDefault(e.personName(), data.rationales().get(rating));
                    entries.propose(e.id(), e.version(), rating, rationale);
                }
            });
        }
    }

    private static NewSession session(DemoData.Calibration data, String cycle, Set<Long> teams) {
        return new NewSession(data.sessionName().replace("{cycle}", cycle), cycle, teams, Set.of(), Set.of(), null);
    }
}
