package app.rungs.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import app.rungs.calibration.service.CalibrationBoard;
import app.rungs.calibration.service.CalibrationSessions;
import app.rungs.people.service.PeopleService;
import app.rungs.people.service.PersonEditingService;
import app.rungs.security.service.AccountService;
import app.rungs.support.DemoUsers;
import app.rungs.support.IntegrationTest;
import app.rungs.support.StatementCounter;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Loading the board takes the same number of statements whatever the number of engineers: the session, its
 * participants and entries, the ladders' published content, the promotion cases of the session's engineers, their
 * evidence readiness and last cycle's ratings are each read for all engineers at once. Nothing is cached between
 * loads, so every load here is cold. (Before this was batched, a cold load took 13 statements plus 12 per engineer.)
 */
@IntegrationTest
class BoardStatementCountTest {

    /** The most a cold board load may take, for any number of engineers. */
    static final long BUDGET = 25;

    @Autowired
    CalibrationBoard boards;

    @Autowired
    CalibrationSessions sessions;

    @Autowired
    PeopleService people;

    @Autowired
    PersonEditingService peopleEditing;

    @Autowired
    AccountService accounts;

    @Autowired
    UserDetailsService users;

    @Autowired
    EntityManagerFactory emf;

    CalibrationFixtures fx;
    StatementCounter counter;

    @BeforeEach
    void setUp() {
        fx = new CalibrationFixtures(people, peopleEditing, accounts, users, sessions);
        counter = new StatementCounter(emf);
    }

    private long boardLoad(String user, Long id) {
        return counter.count(() -> fx.as(user, () -> boards.board(id)));
    }

    @Test
    void aColdBoardLoadTakesTheSameStatementsForFiveOrEighteenEngineers() {
        var org = fx.org();
        var small = fx.session(org, "2026-H2");
        var demo = fx.as(DemoUsers.DIRECTOR, () -> sessions.find(PageRequest.of(0, 100))).stream()
                .filter(r -> r.name()
                        .equals(app.rungs.promotion.service.Cycles.of(java.time.LocalDate.now())
                                + " Storage & Streaming"))
                .findFirst()
                .orElseThrow();
        assertThat(fx.as(org.director(), () -> boards.board(small)).entries()).hasSize(5);
        assertThat(fx.as(DemoUsers.DIRECTOR, () -> boards.board(demo.id())).entries())
                .hasSize(18);

        long smallLoad = boardLoad(org.director(), small);
        long demoLoad = boardLoad(DemoUsers.DIRECTOR, demo.id());
        System.out.printf("Board statements, cold: 5 engineers %d, 18 engineers %d%n", smallLoad, demoLoad);
        assertThat(smallLoad).isLessThanOrEqualTo(BUDGET);
        assertThat(demoLoad).isEqualTo(smallLoad);
    }

    @Test
    void theBoardShowsEveryEngineersReadinessWithoutACache() {
        var org = fx.org();
        var id = fx.session(org, "2026-H2");
        var board = fx.as(org.director(), () -> boards.board(id));
        assertThat(board.readiness()).isNotEmpty();
        assertThat(board.entries().stream().map(e -> e.personId()).toList())
                .containsAll(board.readiness().keySet());
        assertThat(boardLoad(org.director(), id)).isEqualTo(boardLoad(org.director(), id));
    }

    @Test
    void aLiveUpdateReloadsOneEntryInAFewStatements() {
        var org = fx.org();
        var id = fx.session(org, "2026-H2");
        var entry = fx.as(org.director(), () -> boards.board(id)).entries().getFirst();
        long statements = counter.count(() -> fx.as(org.managerA(), () -> boards.entry(id, entry.id())));
        System.out.printf("Live entry reload: %d statements%n", statements);
        assertThat(statements).isLessThanOrEqualTo(6);
    }
}
